import type { NodeApiError } from 'n8n-workflow';

import {
	idsOf,
	ORGANIZATION,
	SEARCH,
	surveyParameters,
	VENDOR,
	WesalPortalFixture,
} from './fixture';

let fx: WesalPortalFixture;
let expected: string[];
const START = '2025-11-12T00:00:00Z';
const END = '2025-11-15T00:00:00Z';

beforeAll(async () => {
	fx = await WesalPortalFixture.start();
	await fx.reset();
	expected = (await fx.truthIds({ startTime: START, endTime: END })).ids;
});
beforeEach(async () => {
	await fx.reset();
	// Log in first so that faults hit the calls under test, not the login.
	await fx.run({ resource: 'organization', operation: 'get' });
	await fx.emulator.clearRequests();
});
afterAll(async () => await fx.close());

type Fault = Parameters<typeof fx.emulator.fault>[0];

describe('faults on a read', () => {
	const transient: Array<[string, Fault]> = [
		['503', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 503 }],
		['500 twice', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 500, count: 2 }],
		['502 HTML page', { vendor: VENDOR, path: SEARCH, kind: 'html', status: 502 }],
		[
			'429 with Retry-After',
			{
				vendor: VENDOR,
				path: SEARCH,
				kind: 'status',
				status: 429,
				headers: { 'Retry-After': '1' },
			},
		],
		['connection reset', { vendor: VENDOR, path: SEARCH, kind: 'reset' }],
		['malformed JSON', { vendor: VENDOR, path: SEARCH, kind: 'malformed' }],
		['stall past the timeout', { vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 5000 }],
	];

	it.each(transient)('recovers from %s and returns the full result', async (_name, fault) => {
		await fx.emulator.fault(fault);
		const { items, error } = await fx.run(
			surveyParameters(START, END, { options: { timeout: 1000 } }),
		);
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual(expected);
		expect((await fx.searches()).filter((request) => request.fault)).toHaveLength(fault.count ?? 1);
	});

	it('fails with a NodeApiError naming vendor, operation and status once the retry budget is spent', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 503,
			count: 10,
			body: { success: false, message: 'Maintenance' },
		});
		const { error } = await fx.run(surveyParameters(START, END));
		expect(error?.message).toBe(
			'Wesal Portal could not serve "Survey: Get Many" (HTTP 503): Maintenance',
		);
		expect(error?.description).toBe(
			"The problem is on Wesal Portal's side. It was tried 4 times. Try again later.",
		);
		expect((error as unknown as NodeApiError).httpCode).toBe('503');
		expect(await fx.searches()).toHaveLength(4);
	});
});

describe('X-codes are explained', () => {
	it.each([
		[
			'X0000',
			400,
			'refused "Organization: Get" (HTTP 400)',
			'X0000 (some mandatory parameters are missing): companyId is required',
		],
		[
			'X001',
			401,
			'did not accept the credential for "Organization: Get" (HTTP 401)',
			'X001 (the Client ID (secret key) is unknown or expired): Unknown or invalid secret_key',
		],
		[
			'X002',
			403,
			'did not accept the credential for "Organization: Get" (HTTP 403)',
			'X002 (the Client ID (secret key) is not valid for this domain): Invalid secret_key for this domain',
		],
		[
			'X004',
			400,
			'refused "Organization: Get" (HTTP 400)',
			'X004 (the request is invalid): Invalid request',
		],
	])('%s', async (code, status, what, text) => {
		const message = text.split(': ').slice(1).join(': ');
		await fx.emulator.fault({
			vendor: VENDOR,
			path: ORGANIZATION,
			kind: 'status',
			status,
			body: { success: false, code, message },
			count: 3,
		});
		const { error } = await fx.run({ resource: 'organization', operation: 'get' });
		expect(error?.message).toBe(`Wesal Portal ${what}: ${text}`);
	});

	it('an error inside an HTTP 200 answer is an error, and is not retried', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: ORGANIZATION,
			kind: 'status',
			status: 200,
			body: { success: false, code: 'X004', message: 'Invalid request' },
		});
		const { error } = await fx.run({ resource: 'organization', operation: 'get' });
		expect(error?.message).toBe(
			'Wesal Portal refused "Organization: Get": X004 (the request is invalid): Invalid request',
		);
		expect(await fx.emulator.requests(VENDOR, { path: ORGANIZATION })).toHaveLength(1);
	});
});

describe('Continue On Fail', () => {
	it('turns a failed item into an error item and runs the others', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 400,
			body: { success: false, code: 'X004', message: 'Unknown companyId 1' },
		});
		const { items } = await fx.run(surveyParameters(START, END), {
			continueOnFail: true,
			items: [{ json: { n: 0 } }, { json: { n: 1 } }],
		});
		const errors = items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 0 });
		expect(errors[0].json.error).toBe(
			'Wesal Portal refused "Survey: Get Many" (HTTP 400): X004 (the request is invalid): Unknown companyId 1',
		);
		const rest = items.filter((item) => !item.json.error);
		expect(idsOf(rest)).toEqual(expected);
		expect(rest.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});

describe('faults on a write', () => {
	it.each([
		[503, 'could not serve'],
		[500, 'could not serve'],
		[429, 'is limiting requests and did not serve'],
	])('sends a reset code once and fails clearly on %s', async (status, what) => {
		await fx.emulator.fault({ vendor: VENDOR, path: '/auth/reset', kind: 'status', status });
		const { error } = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: 'cx.lead@hadef.test',
		});
		expect(error?.message).toMatch(
			new RegExp(`^Wesal Portal ${what} "Account: Send Reset Code" \\(HTTP ${status}\\)`),
		);
		expect(error?.description).toContain('This request changes data, so it was not retried.');
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/reset' })).toHaveLength(1);
	});
});
