import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { CallScope, DateRange, FeedbackRecord, ReadLimit, RequestContext } from '../shared';
import {
	callEndpoint,
	FEEDBACK_FIELDS,
	feedbackRecord,
	flattenFeedback,
	filtersCollection,
	formatForVendor,
	listFilter,
	listParameter,
	numericAnswer,
	parseVendorDate,
	readBoundedInteger,
	score,
	sentimentLabel,
	splitRange,
} from '../shared';
import { WOLKVOX, type SurveyRow } from './transport';

export type { SurveyRow } from './transport';

/** The API allows at most 31 days per request. */
export const MAX_WINDOW_DAYS = 31;
export const DEFAULT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** Options → Days per Request of the reads over a date range. */
export const windowDaysOption: INodeProperties = {
	displayName: 'Days per Request',
	name: 'windowDays',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_WINDOW_DAYS },
	default: DEFAULT_WINDOW_DAYS,
	description:
		'Longer ranges are read in windows of this many days, one request after another (the API allows at most 31 days per request)',
};

export function readWindowDays(context: IExecuteFunctions, itemIndex: number): number {
	return readBoundedInteger(context, itemIndex, 'options.windowDays', 'Days per Request', {
		min: 1,
		max: MAX_WINDOW_DAYS,
		fallback: DEFAULT_WINDOW_DAYS,
	});
}

/** Skill and agent filters, shared by Survey → Get Many and the trigger; the API has none, so rows are filtered here. */
export const surveyFilterFields: INodeProperties = filtersCollection([
	listFilter(
		'Agent Names or IDs',
		'agents',
		'getAgents',
		'Only responses about these agents (the list holds those of the last 7 days; names also match).',
	),
	listFilter(
		'Skill Names or IDs',
		'skills',
		'getSkills',
		'Only responses from these skills, or queues (the list holds those of the last 7 days; names also match).',
	),
]);

export interface SurveyFilters {
	agents: string[];
	skills: string[];
}

const text = (value: unknown): string =>
	value === undefined || value === null ? '' : String(value).trim();
const normalize = (value: unknown) => text(value).toLowerCase();
const blank = (value: unknown) => text(value) === '';

export function readSurveyFilters(raw: IDataObject): SurveyFilters {
	return {
		agents: listParameter(raw.agents).map(normalize),
		skills: listParameter(raw.skills).map(normalize),
	};
}

/** An ID or a name (ignoring case) of the row matches one of the wanted values. */
function matchesAny(wanted: string[], ...candidates: unknown[]): boolean {
	if (wanted.length === 0) return true;
	return candidates.some((candidate) => !blank(candidate) && wanted.includes(normalize(candidate)));
}

function matchesFilters(row: SurveyRow, filters: SurveyFilters): boolean {
	return (
		matchesAny(filters.agents, row.agent_id, row.agent_name) &&
		matchesAny(filters.skills, row.skill_id, row.skill_name)
	);
}

export interface ReadOptions {
	scope?: CallScope;
	windowDays?: number;
}

/** Filters and Options → Days per Request of Survey → Get Many and Get Summary. */
export function readSurveyRequest(
	context: IExecuteFunctions,
	scope: CallScope & { itemIndex: number },
): { filters: SurveyFilters; options: ReadOptions } {
	const windowDays = readWindowDays(context, scope.itemIndex);
	const raw = context.getNodeParameter('filters', scope.itemIndex, {}) as IDataObject;
	return { filters: readSurveyFilters(raw), options: { scope, windowDays } };
}

/** One report request for [start, end], both inclusive to the second, oldest row first. */
async function fetchWindow(
	context: RequestContext,
	operation: string,
	window: DateRange,
	scope: CallScope | undefined,
): Promise<SurveyRow[]> {
	const answer = await callEndpoint(context, WOLKVOX, 'surveyReport', {
		operation,
		scope,
		qs: {
			date_ini: formatForVendor(window.start, 'compact'),
			date_end: formatForVendor(window.end, 'compact'),
		},
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
	context: RequestContext,
	operation: string,
	range: DateRange,
	filters: SurveyFilters,
	limit: ReadLimit,
	options: ReadOptions = {},
): Promise<SurveyRow[]> {
	const windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY_MS;
	const collected: SurveyRow[] = [];
	for (const window of splitRange(range, windowMs)) {
		const rows = await fetchWindow(context, operation, window, options.scope);
		for (const row of rows) if (matchesFilters(row, filters)) collected.push(row);
		if (!limit.returnAll && collected.length >= limit.limit) {
			return collected.slice(0, limit.limit);
		}
	}
	return collected;
}

/** The same requests as readSurveys with Return All, each window's rows handed on and let go. */
export async function streamSurveys(
	context: RequestContext,
	operation: string,
	range: DateRange,
	filters: SurveyFilters,
	options: ReadOptions,
	onRows: (rows: SurveyRow[]) => void,
): Promise<void> {
	const windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY_MS;
	for (const window of splitRange(range, windowMs)) {
		const rows = await fetchWindow(context, operation, window, options.scope);
		onRows(rows.filter((row) => matchesFilters(row, filters)));
	}
}

export function rangeOf(start: Date, end: Date): DateRange {
	return {
		start: DateTime.fromJSDate(start, { zone: 'utc' }),
		end: DateTime.fromJSDate(end, { zone: 'utc' }),
	};
}

/** The agents or skills of the last days' responses, for the filter lists (the API has no list call). */
export async function recentNames(
	context: RequestContext,
	id: 'agent_id' | 'skill_id',
	name: 'agent_name' | 'skill_name',
): Promise<INodePropertyOptions[]> {
	const now = new Date();
	const rows = await readSurveys(
		context,
		'Load list',
		rangeOf(new Date(now.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS), now),
		{ agents: [], skills: [] },
		{ returnAll: true, limit: 0 },
	);
	const options = new Map<string, INodePropertyOptions>();
	for (const row of rows) {
		const value = text(row[id]) || text(row[name]);
		if (value && !options.has(value)) {
			options.set(value, { name: text(row[name]) || value, value, description: `ID ${value}` });
		}
	}
	return [...options.values()].sort((a, b) => a.name.localeCompare(b.name));
}

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

const QUESTION = /^q(\d+)$/i;

function questionIds(row: SurveyRow): string[] {
	return Object.keys(row)
		.filter((key) => QUESTION.test(key))
		.sort((a, b) => Number(QUESTION.exec(a)![1]) - Number(QUESTION.exec(b)![1]));
}

/** "184" -> 184, "00:03:04" or "03:04" -> 184, "" -> null, anything else as sent. */
export function secondsValue(value: unknown): number | string | null {
	if (blank(value)) return null;
	const number = numericAnswer(value);
	if (number !== null) return number;
	const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text(value));
	if (!parts) return String(value);
	return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}

const orNull = (value: unknown): string | null => (blank(value) ? null : text(value));

/** The shared feedback record: q# as scores, `feeling` as sentiment, conn_id as interaction id. */
export function feedbackOf(row: SurveyRow): FeedbackRecord {
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
			.map((id) => score(id.toLowerCase(), id.toLowerCase(), text(row[id]))),
		sentiment: blank(row.feeling)
			? null
			: { label: sentimentLabel(row.feeling), positive: null, neutral: null, negative: null },
		comment: orNull(row.voice_message),
	});
}

/** Simplified output: one flat row per response, q1..qN as score_q1..score_qN, durations in seconds. */
export function simplifySurvey(row: SurveyRow): IDataObject {
	return {
		...flattenFeedback(feedbackOf(row)),
		callResult: orNull(row.result),
		callSeconds: secondsValue(row.time),
		voiceMessageSeconds: secondsValue(row.voice_message_duration),
	};
}

export const SURVEY_FIELDS: INodePropertyOptions[] = [
	...FEEDBACK_FIELDS,
	{ name: 'Call Result', value: 'callResult' },
	{ name: 'Call Seconds', value: 'callSeconds' },
	{ name: 'Voice Message Seconds', value: 'voiceMessageSeconds' },
];
