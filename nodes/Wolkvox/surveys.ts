import { DateTime } from 'luxon';
import { z } from 'zod';

import type { DateRange, ReadLimit, RequestContext } from '../shared';
import { formatForVendor, parseVendorDate, splitRange } from '../shared';
import { matchesFilters, type SurveyFilters } from './filters';
import { wolkvoxRequest } from './transport';

/** The doc types every field as a string; numbers and nulls are tolerated, extra fields kept. */
const cell = z.union([z.string(), z.number(), z.null()]).optional();

export const surveyRowSchema = z
	.object({
		agent_id: cell,
		agent_name: cell,
		agent_dni: cell,
		skill_id: cell,
		skill_name: cell,
		date: cell,
		conn_id: cell,
		ani: cell,
		customer_id: cell,
		voice_message_duration: cell,
		type_interaction: cell,
		result: cell,
		time: cell,
		voice_message: cell,
		feeling: cell,
	})
	.passthrough();

export type SurveyRow = z.infer<typeof surveyRowSchema>;

const envelopeSchema = z
	.object({
		code: z.union([z.number(), z.string()]).optional(),
		data: z.array(surveyRowSchema).nullish(),
	})
	.passthrough()
	.refine((body) => 'data' in body || 'code' in body, 'neither a list of rows nor { code, data }');

/** `{ code: 200, error: null, msg, data: [...] }` as documented, or the rows alone. */
const reportAnswerSchema = z.union([z.array(surveyRowSchema), envelopeSchema]);

/** The API allows at most 31 days per request. */
export const MAX_WINDOW_DAYS = 31;
export const DEFAULT_WINDOW_DAYS = 7;

export interface ReadOptions {
	itemIndex?: number;
	timeoutMs?: number;
	windowDays?: number;
}

/** One report request for [start, end], both inclusive to the second. */
async function fetchWindow(
	context: RequestContext,
	operation: string,
	window: DateRange,
	options: ReadOptions,
): Promise<SurveyRow[]> {
	const answer = await wolkvoxRequest(context, 'surveyReport', {
		operation,
		qs: {
			date_ini: formatForVendor(window.start, 'compact'),
			date_end: formatForVendor(window.end, 'compact'),
		},
		schema: reportAnswerSchema,
		itemIndex: options.itemIndex,
		timeoutMs: options.timeoutMs,
	});
	return oldestFirst(Array.isArray(answer) ? answer : (answer.data ?? []));
}

/** The doc promises no order; rows without a readable date go last, in the order received. */
function oldestFirst(rows: SurveyRow[]): SurveyRow[] {
	const timeOf = (row: SurveyRow) => surveyTime(row)?.getTime() ?? Number.POSITIVE_INFINITY;
	return rows
		.map((row, index) => ({ row, index, time: timeOf(row) }))
		.sort((a, b) => (a.time === b.time ? a.index - b.index : a.time < b.time ? -1 : 1))
		.map(({ row }) => row);
}

/**
 * Reads [start, end] oldest window first. Windows are fetched strictly one after another: the
 * API refuses a token that is already serving a request.
 */
export async function readSurveys(
	this: RequestContext,
	operation: string,
	range: DateRange,
	filters: SurveyFilters,
	limit: ReadLimit,
	options: ReadOptions = {},
): Promise<SurveyRow[]> {
	const windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * 86_400_000;
	const collected: SurveyRow[] = [];
	for (const window of splitRange(range, windowMs)) {
		const rows = await fetchWindow(this, operation, window, options);
		for (const row of rows) if (matchesFilters(row, filters)) collected.push(row);
		if (!limit.returnAll && collected.length >= limit.limit) return collected.slice(0, limit.limit);
	}
	return collected;
}

export function rangeOf(start: Date, end: Date): DateRange {
	return {
		start: DateTime.fromJSDate(start, { zone: 'utc' }),
		end: DateTime.fromJSDate(end, { zone: 'utc' }),
	};
}

const text = (value: unknown): string =>
	value === undefined || value === null ? '' : String(value).trim();

/** `date` is documented as "Year-Month-Day-Time": accept 2025-11-12 14:03:22, 2025-11-12-14:03:22 and 20251112140322. */
export function surveyTime(row: SurveyRow): Date | undefined {
	const value = text(row.date);
	if (/^\d{14}$/.test(value)) return parseVendorDate(value, 'compact');
	return parseVendorDate(value.replace(/^(\d{4}-\d{2}-\d{2})[-\sT]+(?=\d{1,2}:)/, '$1 '), 'spaced');
}

/** One response: a call (conn_id) may be surveyed more than once, so date and customer complete the key. */
export function surveyKey(row: SurveyRow): string {
	return [text(row.conn_id), text(row.date), text(row.customer_id)].join('|');
}
