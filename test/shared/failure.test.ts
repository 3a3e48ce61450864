import { describeFailure, isLoginRefused, retryAfterMs } from '../../nodes/shared';

/** An error as n8n's HTTP helper throws it for an answered request. */
const answered = (status: number, data?: unknown, headers?: unknown) =>
	Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data, headers },
	});

describe('what a failed request tells', () => {
	it('reads the answer behind every wrapper, with header names in lower case', () => {
		const inner = answered(
			503,
			{ error: 'maintenance' },
			{ 'Retry-After': 7, 'X-Empty': null, 'X-Unset': undefined },
		);
		const wrapped = new Error('outer', { cause: new Error('middle', { cause: inner }) });
		expect(describeFailure(wrapped)).toEqual({
			status: 503,
			body: { error: 'maintenance' },
			headers: { 'retry-after': '7' },
			code: undefined,
			timedOut: false,
			message: undefined,
			loginRefused: false,
		});
	});

	it("reads n8n's NodeApiError: status from httpCode, body from context.data", () => {
		const apiError = Object.assign(new Error('Bad request - please check your parameters'), {
			httpCode: '422',
			context: { data: { message: 'date is invalid' } },
		});
		expect(describeFailure(apiError)).toMatchObject({
			status: 422,
			body: { message: 'date is invalid' },
			headers: {},
			timedOut: false,
			message: undefined,
		});
	});

	it('takes the body from the first context that holds one', () => {
		const inner = Object.assign(new Error('inner'), {
			httpCode: '400',
			context: { data: { error: 'bad date' } },
		});
		const outer = Object.assign(new Error('outer', { cause: inner }), {
			context: { itemIndex: 0 },
		});
		expect(describeFailure(outer).body).toEqual({ error: 'bad date' });
	});

	it('keeps the own network code of an answered request, not one guessed from its text', () => {
		const failure = describeFailure(
			Object.assign(answered(502), { code: 'ERR_BAD_RESPONSE', message: 'socket hang up' }),
		);
		expect(failure.status).toBe(502);
		expect(failure.code).toBe('ERR_BAD_RESPONSE');
		expect(describeFailure(Object.assign(answered(500), { message: 'timeout' })).code).toBe(
			undefined,
		);
	});

	it('finds a network code written in the message when the error has none', () => {
		expect(describeFailure(new Error('connect ECONNREFUSED 127.0.0.1:9')).code).toBe(
			'ECONNREFUSED',
		);
		expect(
			describeFailure(new Error('request to x failed, reason: ERR_TLS_CERT_ALTNAME')).code,
		).toBe('ERR_TLS_CERT_ALTNAME');
		// n8n keeps the original texts in `messages`
		const rewritten = Object.assign(new Error('The connection to the server was closed'), {
			messages: ['getaddrinfo ENOTFOUND api.example.test'],
		});
		expect(describeFailure(rewritten).code).toBe('ENOTFOUND');
	});

	it("recovers the code from n8n's sentences for a dropped, refused or timed-out connection", () => {
		const codeOf = (text: string) => describeFailure(new Error(text)).code;
		expect(codeOf('The connection to the server was closed unexpectedly')).toBe('ECONNRESET');
		expect(codeOf('socket hang up')).toBe('ECONNRESET');
		expect(codeOf('The service refused the connection')).toBe('ECONNREFUSED');
		expect(codeOf('The request timed out')).toBe('ETIMEDOUT');
		expect(codeOf('Request aborted')).toBe('ETIMEDOUT');
		expect(codeOf('Something else happened')).toBe(undefined);
	});

	it('counts only a timeout code as a timeout, and gives the first message', () => {
		for (const code of ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']) {
			const failure = describeFailure(Object.assign(new Error(`first ${code}`), { code }));
			expect([code, failure.timedOut, failure.message]).toEqual([code, true, `first ${code}`]);
		}
		expect(describeFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' })).timedOut).toBe(
			false,
		);
		expect(describeFailure(Object.assign(answered(504), { code: 'ETIMEDOUT' })).timedOut).toBe(
			false,
		);
	});

	it('gives the first message of the chain that is text', () => {
		const outer = { code: 'ECONNRESET', message: 42, cause: new Error('socket hang up') };
		expect(describeFailure(outer).message).toBe('socket hang up');
	});

	it('reads a thrown plain object and survives an error that is its own cause', () => {
		expect(describeFailure({ message: 'plain', code: 'EPIPE' })).toMatchObject({
			code: 'EPIPE',
			message: 'plain',
		});
		const loop = new Error('loop') as Error & { cause?: unknown };
		loop.cause = loop;
		expect(describeFailure(loop).message).toBe('loop');
		expect(describeFailure('text')).toEqual({
			status: undefined,
			body: undefined,
			headers: {},
			code: undefined,
			timedOut: false,
			message: undefined,
			loginRefused: false,
		});
	});
});

describe('a refused login', () => {
	it('is recognised by its context, not by its words', () => {
		expect(isLoginRefused({ context: { loginRefused: true } })).toBe(true);
		expect(isLoginRefused(Object.assign(new Error('x'), { context: { loginRefused: true } }))).toBe(
			true,
		);
		expect(isLoginRefused({ context: { loginRefused: 'yes' } })).toBe(false);
		expect(isLoginRefused(new Error('login refused'))).toBe(false);
		expect(isLoginRefused(null)).toBe(false);
	});
});

describe('Retry-After', () => {
	const after = (value: string) => ({ headers: { 'retry-after': value }, timedOut: false });
	const now = Date.UTC(2026, 11, 8, 12, 0, 0);

	it('reads seconds, and an HTTP date counted from now', () => {
		expect(retryAfterMs(after('2.5'), now)).toBe(2500);
		expect(retryAfterMs(after('Tue, 08 Dec 2026 12:00:30 GMT'), now)).toBe(30_000);
	});

	it('never waits a negative time, and ignores what it cannot read', () => {
		expect(retryAfterMs(after('-5'), now)).toBe(0);
		expect(retryAfterMs(after('Tue, 08 Dec 2026 11:59:00 GMT'), now)).toBe(0);
		expect(retryAfterMs(after('soon'), now)).toBe(undefined);
		expect(retryAfterMs(after(''), now)).toBe(undefined);
		expect(retryAfterMs({ headers: {}, timedOut: false }, now)).toBe(undefined);
	});
});
