import type { HttpFailure } from '../../nodes/shared';
import { isTransient, retryDelayMs } from '../../nodes/shared';

const answered = (status: number, headers: Record<string, string> = {}): HttpFailure => ({
	status,
	headers,
	timedOut: false,
});
const network = (code?: string, timedOut = false): HttpFailure => ({
	code,
	headers: {},
	timedOut,
});

describe('which failed reads are tried again', () => {
	it('retries a busy or broken server and nothing else the server answers', () => {
		for (const status of [429, 500, 502, 503, 504])
			expect([status, isTransient(answered(status), false)]).toEqual([status, true]);
		for (const status of [400, 401, 403, 404, 409, 422, 501, 505])
			expect([status, isTransient(answered(status), false)]).toEqual([status, false]);
	});

	it('retries a dropped, refused or unresolved connection, not an unknown network error', () => {
		for (const code of ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND'])
			expect([code, isTransient(network(code), false)]).toEqual([code, true]);
		expect(isTransient(network('ECERTHASEXPIRED'), false)).toBe(false);
		expect(isTransient(network(undefined), false)).toBe(false);
	});

	it('retries a timeout and an answer that could not be read', () => {
		expect(isTransient(network('ETIMEDOUT', true), false)).toBe(true);
		expect(isTransient(answered(200), true)).toBe(true);
	});

	it('never retries a refused login, even one that looks like a timeout or a busy server', () => {
		expect(isTransient({ ...network('ETIMEDOUT', true), loginRefused: true }, false)).toBe(false);
		expect(isTransient({ ...answered(503), loginRefused: true }, true)).toBe(false);
		expect(isTransient({ ...network('ECONNRESET'), loginRefused: true }, false)).toBe(false);
	});
});

describe('how long a read waits before trying again', () => {
	it('doubles from a quarter second: 250, 500, 1000, 2000 ms', () => {
		expect([1, 2, 3, 4].map((attempt) => retryDelayMs(answered(503), attempt))).toEqual([
			250, 500, 1000, 2000,
		]);
	});

	it('never waits more than 8 s between attempts', () => {
		expect(retryDelayMs(answered(503), 6)).toBe(8000);
		expect(retryDelayMs(answered(503), 10)).toBe(8000);
	});

	it('waits what Retry-After asks, up to one minute; longer, it gives up', () => {
		expect(retryDelayMs(answered(429, { 'retry-after': '60' }), 1)).toBe(60_000);
		expect(retryDelayMs(answered(429, { 'retry-after': '0' }), 3)).toBe(0);
		expect(retryDelayMs(answered(429, { 'retry-after': '61' }), 1)).toBeUndefined();
	});
});
