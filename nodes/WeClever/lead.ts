import type { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallScope, FeedbackRecord, OutputChoice, RequestContext } from '../shared';
import {
	callEndpoint,
	FEEDBACK_FIELDS,
	feedbackRecord,
	flattenFeedback,
	mapWithConcurrency,
	readOutput,
	score,
	sentimentFromCounts,
	shapeOutput,
} from '../shared';
import { chatTime, durationSeconds, idText, isFromCustomer, newest, text } from './chat';
import { type DatePrecision, weCleverDate } from './datePrecision';
import { WECLEVER, type Lead, type LeadEntry } from './transport';

/** How many lead details are fetched at the same time (Include Details). */
export const DETAIL_CONCURRENCY = 4;

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'boolean',
	default: false,
	description: `Whether to fetch each lead's full record (contact, chat, feelings, CSAT), one more request per lead, ${DETAIL_CONCURRENCY} at a time. Without it a lead has only its ID, mapped status and client lead ID.`,
};

/** The leads finalized within the range: the API answers the whole range at once. */
export async function findFinalizedLeads(
	context: RequestContext,
	operation: string,
	range: { start: DateTime; end: DateTime },
	precision: DatePrecision,
	scope?: CallScope,
): Promise<LeadEntry[]> {
	const answer = await callEndpoint(context, WECLEVER, 'finalizedLeads', {
		operation,
		scope,
		pathParams: {
			firstDate: weCleverDate(range.start, precision),
			lastDate: weCleverDate(range.end, precision),
		},
	});
	return answer.leads;
}

export const leadId = (lead: LeadEntry) => String(lead.weclever_lead_id);

/** Leads the next poll will not read again are dated this much before its window (> the engine's 1 s margin). */
export const OLDER_PART_MARGIN_MS = 2_000;

/**
 * The trigger's read of the leads finalized within [since, until]. The list gives no finalization
 * time, so a lead is dated with the poll time (the cursor engine then remembers it for one
 * late-arrival window). A window longer than twice the lookback (a first poll from Start From, a
 * stop of n8n, a quiet spell: the cursor stays while no lead is found) that holds leads is read
 * again from `older` = until - lookback - margin: the leads of that recent part keep the poll time;
 * the others, which the next poll (from until - lookback) will not read again, are dated `older`:
 * after `since`, so still emitted, and early enough for the engine to forget them. The state thus
 * holds one late-arrival window of leads, never the backlog. When the recent part is empty one
 * earlier lead keeps the poll time, so that the cursor still moves. Each lead is dated at or after
 * its finalization; idle polls cost one request, a long window with leads two.
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

export async function getLead(
	context: RequestContext,
	operation: string,
	id: number,
	scope?: CallScope,
): Promise<Lead> {
	const answer = await callEndpoint(context, WECLEVER, 'lead', {
		operation,
		scope,
		pathParams: { id },
		// The doc lists a found lead under HTTP 500: such an answer is a success when it holds a lead.
		acceptFailure: (failure) =>
			failure.status === 500
				? WECLEVER.endpoints.lead.schema.safeParse(failure.body).data
				: undefined,
	});
	return answer.lead;
}

/** A list entry merged with its details: Lead → Get, Include Details and the trigger. */
export type LeadRecord = Partial<LeadEntry> & Pick<LeadEntry, 'weclever_lead_id'> & Lead;

/**
 * Each entry merged with its lead's details, a few at a time, handed to `use` as soon as it
 * arrives (so only what `use` keeps stays in memory); `use`'s results in the entries' order.
 */
export async function withDetails<R>(
	context: RequestContext,
	operation: string,
	entries: LeadEntry[],
	use: (record: LeadRecord) => R,
	scope?: CallScope,
): Promise<R[]> {
	return await mapWithConcurrency(entries, DETAIL_CONCURRENCY, async (entry) =>
		use({ ...entry, ...(await getLead(context, operation, entry.weclever_lead_id, scope)) }),
	);
}

/**
 * A lead as the shared feedback record: the CSAT rating as its one score, the feelings counts as
 * the sentiment, the customer's last message as the comment, the chat's last message as the date.
 */
export function leadFeedback(record: LeadRecord): FeedbackRecord {
	const messages = record.chats?.messages ?? [];
	const feelings = record.feelings;
	const chatId = messages.find((message) => idText(message.id_chat) !== null)?.id_chat;
	return feedbackRecord({
		source: 'weClever',
		surveyId: String(record.weclever_lead_id),
		interactionId: idText(chatId),
		date: chatTime(messages, Math.max),
		channel: 'chat',
		customerId: idText(record.client_lead_id),
		customerName: text(record.name),
		customerNumber: text(record.phone),
		customerEmail: text(record.email),
		// Always the CSAT question, so that every lead has the same fields (null without a rating).
		scores: [score('csat', 'CSAT', idText(record.csat?.rating))],
		sentiment: feelings
			? sentimentFromCounts(
					feelings.positive_feeling ?? 0,
					feelings.neutral_feeling ?? 0,
					feelings.negative_feeling ?? 0,
				)
			: null,
		comment: text(newest(messages.filter(isFromCustomer))?.body),
	});
}

/**
 * Simplified lead: the shared feedback row (CSAT rating as score_csat) and the lead's own fields,
 * numbers as numbers and dates as ISO 8601.
 */
export function simplifyLead(record: LeadRecord): IDataObject {
	const messages = record.chats?.messages ?? [];
	const feelings = record.feelings;
	return {
		leadId: record.weclever_lead_id,
		mappedStatus: text(record.mapped_status),
		status: text(record.status),
		...flattenFeedback(leadFeedback(record)),
		region: text(record.regional),
		state: text(record.state),
		chatStartedAt: chatTime(messages, Math.min),
		chatSeconds: durationSeconds(record.chats?.metrics?.date_difference),
		messageCount: record.chats?.metrics?.total_messages ?? null,
		feelingMessages: feelings?.total_messages ?? null,
		positiveMessages: feelings?.positive_feeling ?? null,
		neutralMessages: feelings?.neutral_feeling ?? null,
		negativeMessages: feelings?.negative_feeling ?? null,
		csatMessage: text(record.csat?.message),
	};
}

/** Simplified list entry (without Include Details): what the finalized list gives. */
export function simplifyEntry(entry: LeadEntry): IDataObject {
	return {
		leadId: entry.weclever_lead_id,
		mappedStatus: text(entry.mapped_status),
		customerId: idText(entry.client_lead_id),
	};
}

/** The fields of a Simplified lead, for Output → Selected Fields. */
export const LEAD_FIELDS: INodePropertyOptions[] = [
	...FEEDBACK_FIELDS,
	{ name: 'Chat Seconds', value: 'chatSeconds' },
	{ name: 'Chat Started At', value: 'chatStartedAt' },
	{ name: 'CSAT Message', value: 'csatMessage' },
	{ name: 'Feeling Messages', value: 'feelingMessages' },
	{ name: 'Lead ID', value: 'leadId' },
	{ name: 'Lead Status', value: 'status' },
	{ name: 'Mapped Status', value: 'mappedStatus' },
	{ name: 'Message Count', value: 'messageCount' },
	{ name: 'Negative Messages', value: 'negativeMessages' },
	{ name: 'Neutral Messages', value: 'neutralMessages' },
	{ name: 'Positive Messages', value: 'positiveMessages' },
	{ name: 'Region', value: 'region' },
	{ name: 'State', value: 'state' },
].sort((a, b) => a.name.localeCompare(b.name));

/** What the finalized list gives without details (simplifyEntry). */
const LIST_FIELDS = ['leadId', 'mappedStatus', 'customerId'];

export interface LeadOutput {
	includeDetails: boolean;
	output: OutputChoice;
}

/**
 * Options → Include Details and the Output choice of a list read (an item, or the trigger when
 * itemIndex is absent). Fields that only the details carry are refused without Include Details.
 */
export function readLeadOutput(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): LeadOutput {
	const output = readOutput(context, itemIndex);
	const option =
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter('options.includeDetails', false)
			: (context as IExecuteFunctions).getNodeParameter('options.includeDetails', itemIndex, false);
	const includeDetails = option === true;
	const detailField =
		output.mode === 'selected' && !includeDetails
			? output.fields.find((field) => !LIST_FIELDS.includes(field))
			: undefined;
	if (detailField !== undefined) {
		const name = LEAD_FIELDS.find((field) => field.value === detailField)?.name ?? detailField;
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Fields": ${name} needs Include Details`,
			{
				itemIndex,
				description:
					'Turn on Options → Include Details, or choose only Lead ID, Mapped Status and Customer ID. Nothing was sent.',
			},
		);
	}
	return { includeDetails, output };
}

/** List entries as output items: with their details when asked, in the chosen shape. */
export async function leadOutput(
	context: RequestContext,
	operation: string,
	entries: LeadEntry[],
	shape: LeadOutput,
	scope?: CallScope,
): Promise<IDataObject[]> {
	if (!shape.includeDetails) {
		return entries.map((entry) => shapeOutput(shape.output, entry, () => simplifyEntry(entry)));
	}
	return await withDetails(
		context,
		operation,
		entries,
		(record) => shapeOutput(shape.output, record, () => simplifyLead(record)),
		scope,
	);
}
