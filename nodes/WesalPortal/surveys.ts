import { z } from 'zod';

import type { FeedbackRecord, FeedbackScore, Page, ReadLimit, RequestContext } from '../shared';
import {
	collectCountedPages,
	collectPages,
	feedbackRecord,
	formatForVendor,
	nextOffset,
	numericAnswer,
	parseVendorDate,
	score,
} from '../shared';
import { envelope, wesalPortalRequest } from './transport';

/** The largest page the API allows. */
export const MAX_PAGE_SIZE = 100;
/** Survey → Get Many reads the pages after the first this many at a time. */
export const PAGE_CONCURRENCY = 4;

const idSchema = z.union([z.string(), z.number()]);
const hasIdShape = (id: unknown) => typeof id === 'string' || typeof id === 'number';

const answerSchema = z
	.object({
		id: z.union([z.string(), z.number()]).nullish(),
		questionId: idSchema,
		questionName: z.string().nullish(),
		answerTitle: z.string().nullish(),
		answerValue: z.union([z.number(), z.string()]).nullish(),
		createdAt: z.string().nullish(),
	})
	.passthrough();

/** What the doc shows for a survey; anything extra (extended details) is kept as sent. */
export const surveySchema = z
	.object({
		id: idSchema,
		conversation: z
			.object({
				id: z.string().nullish(),
				queueName: z.string().nullish(),
				agentName: z.string().nullish(),
				callerId: z.string().nullish(),
				mediaType: z.string().nullish(),
				createdAt: z.string().nullish(),
				queueId: z.string().nullish(),
				agentId: z.string().nullish(),
				direction: z.string().nullish(),
			})
			.passthrough()
			.nullish(),
		answers: z.array(answerSchema).nullish(),
	})
	.passthrough();

export type Survey = z.infer<typeof surveySchema>;

/** A page of the search: the documented shape, with each survey as `survey` checks it. */
function pageSchema<S extends z.ZodTypeAny>(survey: S) {
	return envelope(
		z
			.object({
				surveys: z.array(survey),
				pagination: z.object({ totalItems: z.coerce.number().optional() }).passthrough().nullish(),
			})
			.passthrough(),
	);
}

type SearchAnswer = z.infer<ReturnType<typeof pageSchema<typeof surveySchema>>>;

/** Every documented field of every survey: for readers of the fields (Simplify, the trigger). */
const fullPageSchema = pageSchema(surveySchema);
/**
 * Only each survey's `id` (what paging and de-duplication read); the rest is passed on as sent.
 * For a bulk read that returns the raw surveys, checking every field was most of the node's CPU.
 */
const idsPageSchema = pageSchema(
	// z.custom keeps the survey object itself: an object schema with passthrough copies every one.
	z.custom<Survey>(
		(value) =>
			typeof value === 'object' && value !== null && hasIdShape((value as { id?: unknown }).id),
	),
) as unknown as z.ZodType<SearchAnswer>;

export interface SurveyQuery {
	companyId: number;
	start: Date;
	end: Date;
	extended: boolean;
	/**
	 * Whether the caller reads the surveys' fields (Simplify, the trigger's survey time): then every
	 * documented field is checked. Otherwise only the ids are, and the surveys must be passed on
	 * as they are.
	 */
	checkFields: boolean;
}

/**
 * The API takes whole seconds: the range is widened to them (start rounded down, end up), so that
 * a survey answered in the last fraction of a second is never outside the window the poll
 * cursor believes it has read.
 */
export function searchBody(query: SurveyQuery, offset: number, limit: number) {
	const endSecond = new Date(Math.ceil(query.end.getTime() / 1000) * 1000);
	return {
		filters: [
			{
				dimension: 'dateTime',
				value: {
					startTime: formatForVendor(query.start, 'isoLocal'),
					endTime: formatForVendor(endSecond, 'isoLocal'),
				},
			},
		],
		companyId: query.companyId,
		extended: query.extended,
		offset,
		limit,
	};
}

/** Offset paging with the largest page; `pagination.totalItems` says when to stop. */
export async function searchSurveys(
	context: RequestContext,
	operation: string,
	query: SurveyQuery,
	limit: ReadLimit,
	options: {
		itemIndex?: number;
		timeoutMs?: number;
		/** Pages read at the same time once the first page has told the total (1: one after the other). */
		pageConcurrency?: number;
	} = {},
): Promise<Survey[]> {
	const { pageConcurrency = 1, ...requestOptions } = options;
	const schema: z.ZodType<SearchAnswer> = query.checkFields ? fullPageSchema : idsPageSchema;
	const fetchPage = async (
		offset: number,
		wanted: number | undefined,
	): Promise<Page<Survey, number>> => {
		const size = Math.min(MAX_PAGE_SIZE, wanted ?? MAX_PAGE_SIZE);
		const answer = await wesalPortalRequest(context, 'searchSurveys', {
			operation,
			body: searchBody(query, offset, size),
			schema,
			...requestOptions,
		});
		const { surveys, pagination } = answer.data;
		const total = pagination?.totalItems;
		return { items: surveys, next: nextOffset(offset, size, surveys.length, total), total };
	};
	const surveys =
		pageConcurrency > 1
			? await collectCountedPages(0, fetchPage, limit, {
					concurrency: pageConcurrency,
					cursorAt: (index, pageSize) => index * pageSize,
				})
			: await collectPages(0, fetchPage, limit);
	// A survey that arrives while the pages are read shifts the offsets: never return one twice.
	const seen = new Set<string>();
	return surveys.filter((survey) => !seen.has(surveyId(survey)) && seen.add(surveyId(survey)));
}

export function surveyId(survey: Survey): string {
	return String(survey.id);
}

/** When the survey was answered (its newest answer), which is what the dateTime filter uses. */
export function surveyTime(survey: Survey): Date | undefined {
	let newest: Date | undefined;
	for (const answer of survey.answers ?? []) {
		const time = parseVendorDate(answer.createdAt);
		if (time && (!newest || time > newest)) newest = time;
	}
	return newest ?? parseVendorDate(survey.conversation?.createdAt);
}

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

export function simplifySurvey(survey: Survey): FeedbackRecord {
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
