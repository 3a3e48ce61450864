import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	formatForVendor,
	parseDateInput,
	parseDateRange,
	parseVendorDate,
	splitRange,
} from '../../nodes/shared';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

describe('date helpers', () => {
	it('reads ISO strings without an offset in the workflow time zone', () => {
		const parsed = parseDateInput(node, '2025-11-01T03:00:00', 'Start Date', 'Asia/Riyadh');
		expect(formatForVendor(parsed, 'isoLocal')).toBe('2025-11-01T00:00:00');
	});

	it('keeps an explicit offset and accepts luxon, Date and epoch values', () => {
		expect(
			formatForVendor(parseDateInput(node, '2025-11-01T03:00:00+01:00', 'd', 'UTC'), 'compact'),
		).toBe('20251101020000');
		expect(
			formatForVendor(
				parseDateInput(node, DateTime.fromISO('2025-01-02T03:04:05Z'), 'd', 'UTC'),
				'spaced',
			),
		).toBe('2025-01-02 03:04:05');
		expect(
			formatForVendor(parseDateInput(node, new Date(Date.UTC(2025, 0, 2)), 'd', 'UTC'), 'day'),
		).toBe('2025-01-02');
		expect(
			formatForVendor(parseDateInput(node, Date.UTC(2025, 0, 2, 1), 'd', 'UTC'), 'isoLocal'),
		).toBe('2025-01-02T01:00:00');
	});

	it('names the field when a date is missing or unreadable', () => {
		expect(() => parseDateInput(node, 'yesterday-ish', 'End Date', 'UTC')).toThrow(
			'Invalid "End Date": "yesterday-ish" is not a date',
		);
		expect(() => parseDateInput(node, '', 'Start Date', 'UTC')).toThrow(
			'Invalid "Start Date": a date is required',
		);
		expect(() => parseDateInput(node, '2025-13-40', 'Start Date', 'UTC')).toThrow(
			NodeOperationError,
		);
	});

	it('rejects a range that ends before it starts', () => {
		const fields = { start: 'Start Date', end: 'End Date' };
		expect(() =>
			parseDateRange(node, { start: '2025-11-02', end: '2025-11-01' }, fields, 'UTC'),
		).toThrow('Invalid "End Date": it must not be before "Start Date"');
		const range = parseDateRange(node, { start: '2025-11-01', end: '2025-11-01' }, fields, 'UTC');
		expect(range.start.equals(range.end)).toBe(true);
	});

	it('reads vendor timestamps as UTC unless they carry an offset', () => {
		expect(parseVendorDate('2025-11-11T08:58:37')?.toISOString()).toBe('2025-11-11T08:58:37.000Z');
		expect(parseVendorDate('2023-08-29 22:15:57')?.toISOString()).toBe('2023-08-29T22:15:57.000Z');
		expect(parseVendorDate('2023-08-29T22:15:57+10:00')?.toISOString()).toBe(
			'2023-08-29T12:15:57.000Z',
		);
		expect(parseVendorDate('20250102030405', 'compact')?.toISOString()).toBe(
			'2025-01-02T03:04:05.000Z',
		);
		expect(parseVendorDate('not a date')).toBeUndefined();
		expect(parseVendorDate(null)).toBeUndefined();
	});

	it('splits a range into consecutive windows that cover it exactly once', () => {
		const start = DateTime.fromISO('2025-01-01T00:00:00Z', { zone: 'utc' });
		const end = DateTime.fromISO('2025-01-03T12:00:00Z', { zone: 'utc' });
		const windows = splitRange({ start, end }, 86_400_000);
		expect(windows).toHaveLength(3);
		expect(windows[0].start.equals(start)).toBe(true);
		expect(windows[2].end.equals(end)).toBe(true);
		for (let i = 1; i < windows.length; i++) {
			expect(windows[i].start.toMillis() - windows[i - 1].end.toMillis()).toBe(1000);
		}
	});
});
