import { NodeApiError } from 'n8n-workflow';

import {
	getAllParameters,
	ids,
	inRange,
	SEARCH,
	VENDOR,
	WesalVocFixture,
	type EmulatorSurvey,
} from './fixture';

let fx: WesalVocFixture;
let all: EmulatorSurvey[];
let start: string;
let end: string;

beforeAll(async () => {
	fx = await WesalVocFixture.start();
	await fx.reset();
	all = await fx.surveys();
	end = all
		.map((survey) => survey.surveyDate)
		.sort()
		.at(-1)!;
	start = new Date(Date.parse(`${end}Z`) - 3 * 86_400_000).toISOString().slice(0, 19);
});
beforeEach(async () => {
	await fx.reset();
	// Log in first so that faults hit the search, not the login.
	await fx.run(getAllParameters(`${start}Z`, `${start}Z`));
	await fx.emulator.clearRequests();
});
afterAll(async () => await fx.close());

const transient: Array<[string, Parameters<typeof fx.emulator.fault>[0]]> = [
	['503', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 503 }],
	['500 twice', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 500, count: 2 }],
	['502 HTML page', { vendor: VENDOR, path: SEARCH, kind: 'html', status: 502 }],
	['504', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 504 }],
	[
		'429 with Retry-After',
		{ vendor: VENDOR, path: SEARCH, kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
	],
	['429 without Retry-After', { vendor: VENDOR, path: SEARCH, kind: 'status', status: 429 }],
	['connection reset', { vendor: VENDOR, path: SEARCH, kind: 'reset' }],
	['malformed JSON', { vendor: VENDOR, path: SEARCH, kind: 'malformed' }],
	['stall past the timeout', { vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 5000 }],
];

describe('faults on a read', () => {
	it.each(transient)('recovers from %s and returns the full result', async (_name, fault) => {
		await fx.emulator.fault(fault);
		const { items, error } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { options: { timeout: 1000 } }),
		);
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(ids(inRange(all, start, end)));
		const faulted = (await fx.searches()).filter((request) => request.fault);
		expect(faulted).toHaveLength(fault.count ?? 1);
	});

	it('fails with a NodeApiError naming vendor, operation and status once the retry budget is spent', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 503,
			count: 10,
			body: { result: 'error', message: 'Maintenance' },
		});
		const { error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error?.message).toBe(
			'Wesal VoC could not serve "Survey: Get Many" (HTTP 503): Maintenance',
		);
		expect(error?.description).toBe(
			"The problem is on Wesal VoC's side. It was tried 4 times. Try again later.",
		);
		expect((error as unknown as NodeApiError).httpCode).toBe('503');
		expect(await fx.searches()).toHaveLength(4);
	});

	it('does not retry a client error', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 400,
			body: { result: 'error', message: 'Invalid startDate' },
		});
		const { error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error?.message).toBe(
			'Wesal VoC refused "Survey: Get Many" (HTTP 400): Invalid startDate',
		);
		expect(await fx.searches()).toHaveLength(1);
	});

	it('continues with the next items when one fails under Continue On Fail', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 404,
			body: { result: 'error', message: 'Company not found' },
		});
		const { items } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`), {
			continueOnFail: true,
			items: [{ json: { n: 0 } }, { json: { n: 1 } }],
		});
		const errors = items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 0 });
		expect(errors[0].json.error).toBe(
			'Wesal VoC found nothing for "Survey: Get Many" (HTTP 404): Company not found',
		);
		const second = items.filter((item) => !item.json.error);
		expect(ids(second)).toEqual(ids(inRange(all, start, end)));
		expect(second.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});

describe('faults on a write', () => {
	it.each([503, 500, 429])(
		'sends a password reset code once and fails clearly on %s',
		async (status) => {
			await fx.emulator.fault({ vendor: VENDOR, path: '/auth/reset', kind: 'status', status });
			const { error } = await fx.run({
				resource: 'account',
				operation: 'sendResetCode',
				method: 'email',
				email: 'ops@acme.test',
			});
			expect(error?.message).toMatch(
				new RegExp(`^Wesal VoC .*"Account: Send Reset Code" \\(HTTP ${status}\\)`),
			);
			expect(error?.description).toContain('This request changes data, so it was not retried.');
			expect(await fx.emulator.requests(VENDOR, { path: '/auth/reset' })).toHaveLength(1);
		},
	);

	it('does not retry a write whose connection was reset', async () => {
		await fx.emulator.fault({ vendor: VENDOR, path: '/auth/verify', kind: 'reset' });
		const { error } = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: 'ops@acme.test',
			otp: '1234',
			newPassword: 'N3w-pass!',
		});
		expect(error?.message).toBe(
			'Could not reach Wesal VoC for "Account: Reset Password": the connection was reset',
		);
		expect(error?.description).toContain('may have been carried out');
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/verify' })).toHaveLength(1);
	});
});
