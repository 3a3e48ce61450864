import { DateTime } from 'luxon';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { classify, readAnswerWords, type AnswerWords } from './answers';
import { convertCallback, detectEvent, formBody, tokensMatch } from './callback';
import type { Channel } from './waitFields';

/** The signed resume URL carries the Reference given to the job's one recipient. */
export const REFERENCE_PARAMETER = 'ref';

/** What ended the wait. */
export type EndedBy = 'reply' | 'keypress' | 'callEnded' | 'waitTimeLimit';

/** Who was asked: what the output repeats whatever happens. */
export interface Asked {
	channel: Channel;
	jobId: number;
	from: string;
	recipientName: string | null;
}

const NO_CALL = { key: null, callStatus: null, voicemail: null, durationSeconds: null };

/** The item of a wait that ended without a reply: n8n passes it on when the time limit passes. */
export function noReplyItem(asked: Asked): INodeExecutionData {
	return {
		json: {
			replied: false,
			answer: null,
			approved: false,
			declined: false,
			reply: null,
			from: asked.from,
			recipientName: asked.recipientName,
			repliedAt: null,
			jobId: asked.jobId,
			channel: asked.channel,
			...(asked.channel === 'voiceCall' ? NO_CALL : {}),
			endedBy: 'waitTimeLimit' satisfies EndedBy,
		},
		pairedItem: { item: 0 },
	};
}

/** Welcorp's ISO time with offset, as ISO 8601 UTC; null when missing or unreadable. */
function isoTime(text: unknown): string | null {
	if (typeof text !== 'string' || text.trim() === '') return null;
	const parsed = DateTime.fromISO(text.trim(), { setZone: true });
	return parsed.isValid ? parsed.toJSDate().toISOString() : null;
}

/** The output of a wait ended by a reply (SMS) or by the end of the call (voice). */
export function replyOutput(
	channel: Channel,
	callback: IDataObject,
	words: AnswerWords,
): IDataObject {
	const asked = {
		from: callback.destination ?? null,
		recipientName: callback.recipient || null,
	};
	if (channel === 'sms') {
		const reply = typeof callback.response === 'string' ? callback.response : '';
		return {
			replied: true,
			...classify(reply, words),
			reply,
			...asked,
			repliedAt: isoTime(callback.timestamp),
			jobId: callback.broadcastId,
			channel,
			endedBy: 'reply' satisfies EndedBy,
		};
	}
	const key = typeof callback.keypress === 'number' ? callback.keypress : null;
	const reply = key === null ? null : String(key);
	return {
		replied: key !== null,
		...classify(reply, words),
		reply,
		...asked,
		repliedAt: key === null ? null : isoTime(callback.timestamp),
		jobId: callback.broadcastId,
		channel,
		key,
		callStatus: callback.status ?? null,
		voicemail: callback.voicemail ?? null,
		durationSeconds: callback.duration ?? null,
		endedBy: (key === null ? 'callEnded' : 'keypress') satisfies EndedBy,
	};
}

/**
 * The answer lists, checked when the job was sent. Should they read differently now (an
 * expression), the reply is passed on as it came: a webhook that throws fails the execution.
 */
function answerWords(context: IWebhookFunctions, channel: Channel): AnswerWords {
	try {
		return readAnswerWords(
			context.getNode(),
			(name, fallback) => context.getNodeParameter(name, fallback),
			channel,
		);
	} catch {
		return { approve: [], decline: [], firstWordOnly: false };
	}
}

/**
 * Welcorp posts to this execution's signed resume URL (n8n has checked the signature before this
 * runs). Only the callback of the job this execution created resumes it: its Reference is the one
 * the URL carries. Anything else is answered here and the execution keeps waiting.
 */
export async function receiveReply(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const channel = this.getNodeParameter('resource') as Channel;
	const response = this.getResponseObject();
	const refuse = (status: number, message: string): IWebhookResponseData => {
		response.status(status).json({ message });
		return { noWebhookResponse: true };
	};
	const body = formBody(this.getBodyData());
	const event = detectEvent(body);
	if (!event)
		return refuse(
			400,
			'Not a Welcorp callback: BroadcastID and a response, status or call fields are expected',
		);
	const callback = convertCallback(body, event);
	const expected = (this.getQueryData() as IDataObject)[REFERENCE_PARAMETER];
	if (!tokensMatch(callback.reference, typeof expected === 'string' ? expected : ''))
		return refuse(
			401,
			'Not for this execution: the callback is for another job than the one it waits for',
		);
	if (channel === 'sms' && event === 'smsStatus')
		return { webhookResponse: { received: true, waiting: true } };
	if (channel === 'sms' && event !== 'smsReply')
		return refuse(400, 'Not an SMS reply: this execution waits for the reply to a two-way SMS');
	if (channel === 'voiceCall' && event !== 'deliveryReport')
		return refuse(400, 'Not a call report: this execution waits for the end of a two-way call');
	const words = answerWords(this, channel);
	// n8n answers once the resumed run is done (the webhook's responseMode)
	return {
		workflowData: [[{ json: replyOutput(channel, callback, words), pairedItem: { item: 0 } }]],
	};
}
