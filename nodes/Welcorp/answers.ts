import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listParameter } from '../shared';
import type { Channel } from './waitFields';

/** Which replies (or keys) mean yes and no. */
export interface AnswerWords {
	approve: string[];
	decline: string[];
	firstWordOnly: boolean;
}

export interface Answer {
	/** 'approved', 'declined', the reply as it came (trimmed), or null without a reply. */
	answer: string | null;
	approved: boolean;
	declined: boolean;
}

/** Case and the punctuation around a reply ("Yes!", " y. ") do not matter. */
export function normalize(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function firstWord(text: string): string {
	return normalize(text).split(/[^\p{L}\p{N}]+/u)[0] ?? '';
}

/** Reads a node parameter: the execute and webhook contexts ask for it differently. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

/** Reads the answer lists; a word in both lists is refused before anything is sent. */
export function readAnswerWords(
	node: INode,
	read: ParameterReader,
	channel: Channel,
	itemIndex = 0,
): AnswerWords {
	const list = (name: string) => listParameter(read(name, '')).map(normalize).filter(Boolean);
	const words: AnswerWords = {
		approve: list('approveWords'),
		decline: list('declineWords'),
		firstWordOnly: channel === 'sms' && read('matchFirstWord', false) === true,
	};
	const both = words.approve.find((word) => words.decline.includes(word));
	if (both !== undefined) {
		const label = channel === 'sms' ? 'Replies' : 'Keys';
		throw new NodeOperationError(
			node,
			`Invalid "Approve ${label}": "${both}" is also one of the Decline ${label}`,
			{ itemIndex, description: 'A reply can only mean one thing. Nothing was sent.' },
		);
	}
	return words;
}

/** What a reply means under the answer lists; null (no reply) is neither yes nor no. */
export function classify(reply: string | null, words: AnswerWords): Answer {
	if (reply === null || reply.trim() === '')
		return { answer: null, approved: false, declined: false };
	const key = words.firstWordOnly ? firstWord(reply) : normalize(reply);
	if (words.approve.includes(key)) return { answer: 'approved', approved: true, declined: false };
	if (words.decline.includes(key)) return { answer: 'declined', approved: false, declined: true };
	return { answer: reply.trim(), approved: false, declined: false };
}
