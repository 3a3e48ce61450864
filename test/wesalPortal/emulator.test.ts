import {
	WESAL_PORTAL_BASE_PATH,
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
	WESAL_PORTAL_PASSWORD,
	WESAL_PORTAL_QUEUES,
	WESAL_PORTAL_SURVEY_TOTAL,
} from '../../sandbox/vendors/wesalPortal';
import { Emulator } from '../helpers/emulator';
import { ANCHOR } from './fixture';

/** The emulator alone, over HTTP, as the doc describes the API. */
let emulator: Emulator;
let base: string;

beforeAll(async () => {
	emulator = await Emulator.start({ anchor: ANCHOR });
	base = emulator.vendorUrl(WESAL_PORTAL_BASE_PATH);
});
beforeEach(async () => await emulator.reset());
afterAll(async () => await emulator.close());

type Json = any;

async function call(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

const CLIENT = { 'X-Client-Id': WESAL_PORTAL_CLIENT_ID };
const login = async () =>
	(
		await call(
			'POST',
			'/auth/login',
			{ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD },
			CLIENT,
		)
	).json.data.access_token as string;
const error = (code: string, message: string) => ({ success: false, code, message });
const range = (startTime: string, endTime: string) => [
	{ dimension: 'dateTime', value: { startTime, endTime } },
];
const company = WESAL_PORTAL_COMPANIES[0];
const [sales, support] = WESAL_PORTAL_QUEUES;

describe('auth', () => {
	it('logs in as the doc shows: data.user, data.access_token, success', async () => {
		const { status, json } = await call(
			'POST',
			'/auth/login',
			{ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD },
			CLIENT,
		);
		expect(status).toBe(200);
		expect(json.success).toBe(true);
		expect(Object.keys(json.data)).toEqual(['user', 'access_token']);
		expect(Object.keys(json.data.user)).toEqual([
			'id',
			'firstName',
			'lastName',
			'email',
			'status',
			'createdAt',
			'updatedAt',
		]);
		expect(json.data.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
	});

	it.each([
		['no X-Client-Id', {}, 400, error('X0000', 'X-Client-Id header is required')],
		[
			'an unknown X-Client-Id',
			{ 'X-Client-Id': 'bm9wZQ==' },
			401,
			error('X001', 'Unknown or invalid secret_key'),
		],
		[
			'a key of another domain',
			{ 'X-Client-Id': WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID },
			403,
			error('X002', 'Invalid secret_key for this domain'),
		],
	])('refuses %s with the doc code', async (_name, headers, status, body) => {
		const answer = await call(
			'POST',
			'/auth/login',
			{ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD },
			headers,
		);
		expect(answer).toEqual({ status, json: body });
	});

	it('refuses missing fields (X0000) and a wrong password', async () => {
		expect(await call('POST', '/auth/login', { email: WESAL_PORTAL_EMAIL }, CLIENT)).toEqual({
			status: 400,
			json: error('X0000', 'password is required'),
		});
		expect(
			await call('POST', '/auth/login', { email: WESAL_PORTAL_EMAIL, password: 'nope' }, CLIENT),
		).toEqual({
			status: 401,
			json: error('X004', 'Invalid email or password'),
		});
	});

	it('takes the token as is: no token, a Bearer prefix, an expired token are X003', async () => {
		const token = await login();
		expect(
			(await call('GET', '/queries/organization', undefined, { Authorization: token })).status,
		).toBe(200);
		for (const headers of [{}, { Authorization: `Bearer ${token}` }] as Array<
			Record<string, string>
		>) {
			expect(await call('GET', '/queries/organization', undefined, headers)).toEqual({
				status: 401,
				json: error('X003', 'Unknown or invalid user token'),
			});
		}
		await emulator.advanceClock(3_600_000);
		expect(
			(await call('GET', '/queries/organization', undefined, { Authorization: token })).status,
		).toBe(401);
	});

	it.each([200, 400])('can answer X003 with HTTP %s instead of 401', async (tokenErrorStatus) => {
		await emulator.control('POST', 'wesal-portal/config', { tokenErrorStatus });
		expect(
			await call('GET', '/queries/organization', undefined, { Authorization: 'stale' }),
		).toEqual({
			status: tokenErrorStatus,
			json: error('X003', 'Unknown or invalid user token'),
		});
	});

	it.each(['/auth/logout', '/auth/reset_pwd'])(
		'logs out with GET %s (the doc names both)',
		async (path) => {
			const token = await login();
			expect(await call('GET', path, undefined, { Authorization: token })).toEqual({
				status: 200,
				json: { success: true },
			});
			expect(
				(await call('GET', '/queries/organization', undefined, { Authorization: token })).json.code,
			).toBe('X003');
		},
	);

	it('resets a password with a code sent by email (verifyCode) or phone (otp)', async () => {
		expect(
			await call(
				'POST',
				'/auth/reset',
				{ method: 'email', email: WESAL_PORTAL_EMAIL, phone: '' },
				CLIENT,
			),
		).toEqual({ status: 200, json: { success: true } });
		const { code } = await emulator.control<{ code: string }>('GET', 'wesal-portal/otp');
		expect(code).toMatch(/^[A-Za-z0-9]{20}$/);
		const verify = { method: 'email', email: WESAL_PORTAL_EMAIL, otp: '', password: 'New-Pa55!' };
		expect(
			(await call('POST', '/auth/verify', { ...verify, verifyCode: 'wrong' }, CLIENT)).json,
		).toEqual(error('X004', 'Invalid verify code'));
		expect(
			(await call('POST', '/auth/verify', { ...verify, verifyCode: code }, CLIENT)).json,
		).toEqual({ success: true });
		expect(
			(
				await call(
					'POST',
					'/auth/login',
					{ email: WESAL_PORTAL_EMAIL, password: 'New-Pa55!' },
					CLIENT,
				)
			).status,
		).toBe(200);

		await call('POST', '/auth/reset', { method: 'phone', email: '', phone: '0500000001' }, CLIENT);
		const sms = (await emulator.control<{ code: string }>('GET', 'wesal-portal/otp')).code;
		expect(sms).toMatch(/^\d{6}$/);
		expect(
			(
				await call(
					'POST',
					'/auth/verify',
					{ method: 'phone', email: WESAL_PORTAL_EMAIL, verifyCode: '', otp: sms, password: 'x-2' },
					CLIENT,
				)
			).json,
		).toEqual({ success: true });
	});
});

describe('organization and questions', () => {
	it('lists the organization and its companies', async () => {
		const { json } = await call('GET', '/queries/organization', undefined, {
			Authorization: await login(),
		});
		expect(json.data.organization).toMatchObject({
			id: 1003,
			region: 'ie',
			organizationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(json.data.companies).toEqual(
			WESAL_PORTAL_COMPANIES.map(({ id, name }) => ({ id, name })),
		);
	});

	it('lists the questions of a company with their answers, and refuses an unknown company', async () => {
		const token = await login();
		const { json } = await call('GET', `/survey/queries/questions/${company.id}`, undefined, {
			Authorization: token,
		});
		expect(json.data.questions).toEqual(
			company.questions.map(({ id, name, answers }) => ({ id, name, answers })),
		);
		expect(
			await call('GET', '/survey/queries/questions/42', undefined, { Authorization: token }),
		).toEqual({ status: 400, json: error('X004', 'Unknown companyId 42') });
	});
});

describe('surveys', () => {
	const all = range('2000-01-01T00:00:00', '2030-01-01T00:00:00');

	it(`holds ${WESAL_PORTAL_SURVEY_TOTAL} surveys for the first company and pages as the doc shows`, async () => {
		const token = await login();
		const { json } = await call(
			'POST',
			'/survey/queries/surveys',
			{ filters: all, companyId: company.id, offset: 0, limit: 100 },
			{ Authorization: token },
		);
		expect(json.data.pagination).toEqual({
			currentPage: 1,
			totalPages: 491,
			previousPage: null,
			nextPage: 2,
			totalItems: WESAL_PORTAL_SURVEY_TOTAL,
		});
		expect(json.data.profile).toMatchObject({
			companyId: String(company.id),
			companyName: company.name,
		});
		expect(json.data.surveys).toHaveLength(100);
		const last = await call(
			'POST',
			'/survey/queries/surveys',
			{ filters: all, companyId: company.id, offset: 49_000, limit: 100 },
			{ Authorization: token },
		);
		expect(last.json.data.surveys).toHaveLength(93);
		expect(last.json.data.pagination).toMatchObject({
			currentPage: 491,
			previousPage: 490,
			nextPage: null,
		});
	});

	it('defaults to offset 0 and limit 10, and is deterministic', async () => {
		const token = await login();
		const first = await call(
			'POST',
			'/survey/queries/surveys',
			{ filters: all, companyId: company.id },
			{ Authorization: token },
		);
		expect(first.json.data.surveys).toHaveLength(10);
		await emulator.reset();
		const again = await call(
			'POST',
			'/survey/queries/surveys',
			{ filters: all, companyId: company.id },
			{ Authorization: await login() },
		);
		expect(again.json.data.surveys).toEqual(first.json.data.surveys);
	});

	it('filters on the time the survey was answered, both ends included, oldest first', async () => {
		const token = await login();
		const { json } = await call(
			'POST',
			'/survey/queries/surveys',
			{
				filters: range('2025-11-14T00:00:00', '2025-11-14T06:00:00'),
				companyId: company.id,
				limit: 100,
			},
			{ Authorization: token },
		);
		const times = json.data.surveys.map((survey: Json) => survey.answers.at(-1).createdAt);
		expect(times.length).toBeGreaterThan(10);
		expect([...times].sort()).toEqual(times);
		expect(
			times.every(
				(time: string) => time >= '2025-11-14T00:00:00' && time <= '2025-11-14T06:00:00.000Z',
			),
		).toBe(true);
		const exact = times[3].slice(0, 23);
		const one = await call(
			'POST',
			'/survey/queries/surveys',
			{ filters: range(exact, exact), companyId: company.id },
			{ Authorization: token },
		);
		expect(one.json.data.surveys.map((survey: Json) => survey.answers.at(-1).createdAt)).toContain(
			times[3],
		);
	});

	it('adds conversation and answer details with extended', async () => {
		const token = await login();
		const body = { filters: all, companyId: company.id, limit: 1 };
		const short = (await call('POST', '/survey/queries/surveys', body, { Authorization: token }))
			.json.data.surveys[0];
		const long = (
			await call(
				'POST',
				'/survey/queries/surveys',
				{ ...body, extended: true },
				{ Authorization: token },
			)
		).json.data.surveys[0];
		expect(Object.keys(short.conversation)).toEqual([
			'id',
			'queueName',
			'agentName',
			'url',
			'callerId',
			'mediaType',
			'createdAt',
		]);
		expect(Object.keys(short.answers[0])).toEqual([
			'id',
			'questionId',
			'questionName',
			'answerTitle',
			'answerValue',
			'createdAt',
		]);
		expect(long.conversation).toMatchObject({
			...short.conversation,
			queueId: expect.any(String),
			agentId: expect.any(String),
			direction: expect.any(String),
		});
		expect(long.answers[0]).toMatchObject({ ...short.answers[0], answerId: expect.any(Number) });
	});

	it.each([
		['no filters', { companyId: company.id }, 'X0000', 'filters is required'],
		['no companyId', { filters: all }, 'X0000', 'companyId is required'],
		[
			'no dateTime filter',
			{ filters: [], companyId: company.id },
			'X0000',
			'filters: a dateTime filter is required',
		],
		[
			'an unknown dimension',
			{ filters: [...all, { dimension: 'queue', value: 'x' }], companyId: company.id },
			'X004',
			'Unknown filter dimension "queue"',
		],
		[
			'a limit above 100',
			{ filters: all, companyId: company.id, limit: 101 },
			'X004',
			'limit must be between 1 and 100',
		],
		[
			'a string companyId',
			{ filters: all, companyId: '100301' },
			'X004',
			'companyId must be a number',
		],
		[
			'a bad date',
			{ filters: range('soon', '2030-01-01T00:00:00'), companyId: company.id },
			'X004',
			'startTime must be an ISO 8601 date-time',
		],
		[
			'end before start',
			{ filters: range('2025-01-02T00:00:00', '2025-01-01T00:00:00'), companyId: company.id },
			'X004',
			'endTime must not be before startTime',
		],
	])('refuses %s', async (_name, body, code, message) => {
		expect(
			await call('POST', '/survey/queries/surveys', body, { Authorization: await login() }),
		).toEqual({ status: 400, json: error(code, message) });
	});

	it('takes new surveys through the control API, in time order', async () => {
		const [added] = (
			await emulator.control<{ surveys: Json[] }>('POST', 'wesal-portal/surveys', {
				surveys: [{ createdAt: '2025-11-14T03:00:00.000Z' }],
			})
		).surveys;
		const truth = await emulator.control<{ total: number; ids: string[] }>(
			'GET',
			'wesal-portal/surveys?startTime=2025-11-14T02:00:00&endTime=2025-11-14T04:00:00',
		);
		expect(truth.ids).toContain(added.id);
		const { json } = await call(
			'POST',
			'/survey/queries/surveys',
			{
				filters: range('2025-11-14T02:00:00', '2025-11-14T04:00:00'),
				companyId: company.id,
				limit: 100,
			},
			{ Authorization: await login() },
		);
		expect(json.data.surveys.map((survey: Json) => survey.id)).toEqual(truth.ids);
	});
});

describe('queues', () => {
	it('summarizes known queues and marks unknown ones', async () => {
		const { json } = await call(
			'POST',
			'/analytics/runtime/queues/summary',
			{ queues: [sales.id, 'nope'] },
			{ Authorization: await login() },
		);
		expect(json.data.success).toBe(true);
		expect(json.data.result[0]).toMatchObject({
			success: true,
			id: sales.id,
			name: sales.name,
			memberCount: expect.any(Number),
		});
		expect(json.data.result[1]).toEqual({ success: false, id: 'nope', message: 'Queue not found' });
	});

	it('counts members by status', async () => {
		const { json } = await call(
			'POST',
			'/analytics/runtime/queues/activity',
			{ queues: [support.id] },
			{ Authorization: await login() },
		);
		expect(json.data.result[0].queueId).toBe(support.id);
		expect(json.data.result[0].data.map((entry: Json) => entry.qualifier)).toContain('IDLE');
	});

	it('splits performance into 30-minute blocks whose metrics add up to the whole interval', async () => {
		const token = await login();
		const interval = '2024-01-28T09:00:00.000Z/2024-01-28T10:10:00.000Z';
		const whole = (
			await call(
				'POST',
				'/analytics/queues/performance',
				{ queues: [sales.id], interval, partial: false },
				{ Authorization: token },
			)
		).json;
		const parts = (
			await call(
				'POST',
				'/analytics/queues/performance',
				{ queues: [sales.id], interval, partial: true },
				{ Authorization: token },
			)
		).json;
		expect(whole.data.result[0].queryId).toBe(sales.id);
		expect(whole.data.result[0].data.map((block: Json) => block.interval)).toEqual([interval]);
		const blocks = parts.data.result[0].data;
		expect(blocks.map((block: Json) => block.interval)).toEqual([
			'2024-01-28T09:00:00.000Z/2024-01-28T09:30:00.000Z',
			'2024-01-28T09:30:00.000Z/2024-01-28T10:00:00.000Z',
			'2024-01-28T10:00:00.000Z/2024-01-28T10:10:00.000Z',
		]);
		for (const metric of ['Offer', 'Answer', 'Abandon', 'MetSLA', 'OverSLA', 'TalkTime']) {
			expect(blocks.reduce((sum: number, block: Json) => sum + block.metrics[metric], 0)).toBe(
				whole.data.result[0].data[0].metrics[metric],
			);
		}
		expect(whole.data.result[0].data[0].metrics.Answer).toBe(
			whole.data.result[0].data[0].metrics.MetSLA + whole.data.result[0].data[0].metrics.OverSLA,
		);
	});

	it.each([
		[
			'no queues',
			{ interval: '2024-01-28T09:00:00Z/2024-01-28T10:00:00Z' },
			'X0000',
			'queues is required',
		],
		['no interval', { queues: [sales.id] }, 'X0000', 'interval is required'],
		[
			'a bad interval',
			{ queues: [sales.id], interval: '2024-01-28' },
			'X004',
			'interval must be "start/end" with two ISO 8601 date-times',
		],
		[
			'end before start',
			{ queues: [sales.id], interval: '2024-01-28T10:00:00Z/2024-01-28T09:00:00Z' },
			'X004',
			'interval: end must be after start',
		],
	])('refuses performance with %s', async (_name, body, code, message) => {
		expect(
			await call('POST', '/analytics/queues/performance', body, { Authorization: await login() }),
		).toEqual({ status: 400, json: error(code, message) });
	});
});

it('answers an unknown path with X004 and 404', async () => {
	expect(await call('GET', '/nope', undefined, { Authorization: await login() })).toEqual({
		status: 404,
		json: error('X004', `Cannot GET ${WESAL_PORTAL_BASE_PATH}/nope`),
	});
});
