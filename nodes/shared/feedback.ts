import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The normalized feedback record that every survey-like operation outputs with Simplify on,
 * whatever the vendor. One schema, documented in README ("Simplify: the normalized feedback record").
 */
export type FeedbackSource = 'wesalVoc' | 'wesalPortal' | 'weClever' | 'wolkvox';

export interface FeedbackScore {
	questionId: string;
	question: string;
	/** Numeric answer; null when the answer is not a number. */
	value: number | null;
	/** The answer as the vendor sent it (label or raw string). */
	answer: string | null;
}

export interface FeedbackSentiment {
	label: 'positive' | 'neutral' | 'negative' | null;
	positive: number | null;
	neutral: number | null;
	negative: number | null;
}

export interface FeedbackRecord {
	source: FeedbackSource;
	surveyId: string;
	interactionId: string | null;
	/** ISO 8601 in UTC. */
	date: string | null;
	channel: string | null;
	direction: string | null;
	agentId: string | null;
	agent: string | null;
	queueId: string | null;
	queue: string | null;
	customerId: string | null;
	customerName: string | null;
	customerNumber: string | null;
	customerEmail: string | null;
	scores: FeedbackScore[];
	sentiment: FeedbackSentiment | null;
	comment: string | null;
}

export type FeedbackInput = Pick<FeedbackRecord, 'source' | 'surveyId'> & Partial<FeedbackRecord>;

export function feedbackRecord(input: FeedbackInput): FeedbackRecord {
	return {
		interactionId: null,
		date: null,
		channel: null,
		direction: null,
		agentId: null,
		agent: null,
		queueId: null,
		queue: null,
		customerId: null,
		customerName: null,
		customerNumber: null,
		customerEmail: null,
		scores: [],
		sentiment: null,
		comment: null,
		...input,
	};
}

/** "4", 4, " 4.5 " -> number; anything else -> null. */
export function numericAnswer(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string' || value.trim() === '') return null;
	const parsed = Number(value.trim().replace(',', '.'));
	return Number.isFinite(parsed) ? parsed : null;
}

export function score(
	questionId: string,
	question: string,
	answer: unknown,
	value?: number | null,
): FeedbackScore {
	return {
		questionId,
		question,
		value: value !== undefined ? value : numericAnswer(answer),
		answer: answer === undefined || answer === null ? null : String(answer),
	};
}

/** Reads a free-text sentiment ("Positive", "negativo", "NEU"...) into one of three labels. */
export function sentimentLabel(text: unknown): FeedbackSentiment['label'] {
	if (typeof text !== 'string') return null;
	const value = text.trim().toLowerCase();
	if (/^pos/.test(value)) return 'positive';
	if (/^neg/.test(value)) return 'negative';
	if (/^neu/.test(value)) return 'neutral';
	return null;
}

/** Counts of positive/neutral/negative messages -> the dominant label (ties favour neutral). */
export function sentimentFromCounts(
	positive: number,
	neutral: number,
	negative: number,
): FeedbackSentiment {
	let label: FeedbackSentiment['label'] = null;
	if (positive + neutral + negative > 0) {
		if (positive > negative && positive > neutral) label = 'positive';
		else if (negative > positive && negative > neutral) label = 'negative';
		else label = 'neutral';
	}
	return { label, positive, neutral, negative };
}

/** ASCII snake case of a text; empty when nothing of it is ASCII (e.g. an Arabic question name). */
function snakeCase(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** The field a question's score gets in the simplified record: `score_` and the question's name (or id). */
export function scoreField(question: string, questionId: string): string {
	return `score_${snakeCase(question) || snakeCase(questionId) || 'question'}`;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The scores as flat fields, with the lowest and the average: what filters and sheets need. */
export function scoreFields(scores: FeedbackScore[]): IDataObject {
	const fields: IDataObject = {};
	const labels: IDataObject = {};
	let lowest: FeedbackScore | undefined;
	let sum = 0;
	let counted = 0;
	for (const entry of scores) {
		let key = scoreField(entry.question, entry.questionId);
		if (key in fields) key = scoreField(`${entry.question} ${entry.questionId}`, entry.questionId);
		fields[key] = entry.value ?? entry.answer;
		labels[key] = entry.question;
		if (entry.value === null) continue;
		sum += entry.value;
		counted++;
		if (!lowest || entry.value < lowest.value!) lowest = entry;
	}
	return {
		averageScore: counted ? round2(sum / counted) : null,
		lowestScore: lowest?.value ?? null,
		lowestQuestion: lowest?.question ?? null,
		...fields,
		questions: labels,
	};
}

/** The simplified output of a survey-like record: one flat row, one field per question. */
export function flattenFeedback(record: FeedbackRecord): IDataObject {
	const { scores, sentiment, ...fields } = record;
	return {
		...fields,
		...scoreFields(scores),
		sentiment: sentiment?.label ?? null,
	};
}

/** The simplified feedback fields, for Output → Selected Fields. */
export const FEEDBACK_FIELDS: INodePropertyOptions[] = [
	{ name: 'Agent', value: 'agent' },
	{ name: 'Agent ID', value: 'agentId' },
	{ name: 'Average Score', value: 'averageScore' },
	{ name: 'Channel', value: 'channel' },
	{ name: 'Comment', value: 'comment' },
	{ name: 'Customer Email', value: 'customerEmail' },
	{ name: 'Customer ID', value: 'customerId' },
	{ name: 'Customer Name', value: 'customerName' },
	{ name: 'Customer Number', value: 'customerNumber' },
	{ name: 'Date', value: 'date' },
	{ name: 'Direction', value: 'direction' },
	{ name: 'Interaction ID', value: 'interactionId' },
	{ name: 'Lowest Question', value: 'lowestQuestion' },
	{ name: 'Lowest Score', value: 'lowestScore' },
	{ name: 'Queue', value: 'queue' },
	{ name: 'Queue ID', value: 'queueId' },
	{ name: 'Question Names', value: 'questions' },
	{ name: 'Scores (One Field per Question)', value: 'score_*' },
	{ name: 'Sentiment', value: 'sentiment' },
	{ name: 'Source', value: 'source' },
	{ name: 'Survey ID', value: 'surveyId' },
];
