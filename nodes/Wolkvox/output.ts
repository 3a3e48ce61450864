import type { IDataObject } from 'n8n-workflow';

import type { FeedbackRecord, FeedbackSentiment } from '../shared';
import { feedbackRecord, numericAnswer, score, sentimentLabel } from '../shared';
import { surveyKey, surveyTime, type SurveyRow } from './surveys';

const QUESTION = /^q(\d+)$/i;
/** Durations in seconds; identifiers (agent_id, conn_id, ani...) stay strings so leading zeros and long ids survive. */
const DURATIONS = new Set(['voice_message_duration', 'time']);

const blank = (value: unknown) =>
	value === undefined || value === null || String(value).trim() === '';

/** "5" -> 5, "" -> null (not answered), anything else as sent. */
function answerValue(value: unknown): number | string | null {
	if (blank(value)) return null;
	return numericAnswer(value) ?? String(value);
}

/** "184" -> 184, "00:03:04" or "03:04" -> 184, "" -> null, anything else as sent. */
function secondsValue(value: unknown): number | string | null {
	if (blank(value)) return null;
	const number = numericAnswer(value);
	if (number !== null) return number;
	const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(String(value).trim());
	if (!parts) return String(value);
	return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}

function questionIds(row: SurveyRow): string[] {
	return Object.keys(row)
		.filter((key) => QUESTION.test(key))
		.sort((a, b) => Number(QUESTION.exec(a)![1]) - Number(QUESTION.exec(b)![1]));
}

/** The documented fields that come before q1..qN in a row. */
const BEFORE_ANSWERS = [
	'agent_id',
	'agent_name',
	'agent_dni',
	'skill_id',
	'skill_name',
	'date',
	'conn_id',
	'ani',
	'customer_id',
];

/** The row in the documented order, with numbers parsed and q1..qN collected in `answers`. */
export function surveyItem(row: SurveyRow): IDataObject {
	const answers: IDataObject = {};
	for (const id of questionIds(row)) answers[id.toLowerCase()] = answerValue(row[id]);
	const item: IDataObject = {};
	for (const key of BEFORE_ANSWERS) if (key in row) item[key] = row[key] as IDataObject[string];
	item.answers = answers;
	for (const [key, value] of Object.entries(row)) {
		if (key in item || QUESTION.test(key)) continue;
		item[key] = DURATIONS.has(key) ? secondsValue(value) : (value as IDataObject[string]);
	}
	return item;
}

const orNull = (value: unknown): string | null => (blank(value) ? null : String(value).trim());

function sentimentOf(feeling: unknown): FeedbackSentiment | null {
	if (blank(feeling)) return null;
	return { label: sentimentLabel(feeling), positive: null, neutral: null, negative: null };
}

/** The shared feedback record: q# as scores, `feeling` as sentiment, conn_id as interaction id. */
export function simplifySurvey(row: SurveyRow): FeedbackRecord {
	return feedbackRecord({
		source: 'wolkvox',
		surveyId: surveyKey(row),
		interactionId: orNull(row.conn_id),
		date: surveyTime(row)?.toISOString() ?? null,
		channel: 'voice',
		direction: orNull(row.type_interaction)?.toLowerCase() ?? null,
		agentId: orNull(row.agent_id),
		agent: orNull(row.agent_name),
		queueId: orNull(row.skill_id),
		queue: orNull(row.skill_name),
		customerId: orNull(row.customer_id),
		customerNumber: orNull(row.ani),
		scores: questionIds(row)
			.filter((id) => !blank(row[id]))
			.map((id) => score(id.toLowerCase(), id.toLowerCase(), String(row[id]).trim())),
		sentiment: sentimentOf(row.feeling),
		comment: orNull(row.voice_message),
	});
}
