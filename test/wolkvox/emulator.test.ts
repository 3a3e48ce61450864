import {
	parseCompactDate,
	WOLKVOX_BASE_PATH,
	WOLKVOX_BUSY_MESSAGE,
	WOLKVOX_DEFAULTS,
	WOLKVOX_TOKEN,
	type WolkvoxSurveyRow,
} from '../../sandbox/vendors/wolkvox';
import { Emulator } from '../helpers/emulator';
import { ANCHOR, REPORT, WolkvoxFixture, inRange } from './fixture';

let fx: WolkvoxFixture;
let truth: WolkvoxSurveyRow[];

beforeAll(async () => {
	fx = await WolkvoxFixture.start();
	await fx.reset();
	truth = await fx.rows();
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const DOCUMENTED = [
	'agent_id',
	'agent_name',
	'agent_dni',
	'skill_id',
	'skill_name',
	'date',
	'conn_id',
	'ani',
	'customer_id',
	'q1',
	'q2',
	'q3',
	'voice_message_duration',
	'type_interaction',
	'result',
	'time',
	'voice_message',
	'feeling',
];

async function report(query: Record<string, string>, token: string | null = WOLKVOX_TOKEN) {
	const url = new URL(`${fx.emulator.vendorUrl(WOLKVOX_BASE_PATH)}${REPORT}`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	const response = await fetch(url, { headers: token === null ? {} : { 'wolkvox-token': token } });
	return {
		status: response.status,
		body: (await response.json()) as {
			code: number;
			error: string | null;
			msg: string;
			data: WolkvoxSurveyRow[] | null;
		},
	};
}

const query = (date_ini: string, date_end: string) => ({ api: 'diagram_4', date_ini, date_end });

describe('seed data', () => {
	it('holds months of rows with every documented field, all strings', () => {
		expect(truth).toHaveLength(WOLKVOX_DEFAULTS.surveyCount);
		const oldest = ANCHOR.getTime() - WOLKVOX_DEFAULTS.spanDays * 86_400_000;
		// One pass, one assertion: thousands of expect() calls would make this test slow.
		const problems = truth.flatMap((row) => {
			const ms = Date.parse(`${row.date.replace(' ', 'T')}Z`);
			const found: string[] = [];
			if (JSON.stringify(Object.keys(row)) !== JSON.stringify(DOCUMENTED)) found.push('fields');
			if (!Object.values(row).every((value) => typeof value === 'string'))
				found.push('not all strings');
			if (!(ms >= oldest && ms < ANCHOR.getTime())) found.push('date outside the seeded months');
			if (!['', '1', '2', '3', '4', '5'].includes(row.q1)) found.push('q1');
			if (!['', 'POSITIVE', 'NEUTRAL', 'NEGATIVE'].includes(row.feeling)) found.push('feeling');
			if ((row.feeling === '') !== (row.voice_message === ''))
				found.push('feeling without voice message');
			return found.map((problem) => `${row.conn_id}: ${problem}`);
		});
		expect(problems).toEqual([]);
		expect(new Set(truth.map((row) => row.agent_id)).size).toBeGreaterThanOrEqual(5);
		expect(new Set(truth.map((row) => row.skill_id)).size).toBe(4);
	});

	it('has responses sharing one second and calls surveyed twice, but unique conn_id + date + customer_id', () => {
		const perDate = new Map<string, number>();
		truth.forEach((row) => perDate.set(row.date, (perDate.get(row.date) ?? 0) + 1));
		expect([...perDate.values()].filter((n) => n >= 2).length).toBeGreaterThan(10);
		const perConn = new Map<string, number>();
		truth.forEach((row) => perConn.set(row.conn_id, (perConn.get(row.conn_id) ?? 0) + 1));
		expect([...perConn.values()].some((n) => n >= 2)).toBe(true);
		expect(new Set(truth.map((row) => `${row.conn_id}|${row.date}|${row.customer_id}`)).size).toBe(
			truth.length,
		);
	});

	it('is the same for the same seed and anchor', async () => {
		const again = await Emulator.start({ anchor: ANCHOR });
		try {
			const rows = (await again.control<{ surveys: WolkvoxSurveyRow[] }>('GET', 'wolkvox/surveys'))
				.surveys;
			expect(rows).toEqual(truth);
		} finally {
			await again.close();
		}
	});
});

describe('the report', () => {
	it('answers { code: 200, error: null, msg, data } with the rows of the inclusive range', async () => {
		const from = truth[1000].date;
		const to = truth[1100].date;
		const compact = (date: string) => date.replace(/[- :]/g, '');
		const { status, body } = await report(query(compact(from), compact(to)));
		expect(status).toBe(200);
		const expected = inRange(truth, from, to);
		expect(body).toEqual({
			code: 200,
			error: null,
			msg: `${expected.length} records were found`,
			data: expected,
		});
	});

	it('can answer with the bare array', async () => {
		await fx.config({ shape: 'array' });
		const response = await report(query('20251101000000', '20251101235959'));
		expect(Array.isArray(response.body)).toBe(true);
		expect(response.body).toEqual(inRange(truth, '2025-11-01 00:00:00', '2025-11-01 23:59:59'));
	});

	it.each([
		[
			{ api: 'diagram_4', date_ini: '2025-11-01', date_end: '20251102000000' },
			'date_ini must have the format YYYYmmddHHiiss',
		],
		[
			{ api: 'diagram_4', date_ini: '20251301000000', date_end: '20251302000000' },
			'date_ini is not a valid date',
		],
		[{ api: 'diagram_4', date_ini: '20251101000000' }, 'date_end is required'],
		[{ date_ini: '20251101000000', date_end: '20251102000000' }, 'api is required'],
		[
			{ api: 'cdr_1', date_ini: '20251101000000', date_end: '20251102000000' },
			"The report api 'cdr_1' does not exist",
		],
		[
			{ api: 'diagram_4', date_ini: '20251102000000', date_end: '20251101000000' },
			'date_end must not be before date_ini',
		],
		[
			{ api: 'diagram_4', date_ini: '20251001000000', date_end: '20251101000001' },
			'The date range cannot exceed 31 days',
		],
	])('rejects %j with HTTP 400', async (params, msg) => {
		const { status, body } = await report(params as Record<string, string>);
		expect(status).toBe(400);
		expect(body).toEqual({ code: 400, error: 'Bad Request', msg, data: null });
	});

	it('rejects a missing or unknown token with HTTP 401', async () => {
		expect(await report(query('20251101000000', '20251102000000'), null)).toEqual({
			status: 401,
			body: {
				code: 401,
				error: 'Unauthorized',
				msg: 'The wolkvox-token header is required',
				data: null,
			},
		});
		expect((await report(query('20251101000000', '20251102000000'), 'not-a-token')).body.msg).toBe(
			'Invalid token',
		);
		expect((await fx.stats()).authFailures).toBe(2);
	});

	it('refuses a second request with the same token while one is in flight, and counts the concurrency', async () => {
		await fx.config({ latencyMs: 150 });
		const both = await Promise.all([
			report(query('20251101000000', '20251102000000')),
			report(query('20251101000000', '20251102000000')),
		]);
		expect(both.map((r) => r.status).sort()).toEqual([200, 429]);
		expect(both.find((r) => r.status === 429)!.body).toEqual({
			code: 429,
			error: 'Too Many Requests',
			msg: WOLKVOX_BUSY_MESSAGE,
			data: null,
		});
		const stats = await fx.stats();
		expect(stats.maxConcurrency).toBe(2);
		expect(stats.rejected).toBe(1);
		expect(stats.tokens[WOLKVOX_TOKEN]).toEqual({
			requests: 2,
			inFlight: 0,
			maxConcurrency: 2,
			rejected: 1,
		});
	});

	it('serves one request after another without counting concurrency', async () => {
		for (let i = 0; i < 3; i++)
			expect((await report(query('20251101000000', '20251102000000'))).status).toBe(200);
		expect((await fx.stats()).tokens[WOLKVOX_TOKEN]).toMatchObject({
			requests: 3,
			maxConcurrency: 1,
			rejected: 0,
		});
	});

	it('keeps a token busy for a while on request (another consumer)', async () => {
		await fx.hold(200);
		expect((await report(query('20251101000000', '20251102000000'))).status).toBe(429);
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect((await report(query('20251101000000', '20251102000000'))).status).toBe(200);
	});

	it('adds responses through the control API', async () => {
		const [added] = await fx.add([{ date: '2025-11-20 10:00:00', agent_name: 'Nueva', q1: '1' }]);
		expect(added).toMatchObject({ date: '2025-11-20 10:00:00', agent_name: 'Nueva', q1: '1' });
		expect(Object.keys(added)).toEqual(DOCUMENTED);
		const { body } = await report(query('20251120100000', '20251120100000'));
		expect(body.data).toEqual([added]);
	});
});

describe('dates', () => {
	it('parses only real YYYYmmddHHiiss dates', () => {
		expect(parseCompactDate('20251112235959')).toBe(Date.UTC(2025, 10, 12, 23, 59, 59));
		expect(parseCompactDate('20250230000000')).toBeUndefined();
		expect(parseCompactDate('2025111223595')).toBeUndefined();
	});
});
