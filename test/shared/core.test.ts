import type { INode } from 'n8n-workflow';

import {
	collectPages,
	describeFailure,
	feedbackRecord,
	isTransient,
	listParameter,
	numericAnswer,
	retryAfterMs,
	retryDelayMs,
	sentimentFromCounts,
	sentimentLabel,
	validateParameters,
} from '../../nodes/shared';
import { z } from 'zod';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

describe('collectPages', () => {
	const pages = [[1, 2, 3], [4, 5, 6], [7]];
	const fetchPage = jest.fn(async (page: number, _wanted?: number) => ({
		items: pages[page - 1] ?? [],
		next: page < pages.length ? page + 1 : undefined,
	}));
	beforeEach(() => fetchPage.mockClear());

	it('reads every page for Return All', async () => {
		expect(await collectPages(1, fetchPage, { returnAll: true, limit: 0 })).toEqual([
			1, 2, 3, 4, 5, 6, 7,
		]);
		expect(fetchPage).toHaveBeenCalledTimes(3);
	});

	it('stops as soon as the limit is reached and cuts to it', async () => {
		expect(await collectPages(1, fetchPage, { returnAll: false, limit: 4 })).toEqual([1, 2, 3, 4]);
		expect(fetchPage).toHaveBeenCalledTimes(2);
		expect(fetchPage.mock.calls[1][1]).toBe(1);
	});

	it('stops on an empty page even when the server offers a next one', async () => {
		const endless = async (page: number) => ({ items: page < 3 ? [page] : [], next: page + 1 });
		expect(await collectPages(1, endless, { returnAll: true, limit: 0 })).toEqual([1, 2]);
	});
});

describe('failures and retries', () => {
	const axiosLike = (status: number, data: unknown, headers: Record<string, string> = {}) => {
		const cause = Object.assign(new Error(`Request failed with status code ${status}`), {
			response: { status, data, headers },
		});
		return Object.assign(new Error('wrapped'), { cause });
	};

	it('finds status, body and headers behind n8n error wrappers', () => {
		const failure = describeFailure(
			axiosLike(429, { message: 'slow down' }, { 'Retry-After': '3' }),
		);
		expect(failure).toMatchObject({
			status: 429,
			body: { message: 'slow down' },
			headers: { 'retry-after': '3' },
		});
		expect(retryAfterMs(failure)).toBe(3000);
		expect(retryDelayMs(failure, 1)).toBe(3000);
	});

	it('reads network codes and timeouts', () => {
		expect(
			describeFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
		).toMatchObject({ code: 'ECONNRESET', timedOut: false });
		expect(
			describeFailure(
				Object.assign(new Error('timeout of 50ms exceeded'), { code: 'ECONNABORTED' }),
			).timedOut,
		).toBe(true);
	});

	it('retries only transient failures, with growing delays and a cap on Retry-After', () => {
		const status = (code: number) => ({ status: code, headers: {}, timedOut: false });
		for (const code of [429, 500, 502, 503, 504])
			expect(isTransient(status(code), false)).toBe(true);
		for (const code of [400, 401, 403, 404, 422])
			expect(isTransient(status(code), false)).toBe(false);
		expect(isTransient({ headers: {}, timedOut: false, code: 'ECONNRESET' }, false)).toBe(true);
		expect(isTransient(status(200), true)).toBe(true);
		expect(retryDelayMs(status(503), 1)).toBeLessThan(retryDelayMs(status(503), 3)!);
		expect(
			retryDelayMs({ status: 429, headers: { 'retry-after': '3600' }, timedOut: false }, 1),
		).toBeUndefined();
		const date = new Date(Date.now() + 2000).toUTCString();
		expect(retryAfterMs({ headers: { 'retry-after': date }, timedOut: false })).toBeLessThanOrEqual(
			2000,
		);
	});
});

describe('parameters', () => {
	it('names the field the user sees', () => {
		const schema = z.object({
			cutoffHour: z.string().regex(/^\d\d:\d\d$/, 'must look like 18:00'),
		});
		expect(() =>
			validateParameters(node, schema, { cutoffHour: '6pm' }, { cutoffHour: 'Cutoff Hour' }),
		).toThrow('Invalid "Cutoff Hour": must look like 18:00');
		expect(validateParameters(node, schema, { cutoffHour: '18:00' }, {})).toEqual({
			cutoffHour: '18:00',
		});
	});

	it('splits comma lists and accepts arrays', () => {
		expect(listParameter(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
		expect(listParameter(['x', ' y '])).toEqual(['x', 'y']);
		expect(listParameter(undefined)).toEqual([]);
	});
});

describe('feedback record', () => {
	it('fills every field of the schema', () => {
		const record = feedbackRecord({ source: 'wolkvox', surveyId: '1' });
		expect(Object.keys(record).sort()).toEqual(
			[
				'agent',
				'agentId',
				'channel',
				'comment',
				'customerEmail',
				'customerId',
				'customerName',
				'customerNumber',
				'date',
				'direction',
				'interactionId',
				'queue',
				'queueId',
				'scores',
				'sentiment',
				'source',
				'surveyId',
			].sort(),
		);
	});

	it('parses numeric answers and sentiment', () => {
		expect(numericAnswer(' 4 ')).toBe(4);
		expect(numericAnswer('4,5')).toBe(4.5);
		expect(numericAnswer('yes')).toBeNull();
		expect(sentimentLabel('Negativo')).toBe('negative');
		expect(sentimentLabel('POSITIVE')).toBe('positive');
		expect(sentimentLabel('?')).toBeNull();
		expect(sentimentFromCounts(1, 0, 5).label).toBe('negative');
		expect(sentimentFromCounts(2, 2, 2).label).toBe('neutral');
		expect(sentimentFromCounts(0, 0, 0).label).toBeNull();
	});
});
