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
