import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallScope, RequestContext } from '../shared';
import { callEndpoint, isRecord } from '../shared';
import { questionSchema, WESAL_VOC, type Question } from './transport';

/** One question of the schema: as the API sent it, and read. */
export interface SchemaQuestion {
	raw: IDataObject;
	question: Question;
}

function parseQuestions(stored: unknown): SchemaQuestion[] | undefined {
	if (typeof stored !== 'string' || stored === '') return undefined;
	let entries: unknown;
	try {
		entries = JSON.parse(stored);
	} catch {
		return undefined;
	}
	if (!Array.isArray(entries)) return undefined;
	const questions: SchemaQuestion[] = [];
	for (const entry of entries) {
		const parsed = questionSchema.safeParse(entry);
		if (!parsed.success || !isRecord(entry)) return undefined;
		const { id, name, type, minAnswer, maxAnswer } = parsed.data;
		questions.push({
			raw: entry as IDataObject,
			question: { id, name: name ?? id, type, minAnswer, maxAnswer },
		});
	}
	return questions;
}

/** The question schema the credential keeps from its last login, if any: no request is sent. */
export async function storedQuestionSchema(
	context: RequestContext,
): Promise<SchemaQuestion[] | undefined> {
	const credentials = await context.getCredentials(WESAL_VOC.credentialType);
	return parseQuestions(credentials.questionsSchema);
}

/**
 * The company's question schema arrives with the login answer and is kept in the credential.
 * When no login happened yet, one empty search makes n8n log in.
 */
export async function loadQuestionSchema(
	context: RequestContext,
	operation: string,
	scope?: CallScope,
): Promise<SchemaQuestion[]> {
	const known = await storedQuestionSchema(context);
	if (known) return known;
	await callEndpoint(context, WESAL_VOC, 'searchSurveys', {
		operation,
		scope,
		body: {
			startDate: '1970-01-01T00:00:00',
			endDate: '1970-01-01T00:00:00',
			agents: [],
			queues: [],
			answers: {},
			page: 1,
		},
	});
	const loaded = await storedQuestionSchema(context);
	if (!loaded) {
		throw new NodeOperationError(
			context.getNode(),
			'Wesal VoC did not send the question schema with the login answer',
			{
				itemIndex: scope?.itemIndex,
				description: 'The login answer should list the questions under user.company.settings.',
			},
		);
	}
	return loaded;
}

export async function storedQuestions(context: RequestContext): Promise<Question[] | undefined> {
	return (await storedQuestionSchema(context))?.map((entry) => entry.question);
}

export async function loadQuestions(
	context: RequestContext,
	operation: string,
	scope?: CallScope,
): Promise<Question[]> {
	return (await loadQuestionSchema(context, operation, scope)).map((entry) => entry.question);
}

/** Simplified output of a question: its fields, flat. */
export function simplifyQuestion(question: Question): IDataObject {
	return {
		id: question.id,
		name: question.name,
		type: question.type ?? null,
		minAnswer: question.minAnswer ?? null,
		maxAnswer: question.maxAnswer ?? null,
	};
}

export const QUESTION_FIELDS: INodePropertyOptions[] = [
	{ name: 'ID', value: 'id' },
	{ name: 'Max Answer', value: 'maxAnswer' },
	{ name: 'Min Answer', value: 'minAnswer' },
	{ name: 'Name', value: 'name' },
	{ name: 'Type', value: 'type' },
];

/** The questions for the answer-filter dropdown. */
export function questionOptions(questions: Question[]): INodePropertyOptions[] {
	return questions.map((question) => ({
		name: question.name,
		value: question.id,
		description:
			question.minAnswer !== undefined && question.maxAnswer !== undefined
				? `${question.type ?? 'answer'} from ${question.minAnswer} to ${question.maxAnswer}`
				: question.type,
	}));
}
