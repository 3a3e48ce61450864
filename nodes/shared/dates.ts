import { DateTime } from 'luxon';
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Formats the vendors' APIs use, in luxon tokens. Vendor times are read and written in UTC. */
export const DATE_FORMATS = {
	/** 2025-11-12T23:59:59 */
	isoLocal: "yyyy-MM-dd'T'HH:mm:ss",
	/** 20251112235959 */
	compact: 'yyyyMMddHHmmss',
	/** 2025-11-12 */
	day: 'yyyy-MM-dd',
	/** 2025-11-12 23:59:59 */
	spaced: 'yyyy-MM-dd HH:mm:ss',
} as const;

export type DateFormat = keyof typeof DATE_FORMATS;

/**
 * Accepts what an n8n date-time field can hold: an ISO string (a string without an offset is
 * read in the workflow's time zone, as n8n's date picker means it), a luxon DateTime, a JS Date
 * or epoch milliseconds.
 */
export function parseDateInput(
	node: INode,
	value: unknown,
	field: string,
	zone: string,
	itemIndex?: number,
): DateTime {
	let parsed: DateTime | undefined;
	if (DateTime.isDateTime(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (typeof value === 'number') parsed = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		parsed = DateTime.fromISO(text, { zone, setZone: true });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone });
		if (!parsed.isValid && /^\d{10,13}$/.test(text)) {
			parsed = DateTime.fromMillis(text.length === 13 ? Number(text) : Number(text) * 1000);
		}
	}
	if (!parsed?.isValid) {
		const shown = typeof value === 'string' ? `"${value}"` : String(value);
		throw new NodeOperationError(
			node,
			`Invalid "${field}": ${value === '' || value === undefined || value === null ? 'a date is required' : `${shown} is not a date`}`,
			{
				itemIndex,
				description: 'Use an ISO 8601 date-time such as 2025-11-01T00:00:00, or pick a date.',
			},
		);
	}
	return parsed;
}

export interface DateRange {
	start: DateTime;
	end: DateTime;
}

export function parseDateRange(
	node: INode,
	values: { start: unknown; end: unknown },
	fields: { start: string; end: string },
	zone: string,
	itemIndex?: number,
): DateRange {
	const start = parseDateInput(node, values.start, fields.start, zone, itemIndex);
	const end = parseDateInput(node, values.end, fields.end, zone, itemIndex);
	if (end < start) {
		throw new NodeOperationError(
			node,
			`Invalid "${fields.end}": it must not be before "${fields.start}"`,
			{
				itemIndex,
				description: `${fields.start} is ${start.toISO()}, ${fields.end} is ${end.toISO()}.`,
			},
		);
	}
	return { start, end };
}

export function formatForVendor(date: DateTime | Date, format: DateFormat): string {
	const value = date instanceof Date ? DateTime.fromJSDate(date) : date;
	return value.toUTC().toFormat(DATE_FORMATS[format]);
}

/** Reads a vendor timestamp (UTC unless it carries an offset); undefined when unreadable. */
export function parseVendorDate(text: unknown, format?: DateFormat): Date | undefined {
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const value = text.trim();
	let parsed = format
		? DateTime.fromFormat(value, DATE_FORMATS[format], { zone: 'utc' })
		: DateTime.fromISO(value, { zone: 'utc' });
	if (!parsed.isValid) parsed = DateTime.fromSQL(value, { zone: 'utc' });
	return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** Splits [start, end] into consecutive windows no longer than `maxMs`. */
export function splitRange(range: DateRange, maxMs: number): DateRange[] {
	const windows: DateRange[] = [];
	let start = range.start;
	while (start <= range.end) {
		const candidate = start.plus({ milliseconds: maxMs - 1000 });
		const end = candidate < range.end ? candidate : range.end;
		windows.push({ start, end });
		start = end.plus({ seconds: 1 });
	}
	return windows;
}

/**
 * Reads an operation's date range parameters (by default `startDate` / `endDate`, shown as
 * "Start Date" / "End Date") in the workflow's time zone, rejecting a range that ends first.
 */
export function readDateRange(
	context: IExecuteFunctions,
	itemIndex: number,
	names: { start: string; end: string } = { start: 'startDate', end: 'endDate' },
	labels: { start: string; end: string } = { start: 'Start Date', end: 'End Date' },
): DateRange {
	return parseDateRange(
		context.getNode(),
		{
			start: context.getNodeParameter(names.start, itemIndex),
			end: context.getNodeParameter(names.end, itemIndex),
		},
		labels,
		context.getTimezone(),
		itemIndex,
	);
}
