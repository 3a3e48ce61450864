import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	CredentialFieldProblem,
	LoginRefusedError,
	describeFailure,
	fieldRefusal,
	isLoginRefused,
	loginError,
} from '../../nodes/shared';

const vendor = {
	displayName: 'Acme',
	errorText: (body: unknown) =>
		(body as { error?: string } | undefined)?.error?.trim() || undefined,
	bodyFailure: (body: unknown) =>
		(body as { status?: string } | undefined)?.status === 'fail' ? 'status fail' : undefined,
};
const HINT = 'Check the user name and password.';

/** An error as n8n's HTTP helper throws it for an answered request. */
const httpError = (status: number, data?: unknown) =>
	Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data, headers: {} },
	});
const networkError = (code: string, message = `connect ${code} 127.0.0.1:9`) =>
	Object.assign(new Error(message), { code });

describe('a refused login', () => {
	it('quotes the vendor and the HTTP status, then says what to check', () => {
		const error = loginError(vendor, httpError(401, { error: 'Invalid password' }), HINT);
		expect(error).toBeInstanceOf(LoginRefusedError);
		expect(error.message).toBe(
			'Acme refused the login: Invalid password (HTTP 401). Check the user name and password.',
		);
	});

	it('falls back to the vendor body failure when the body has no error text', () => {
		expect(loginError(vendor, httpError(400, { status: 'fail' }), HINT, 'token').message).toBe(
			'Acme refused the token: status fail (HTTP 400). Check the user name and password.',
		);
	});

	it('names the status alone when the vendor says nothing', () => {
		expect(loginError(vendor, httpError(403), HINT, 'credentials').message).toBe(
			'Acme refused the credentials (HTTP 403). Check the user name and password.',
		);
		expect(loginError(vendor, httpError(499, 'x'), HINT).message).toBe(
			'Acme refused the login (HTTP 499). Check the user name and password.',
		);
	});

	it('quotes the vendor without a status when its words came without one', () => {
		const refused = Object.assign(new Error('Bad login'), {
			context: { data: { error: 'Unknown API key' } },
		});
		expect(loginError(vendor, refused, HINT).message).toBe(
			`Acme refused the login: Unknown API key. ${HINT}`,
		);
	});

	it('without an HTTP answer, gives the reason, cut to 300 characters, or "no answer"', () => {
		const long = 'z'.repeat(400);
		expect(loginError(vendor, { message: long }, HINT).message).toBe(
			`Acme did not accept the login: ${'z'.repeat(300)}…. ${HINT}`,
		);
		expect(loginError(vendor, {}, HINT).message).toBe(
			`Acme did not accept the login: no answer. ${HINT}`,
		);
	});

	it('is marked so that it is never retried, also once n8n wraps it', () => {
		const error = loginError(vendor, httpError(401), HINT);
		expect(isLoginRefused(error)).toBe(true);
		const node = { name: 'Acme', type: 'acme', typeVersion: 1, position: [0, 0], parameters: {} };
		const wrapped = new NodeApiError(node as INode, error as unknown as JsonObject);
		expect(describeFailure(wrapped).loginRefused).toBe(true);
		expect(describeFailure(new Error('outer', { cause: error })).loginRefused).toBe(true);
		expect(describeFailure(new Error('refused')).loginRefused).toBe(false);
	});
});

describe('a busy or unreachable server at login', () => {
	it('is passed on as it is, to be retried like any read', () => {
		for (const error of [
			httpError(429),
			httpError(500),
			httpError(503),
			networkError('ECONNREFUSED'),
			networkError('ETIMEDOUT', 'timeout of 100ms exceeded'),
		]) {
			expect(loginError(vendor, error, HINT)).toBe(error);
			expect(isLoginRefused(error)).toBe(false);
		}
	});

	it('is a refusal when it is not even an Error', () => {
		const thrown = { code: 'ECONNRESET', message: 'socket hang up' };
		const error = loginError(vendor, thrown, HINT);
		expect(error).toBeInstanceOf(LoginRefusedError);
		expect(error.message).toBe(`Acme did not accept the login: socket hang up. ${HINT}`);
	});
});

describe('a credential field that cannot make an address', () => {
	it('is refused with the field problem and what to type', () => {
		const error = fieldRefusal(
			new CredentialFieldProblem('Base URL "ftp:x" is not an address', 'Type https://…'),
		);
		expect(error).toBeInstanceOf(LoginRefusedError);
		expect(error.message).toBe('Base URL "ftp:x" is not an address. Type https://…');
		expect(isLoginRefused(error)).toBe(true);
	});

	it('is refused with the message alone when there is no hint', () => {
		expect(fieldRefusal(new Error('Server is empty')).message).toBe('Server is empty.');
	});
});
