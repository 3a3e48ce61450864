import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { FeedbackRecord, FeedbackScore } from '../shared';
import {
	FEEDBACK_FIELDS,
	feedbackRecord,
	flattenFeedback,
	numericAnswer,
	parseVendorDate,
	score,
} from '../shared';
import { surveyId, surveyTime, type Survey } from './survey';

/** One score per question; when a question is answered twice the later answer counts. */
function scoresOf(survey: Survey): FeedbackScore[] {
	const byQuestion = new Map<string, { score: FeedbackScore; time: number }>();
	for (const answer of survey.answers ?? []) {
		const time = parseVendorDate(answer.createdAt)?.getTime() ?? 0;
		const questionId = String(answer.questionId);
		const known = byQuestion.get(questionId);
		if (known && known.time > time) continue;
		const text = answer.answerTitle ?? answer.answerValue;
		byQuestion.set(questionId, {
			score: score(
				questionId,
				answer.questionName ?? questionId,
				text,
				numericAnswer(answer.answerValue),
			),
			time,
		});
	}
	return [...byQuestion.values()].map((entry) => entry.score);
}

/** "tel:+9665…" is a number, "mailto:…" an email; anything else identifies the customer as is. */
function customerOf(callerId: string | null | undefined): Partial<FeedbackRecord> {
	if (!callerId) return {};
	if (/^tel:/i.test(callerId)) return { customerNumber: callerId.slice(4) };
	if (/^mailto:/i.test(callerId)) return { customerEmail: callerId.slice(7) };
	return { customerId: callerId };
}

/** The shared feedback record of a survey: one score per answered question. */
export function feedbackOf(survey: Survey): FeedbackRecord {
	const conversation = survey.conversation ?? {};
	return feedbackRecord({
		source: 'wesalPortal',
		surveyId: surveyId(survey),
		interactionId: conversation.id ?? null,
		date: surveyTime(survey)?.toISOString() ?? null,
		channel: conversation.mediaType ?? null,
		direction: conversation.direction ?? null,
		agentId: conversation.agentId ?? null,
		agent: conversation.agentName ?? null,
		queueId: conversation.queueId ?? null,
		queue: conversation.queueName ?? null,
		...customerOf(conversation.callerId),
		scores: scoresOf(survey),
	});
}

const orNull = (value: unknown) => (value === undefined || value === '' ? null : value);

/**
 * Simplified: one flat row per survey, one `score_<question>` field per answered question, the
 * lowest and the average score, and the conversation's own details.
 */
export function simplifySurvey(survey: Survey): IDataObject {
	const conversation = (survey.conversation ?? {}) as IDataObject;
	const started = parseVendorDate(conversation.createdAt);
	const duration = numericAnswer(conversation.durationSeconds);
	return {
		...flattenFeedback(feedbackOf(survey)),
		conversationDate: started?.toISOString() ?? null,
		durationSeconds: duration,
		wrapUpCode: orNull(conversation.wrapUpCode),
		conversationUrl: orNull(conversation.url),
	};
}

export const SURVEY_FIELDS: INodePropertyOptions[] = [
	...FEEDBACK_FIELDS,
	{ name: 'Conversation Date', value: 'conversationDate' },
	{ name: 'Conversation URL', value: 'conversationUrl' },
	{ name: 'Duration Seconds', value: 'durationSeconds' },
	{ name: 'Wrap-Up Code', value: 'wrapUpCode' },
];
