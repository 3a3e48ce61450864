import type { IDataObject } from 'n8n-workflow';

import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import {
	WESAL_VOC_COMPANY_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
	WESAL_VOC_QUESTIONS,
} from '../../sandbox/vendors/wesalVoc';
import { loadOptions } from '../harness';
import type { LoggedRequest } from '../helpers/emulator';
import { VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const sendCode = {
	resource: 'account',
	operation: 'sendResetCode',
	method: 'email',
	email: WESAL_VOC_EMAIL,
};
const resetWith = (otp: string) => ({
	resource: 'account',
	operation: 'resetPassword',
	method: 'email',
	email: WESAL_VOC_EMAIL,
	otp,
	newPassword: 'Brand-new-1',
});

async function pendingCode(): Promise<string> {
	const { otp } = await fx.emulator.control<{ otp: string }>(
		'GET',
		`wesal-voc/otp?email=${encodeURIComponent(WESAL_VOC_EMAIL)}`,
	);
	return otp;
}

describe('Company → Get Question Schema', () => {
	it("returns the company's questions, flat, from the login answer", async () => {
		const { items, error } = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				id: 'AgentSatisfaction',
				name: 'Agent Satisfaction',
				type: 'rating',
				minAnswer: 1,
				maxAnswer: 5,
			},
			{
				id: 'ServiceSatisfaction',
				name: 'Service Satisfaction',
				type: 'rating',
				minAnswer: 1,
				maxAnswer: 5,
			},
			{ id: 'NPS', name: 'Net Promoter Score', type: 'rating', minAnswer: 0, maxAnswer: 10 },
		]);
		expect((await fx.stats()).logins).toBe(1);
	});

	it('returns the questions as the login answer has them with Output → Raw', async () => {
		const { items } = await fx.run({
			resource: 'company',
			operation: 'getQuestionSchema',
			output: 'raw',
		});
		const login = (await fx.emulator.requests(VENDOR, { path: '/auth/login' })).length;
		expect(login).toBe(1);
		expect(items.map((item) => item.json)).toEqual(
			WESAL_VOC_QUESTIONS.map((question) => ({ ...question })),
		);
		expect(items[0].json).toHaveProperty('counts', 5);
	});

	it('returns only the chosen fields with Output → Selected Fields', async () => {
		const { items } = await fx.run({
			resource: 'company',
			operation: 'getQuestionSchema',
			output: 'selected',
			fields: ['id', 'maxAnswer'],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ id: 'AgentSatisfaction', maxAnswer: 5 },
			{ id: 'ServiceSatisfaction', maxAnswer: 5 },
			{ id: 'NPS', maxAnswer: 10 },
		]);
	});

	it('offers the questions in the answer-filter dropdown', async () => {
		const options = await loadOptions({
			nodeType: WesalVoc,
			method: 'getQuestions',
			parameters: { resource: 'survey', operation: 'getAll' },
			store: fx.store,
			credentials: { wesalVocApi: fx.credentialId },
		});
		expect(options).toEqual([
			{ name: 'Agent Satisfaction', value: 'AgentSatisfaction', description: 'rating from 1 to 5' },
			{
				name: 'Service Satisfaction',
				value: 'ServiceSatisfaction',
				description: 'rating from 1 to 5',
			},
			{ name: 'Net Promoter Score', value: 'NPS', description: 'rating from 0 to 10' },
		]);
	});
});

describe('agent and queue lists', () => {
	const list = async (method: string) =>
		await loadOptions({
			nodeType: WesalVoc,
			method,
			parameters: { resource: 'survey', operation: 'getAll' },
			store: fx.store,
			credentials: { wesalVocApi: fx.credentialId },
		});

	it("lists the distinct agents and queues of the last 30 days' surveys, in one paged search", async () => {
		const day = 86_400_000;
		const date = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 19);
		await fx.add([
			{ surveyDate: date(day), agent: 'Zaid', queue: 'Night Shift' },
			{ surveyDate: date(40 * day), agent: 'Old Agent', queue: 'Old Queue' },
		]);
		const recent = (await fx.surveys()).filter(
			(survey) => Date.parse(`${survey.surveyDate}Z`) >= Date.now() - 29 * day,
		);
		const names = (field: 'agent' | 'queue') =>
			[...new Set(recent.map((survey) => survey[field]))].sort((a, b) => a.localeCompare(b));

		const agents = await list('getAgents');
		expect(agents).toEqual(names('agent').map((name) => ({ name, value: name })));
		expect(agents.map((option) => option.name)).toContain('Zaid');
		expect(agents.map((option) => option.name)).not.toContain('Old Agent');

		await fx.emulator.clearRequests();
		const queues = await list('getQueues');
		expect(queues).toEqual(names('queue').map((name) => ({ name, value: name })));
		expect(queues.map((option) => option.name)).not.toContain('Old Queue');

		// One search over 30 days, each page once.
		const searches = await fx.searches();
		const pages = searches.map((request) => (request.body as { page: number }).page);
		const pageSize = await fx.pageSize();
		const total = (await fx.surveys()).filter(
			(survey) => survey.surveyDate >= (searches[0].body as IDataObject).startDate!,
		).length;
		expect(pages.sort((a, b) => a - b)).toEqual(
			Array.from({ length: Math.ceil(total / pageSize) }, (_, index) => index + 1),
		);
		const start = Date.parse(`${(searches[0].body as IDataObject).startDate as string}Z`);
		expect(Math.round((Date.now() - start) / day)).toBe(30);
	});

	it('describes the filters as lists that also take expressions', () => {
		const { properties } = new WesalVoc().description;
		const filters = properties.find((property) => property.name === 'filters')!;
		for (const name of ['agents', 'queues']) {
			const field = (filters.options as unknown as IDataObject[]).find(
				(option) => option.name === name,
			)!;
			expect(field.type).toBe('multiOptions');
			expect(field.description).toContain(
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			);
		}
	});
});

describe('Account', () => {
	it('sends a reset code and resets the password with it', async () => {
		const sent = await fx.run(sendCode);
		expect(sent.error).toBeUndefined();
		expect(sent.items[0].json).toEqual({
			result: 'success',
			message: 'Reset done, please check your email',
			method: 'email',
			email: WESAL_VOC_EMAIL,
		});
		const otp = await pendingCode();

		const reset = await fx.run(resetWith(otp));
		expect(reset.error).toBeUndefined();
		expect(reset.items[0].json).toEqual({
			result: 'success',
			message: 'Password reset successfully',
			method: 'email',
			email: WESAL_VOC_EMAIL,
		});
		expect(JSON.stringify(reset.items)).not.toContain('Brand-new-1');
		const body = (await fx.emulator.requests(VENDOR, { path: '/auth/verify' }))[0].body;
		expect(body).toEqual({
			companyId: WESAL_VOC_COMPANY_NAME,
			method: 'email',
			email: WESAL_VOC_EMAIL,
			verifyCode: otp,
			otp,
			password: 'Brand-new-1',
		});

		// The new password now works for a user-account login.
		const userAccount = fx.store.add({
			type: 'wesalVocApi',
			data: fx.credentialData({ authMode: 'userAccount', password: 'Brand-new-1' }),
		});
		const login = await fx.run(
			{ resource: 'company', operation: 'getQuestionSchema' },
			{ credentials: { wesalVocApi: userAccount } },
		);
		expect(login.error).toBeUndefined();
	});

	it('reports a wrong code with the API message', async () => {
		await fx.run(sendCode);
		const { error } = await fx.run(resetWith('0000x'));
		expect(error?.message).toBe(
			'Wesal VoC refused "Account: Reset Password" (HTTP 400): Incorrect verify code',
		);
		expect(error?.description).toContain('This request changes data, so it was not retried.');
	});

	it('logs out: the token stops working and the next call logs in again', async () => {
		const { items, error } = await fx.run({ resource: 'account', operation: 'logout' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ result: 'success', message: 'Logged out successfully' });
		expect((await fx.stats()).activeTokens).toBe(0);
		const again = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(again.error).toBeUndefined();
		const next = await fx.run({
			resource: 'survey',
			operation: 'getAll',
			startDate: '2020-01-01T00:00:00Z',
			endDate: '2020-01-02T00:00:00Z',
			returnAll: true,
		});
		expect(next.error).toBeUndefined();
		expect((await fx.stats()).logins).toBe(2);
	});

	it("waits no longer than the Logout's Timeout option", async () => {
		await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: '/auth/logout',
			kind: 'delay',
			delayMs: 3000,
			count: 4,
		});
		const started = Date.now();
		const { error } = await fx.run({
			resource: 'account',
			operation: 'logout',
			options: { timeout: 300 },
		});
		expect(error?.message).toBe('Wesal VoC did not answer "Account: Logout" within 0.3 s');
		expect(error?.description).toBe(
			'Raise Options → Timeout, or try again later. It was tried 4 times.',
		);
		expect(Date.now() - started).toBeLessThan(3 * 3000);
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/logout' })).toHaveLength(4);
	});
});

describe('password reset without a login', () => {
	const sessionHeaders = (request: LoggedRequest) =>
		Object.keys(request.headers).filter((name) =>
			['authorization', 'x-client-id'].includes(name.toLowerCase()),
		);

	it.each([
		['a wrong password', 'wrong-secret-123'],
		['an empty password', ''],
	])('sends the code and resets with %s in the credential', async (_name, password) => {
		await fx.reset({ authMode: 'userAccount', password, apiToken: '' });
		const sent = await fx.run(sendCode);
		expect(sent.error).toBeUndefined();
		expect(sent.items[0].json).toMatchObject({ result: 'success' });
		const reset = await fx.run(resetWith(await pendingCode()));
		expect(reset.error).toBeUndefined();
		expect(reset.items[0].json).toMatchObject({ result: 'success' });

		const requests = await fx.emulator.requests(VENDOR);
		expect(requests.map((request) => request.path)).toEqual(['/auth/reset', '/auth/verify']);
		for (const request of requests) {
			expect(sessionHeaders(request)).toEqual([]);
			expect(request.headers['content-type']).toMatch(/^application\/json/);
		}
		expect(requests[0].body).toEqual({
			companyId: WESAL_VOC_COMPANY_NAME,
			method: 'email',
			email: WESAL_VOC_EMAIL,
			phone: 'NO',
		});
		expect((await fx.stats()).logins + (await fx.stats()).failedLogins).toBe(0);
		expect(fx.store.stats.preAuthentications).toBe(0);
	});

	it('sends the company id of an earlier login, still without the session', async () => {
		await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		await fx.emulator.clearRequests();
		const sent = await fx.run({ ...sendCode, method: 'phone', phone: '+966 500000000' });
		expect(sent.error).toBeUndefined();
		const [request] = await fx.emulator.requests(VENDOR);
		expect(request.path).toBe('/auth/reset');
		expect(sessionHeaders(request)).toEqual([]);
		expect(request.body).toEqual({
			companyId: WESAL_VOC_COMPANY_ID,
			method: 'phone',
			email: 'NO',
			phone: '+966 500000000',
		});
	});

	it('says nothing was sent when it fails before any request', async () => {
		const failures: Array<[IDataObject, IDataObject, string, string]> = [
			[
				{ baseUrl: 'not a url' },
				sendCode,
				'Invalid "Base URL" in the Wesal VoC credential: "not a url" is not an http(s) address',
				'Nothing was sent.',
			],
			[
				{ baseUrl: 'http://127.0.0.1:1/wesal-voc/api/v1' },
				sendCode,
				'Could not reach Wesal VoC for "Account: Send Reset Code": the connection was refused',
				'Nothing was sent, so it is safe to run again.',
			],
			[
				{},
				{ ...sendCode, email: 'not-an-email' },
				'Invalid "Email": "not-an-email" is not an email address',
				'Nothing was sent.',
			],
			[{}, resetWith(' '), 'Invalid "Verification Code": it is required', 'Nothing was sent.'],
		];
		for (const [credential, parameters, message, sentNothing] of failures) {
			await fx.reset({ authMode: 'userAccount', password: 'wrong-secret-123', ...credential });
			const { error } = await fx.run(parameters as never);
			expect(error?.message).toBe(message);
			expect(error?.description).toContain(sentNothing);
			expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
		}
	});
});
