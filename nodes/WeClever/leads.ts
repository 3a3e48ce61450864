import type { IDataObject } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import { z } from 'zod';

import type { FeedbackRecord, HttpFailure, RequestContext } from '../shared';
import {
	feedbackRecord,
	formatForVendor,
	mapWithConcurrency,
	parseVendorDate,
	score,
	sentimentFromCounts,
} from '../shared';
import { weCleverRequest } from './transport';

/** How many lead details are fetched at the same time (Include Details, Simplify, trigger). */
export const DETAIL_CONCURRENCY = 4;

const wholeNumber = z.union([z.number().int(), z.string().trim().regex(/^\d+$/).transform(Number)]);
const count = z
	.union([
		z.number(),
		z
			.string()
			.trim()
			.regex(/^\d+(\.\d+)?$/)
			.transform(Number),
	])
	.nullish();

export const listEntrySchema = z
	.object({
		weclever_lead_id: wholeNumber,
		mapped_status: z.string().nullish(),
		client_lead_id: z.union([z.string(), z.number(), z.null()]).optional(),
	})
	.passthrough();

export type LeadEntry = z.infer<typeof listEntrySchema>;

/** vendorRequest knows a schema by its output type only. */
const byOutput = <S extends z.ZodTypeAny>(schema: S) => schema as unknown as z.ZodType<z.output<S>>;

const listAnswerSchema = byOutput(z.object({ leads: z.array(listEntrySchema) }).passthrough());

const messageSchema = z
	.object({
		id_chat: z.union([z.number(), z.string()]).nullish(),
		body: z.string().nullish(),
		date_created: z.string().nullish(),
		direction: z.string().nullish(),
	})
	.passthrough();

export type LeadMessage = z.infer<typeof messageSchema>;

const DOCUMENTED_LEAD_FIELDS = [
	'email',
	'name',
	'phone',
	'state',
	'regional',
	'chats',
	'feelings',
	'csat',
	'status',
];

export const leadSchema = z
	.object({
		email: z.string().nullish(),
		name: z.string().nullish(),
		phone: z.string().nullish(),
		state: z.string().nullish(),
		regional: z.string().nullish(),
		chats: z
			.object({
				metrics: z
					.object({ date_difference: z.string().nullish(), total_messages: count })
					.passthrough()
					.nullish(),
				messages: z.array(messageSchema).nullish(),
			})
			.passthrough()
			.nullish(),
		feelings: z
			.object({
				total_messages: count,
				positive_feeling: count,
				neutral_feeling: count,
				negative_feeling: count,
			})
			.passthrough()
			.nullish(),
		csat: z
			.object({
				message: z.string().nullish(),
				rating: z.union([z.string(), z.number()]).nullish(),
			})
			.passthrough()
			.nullish(),
		status: z.string().nullish(),
	})
	.passthrough()
	.refine(
		(lead) =>
			DOCUMENTED_LEAD_FIELDS.some((field) => lead[field as keyof typeof lead] !== undefined),
		{
			message: 'the lead has none of the documented fields',
		},
	);

export type Lead = z.infer<typeof leadSchema>;

const leadAnswerSchema = byOutput(z.object({ lead: leadSchema }).passthrough());

/** A list entry merged with its details: what Lead → Get, Include Details and the trigger output. */
export type LeadRecord = Partial<LeadEntry> & Pick<LeadEntry, 'weclever_lead_id'> & Lead;

export interface RequestOptions {
	itemIndex?: number;
	timeoutMs?: number;
}

export type DatePrecision = 'dateTime' | 'date';

/** YYYY-MM-DD (the calendar day as given) or YYYY-MM-DD+HH:mm:ss (in UTC). */
export function weCleverDate(value: DateTime, precision: DatePrecision): string {
	return precision === 'date'
		? value.toFormat('yyyy-MM-dd')
		: formatForVendor(value, 'spaced').replace(' ', '+');
}

export async function findFinalizedLeads(
	this: RequestContext,
	operation: string,
	range: { start: DateTime; end: DateTime },
	precision: DatePrecision,
	options: RequestOptions = {},
): Promise<LeadEntry[]> {
	const answer = await weCleverRequest(this, 'finalizedLeads', {
		operation,
		params: {
			firstDate: weCleverDate(range.start, precision),
			lastDate: weCleverDate(range.end, precision),
		},
		schema: listAnswerSchema,
		...options,
	});
	return answer.leads;
}

export const leadId = (lead: LeadEntry) => String(lead.weclever_lead_id);

/**
 * How far before the next poll's window the leads it will not read again are dated: more than
 * the cursor engine's one-second margin, so that it forgets them; the recent part is read from
 * there, so that each lead dated this way was finalized before the date it is given.
 */
export const OLDER_PART_MARGIN_MS = 2_000;

/**
 * The trigger's read of the leads finalized within [since, until]. The list gives no finalization
 * time, so a lead is dated with the poll time (the cursor engine then remembers it for one
 * late-arrival window). A window longer than twice the lookback (n8n was stopped, or a quiet
 * spell: the cursor stays while no lead is found) that holds leads is read again from `older` =
 * until - lookback - margin: the leads of that recent part keep the poll time, the others (which
 * the next poll, reading from until - lookback, will not see again) are dated `older`, early enough
 * for the engine to forget them. So the saved state holds the leads of one late-arrival window,
 * not every lead of the pause. When the recent part is empty one earlier lead keeps the poll time,
 * so that the cursor still moves to it. `older` is never before the previous cursor (since +
 * lookback), and each lead's date is at or after its finalization, as the engine needs; idle
 * polls stay at one request, a long window with leads costs two.
 */
export async function readWindow(
	search: (start: Date, end: Date) => Promise<LeadEntry[]>,
	window: { since: Date; until: Date; lookbackMs: number },
	dated: Map<LeadEntry, Date>,
): Promise<LeadEntry[]> {
	const { since, until, lookbackMs } = window;
	const leads = await search(since, until);
	const older = new Date(until.getTime() - lookbackMs - OLDER_PART_MARGIN_MS);
	if (leads.length === 0 || older.getTime() < since.getTime() + lookbackMs) return leads;
	const recent = await search(older, until);
	const recentIds = new Set(recent.map(leadId));
	const earlier = leads.filter((lead) => !recentIds.has(leadId(lead)));
	for (const lead of recent.length > 0 ? earlier : earlier.slice(0, -1)) dated.set(lead, older);
	return [...recent, ...earlier];
}

/** The doc lists a found lead under HTTP 500: such an answer is a success when its body is a lead. */
function leadInFailure(failure: HttpFailure): z.infer<typeof leadAnswerSchema> | undefined {
	return failure.status === 500 ? leadAnswerSchema.safeParse(failure.body).data : undefined;
}

export async function getLead(
	this: RequestContext,
	operation: string,
	id: number,
	options: RequestOptions = {},
): Promise<Lead> {
	const answer = await weCleverRequest(this, 'lead', {
		operation,
		params: { id: String(id) },
		schema: leadAnswerSchema,
		acceptFailure: leadInFailure,
		...options,
	});
	return answer.lead;
}

/** Each entry merged with its lead's details, a few at a time, in the entries' order. */
export async function withDetails(
	this: RequestContext,
	operation: string,
	entries: LeadEntry[],
	options: RequestOptions = {},
): Promise<LeadRecord[]> {
	return await mapWithConcurrency(entries, DETAIL_CONCURRENCY, async (entry) => ({
		...entry,
		...(await getLead.call(this, operation, entry.weclever_lead_id, options)),
	}));
}

export interface OutputOptions {
	includeDetails?: boolean;
	simplify?: boolean;
}

/** List entries as output: raw, with details, or as feedback records (which need the details). */
export async function leadOutput(
	this: RequestContext,
	operation: string,
	entries: LeadEntry[],
	output: OutputOptions,
	options: RequestOptions = {},
): Promise<IDataObject[]> {
	if (!output.includeDetails && !output.simplify) return entries as IDataObject[];
	const records = await withDetails.call(this, operation, entries, options);
	return output.simplify
		? records.map((record) => simplifyLead(record) as unknown as IDataObject)
		: (records as IDataObject[]);
}

const isFromCustomer = (message: LeadMessage) => /^inbound/i.test(message.direction ?? '');

/** The newest message by date_created; on equal or unreadable dates the later one in the list. */
function newest(messages: LeadMessage[]): LeadMessage | undefined {
	let best: LeadMessage | undefined;
	let bestTime = -Infinity;
	for (const message of messages) {
		const time = parseVendorDate(message.date_created)?.getTime() ?? -Infinity;
		if (best === undefined || time >= bestTime) {
			best = message;
			bestTime = Math.max(bestTime, time);
		}
	}
	return best;
}

export function simplifyLead(record: LeadRecord): FeedbackRecord {
	const messages = record.chats?.messages ?? [];
	const lastMessage = newest(messages);
	const lastCustomerMessage = newest(messages.filter(isFromCustomer));
	const rating = record.csat?.rating;
	const feelings = record.feelings;
	const chatId = messages.find(
		(message) => message.id_chat !== undefined && message.id_chat !== null,
	)?.id_chat;
	const text = (value: unknown) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
	return feedbackRecord({
		source: 'weClever',
		surveyId: String(record.weclever_lead_id),
		interactionId: chatId === undefined || chatId === null ? null : String(chatId),
		date: parseVendorDate(lastMessage?.date_created)?.toISOString() ?? null,
		channel: 'chat',
		queue: text(record.regional),
		customerId:
			record.client_lead_id === undefined || record.client_lead_id === null
				? null
				: String(record.client_lead_id),
		customerName: text(record.name),
		customerNumber: text(record.phone),
		customerEmail: text(record.email),
		scores:
			rating === undefined || rating === null || String(rating).trim() === ''
				? []
				: [score('csat', 'CSAT', rating)],
		sentiment: feelings
			? sentimentFromCounts(
					feelings.positive_feeling ?? 0,
					feelings.neutral_feeling ?? 0,
					feelings.negative_feeling ?? 0,
				)
			: null,
		comment: text(lastCustomerMessage?.body),
	});
}
