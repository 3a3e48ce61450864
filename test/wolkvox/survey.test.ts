import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { WOLKVOX_TOKEN, type WolkvoxSurveyRow } from '../../sandbox/vendors/wolkvox';
import { getAllParameters, inRange, keyOf, keys, REPORT, VENDOR, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;
let truth: WolkvoxSurveyRow[];

beforeAll(async () => {
	fx = await WolkvoxFixture.start();
	await fx.reset();
	truth = await fx.rows();
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const windowsOf = async () =>
	(await fx.reports()).map((request) => [request.query.date_ini, request.query.date_end]);
const compactToMs = (value: unknown) => {
	const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(String(value))!;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
};

describe('Survey → Get Many', () => {
	it('reads the range with YYYYmmddHHiiss dates in UTC and returns every response in it', async () => {
		const { items, error } = await fx.run(
			getAllParameters('2025-11-01T00:00:00Z', '2025-11-03T12:00:00Z'),
		);
		expect(error).toBeUndefined();
		expect(await windowsOf()).toEqual([['20251101000000', '20251103120000']]);
		const request = (await fx.reports())[0];
		expect(request.method).toBe('GET');
		expect(request.query.api).toBe('diagram_4');
		expect(request.headers['wolkvox-token']).toBe(WOLKVOX_TOKEN);
		const expected = inRange(truth, '2025-11-01 00:00:00', '2025-11-03 12:00:00');
		expect(expected.length).toBeGreaterThan(50);
		expect(keys(items)).toEqual(keys(expected));
	});

	it("reads dates without an offset in the workflow's time zone", async () => {
		await fx.run(getAllParameters('2025-11-01T00:00:00', '2025-11-01T23:59:59'), {
			settings: { timezone: 'America/Bogota' },
		});
		expect(await windowsOf()).toEqual([['20251101050000', '20251102045959']]);
	});

	it('splits a long range into consecutive windows fetched one after another', async () => {
		const { items } = await fx.run(
			getAllParameters('2025-09-01T00:00:00Z', '2025-10-31T23:59:59Z'),
		);
		const windows = await windowsOf();
		expect(windows).toHaveLength(9);
		expect(windows[0][0]).toBe('20250901000000');
		expect(windows.at(-1)![1]).toBe('20251031235959');
		for (let i = 0; i < windows.length; i++) {
			expect(compactToMs(windows[i][1]) - compactToMs(windows[i][0])).toBeLessThanOrEqual(
				7 * 86_400_000,
			);
			if (i > 0) expect(compactToMs(windows[i][0])).toBe(compactToMs(windows[i - 1][1]) + 1000);
		}
		const expected = inRange(truth, '2025-09-01 00:00:00', '2025-10-31 23:59:59');
		expect(items).toHaveLength(expected.length);
		expect(keys(items)).toEqual(keys(expected));
		const stats = await fx.stats();
		expect(stats.tokens[WOLKVOX_TOKEN]).toMatchObject({
			requests: 9,
			maxConcurrency: 1,
			rejected: 0,
		});
	});

	it('uses the chosen window size', async () => {
		await fx.run(
			getAllParameters('2025-09-01T00:00:00Z', '2025-10-31T23:59:59Z', {
				options: { windowDays: 31 },
			}),
		);
		expect(await windowsOf()).toEqual([
			['20250901000000', '20251001235959'],
			['20251002000000', '20251031235959'],
		]);
	});

	it('never sends two requests at once for the token, even with several items', async () => {
		await fx.config({ latencyMs: 40 });
		const { items, error } = await fx.run(
			getAllParameters('2025-10-01T00:00:00Z', '2025-10-20T00:00:00Z'),
			{
				items: [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }],
			},
		);
		expect(error).toBeUndefined();
		const stats = await fx.stats();
		expect(stats.tokens[WOLKVOX_TOKEN]).toEqual({
			requests: 9,
			inFlight: 0,
			maxConcurrency: 1,
			rejected: 0,
		});
		const perItem = inRange(truth, '2025-10-01 00:00:00', '2025-10-20 00:00:00').length;
		expect(items).toHaveLength(3 * perItem);
		expect(items.filter((item) => (item.pairedItem as { item: number }).item === 2)).toHaveLength(
			perItem,
		);
	});

	it('returns each report row exactly as Wolkvox sent it with Output → Raw', async () => {
		const { items } = await fx.run(
			getAllParameters('2025-11-01T00:00:00Z', '2025-11-07T00:00:00Z', { output: 'raw' }),
		);
		const expected = inRange(truth, '2025-11-01 00:00:00', '2025-11-07 00:00:00');
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	it('returns one flat row per response by default: a field per question, lowest and average score', async () => {
		const [row] = await fx.add([
			{
				date: '2025-11-20 10:00:00',
				conn_id: '1763632800000001',
				customer_id: '0001234',
				q1: '2',
				q2: '',
				q3: '5',
				feeling: 'NEGATIVE',
				voice_message: 'Esperé demasiado tiempo',
				type_interaction: 'INBOUND',
				result: 'COMPLETED',
				time: '210',
				voice_message_duration: '00:00:12',
			},
		]);
		const { items } = await fx.run(
			getAllParameters('2025-11-20T10:00:00Z', '2025-11-20T10:00:00Z'),
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				source: 'wolkvox',
				surveyId: '1763632800000001|2025-11-20 10:00:00|0001234',
				interactionId: '1763632800000001',
				date: '2025-11-20T10:00:00.000Z',
				channel: 'voice',
				direction: 'inbound',
				agentId: row.agent_id,
				agent: row.agent_name,
				queueId: row.skill_id,
				queue: row.skill_name,
				customerId: '0001234',
				customerName: null,
				customerNumber: row.ani,
				customerEmail: null,
				comment: 'Esperé demasiado tiempo',
				averageScore: 3.5,
				lowestScore: 2,
				lowestQuestion: 'q1',
				score_q1: 2,
				score_q3: 5,
				questions: { score_q1: 'q1', score_q3: 'q3' },
				sentiment: 'negative',
				callResult: 'COMPLETED',
				callSeconds: 210,
				voiceMessageSeconds: 12,
			},
		]);
	});

	it('returns only the chosen fields with Output → Selected Fields', async () => {
		await fx.add([{ date: '2025-11-20 10:00:00', conn_id: '77', q1: '4', q2: '1', q3: '' }]);
		const { items } = await fx.run(
			getAllParameters('2025-11-20T10:00:00Z', '2025-11-20T10:00:00Z', {
				output: 'selected',
				fields: ['surveyId', 'lowestScore', 'score_*'],
			}),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ surveyId: expect.stringMatching(/^77\|/), lowestScore: 1, score_q1: 4, score_q2: 1 },
		]);
	});

	it('applies the agent and skill filters to the rows (IDs or names, any case)', async () => {
		const { items } = await fx.run(
			getAllParameters('2025-10-01T00:00:00Z', '2025-10-15T00:00:00Z', {
				filters: { agents: '1001, andrés restrepo', skills: 'VENTAS, 302' },
			}),
		);
		const expected = inRange(truth, '2025-10-01 00:00:00', '2025-10-15 00:00:00').filter(
			(row) => ['1001', '1002'].includes(row.agent_id) && ['301', '302'].includes(row.skill_id),
		);
		expect(expected.length).toBeGreaterThan(5);
		expect(keys(items)).toEqual(keys(expected));
	});

	it('stops reading windows once the limit is reached, oldest responses first', async () => {
		const { items } = await fx.run(
			getAllParameters('2025-09-01T00:00:00Z', '2025-10-31T23:59:59Z', {
				returnAll: false,
				limit: 5,
			}),
		);
		expect(items.map((item) => item.json.surveyId)).toEqual(
			inRange(truth, '2025-09-01 00:00:00', '2025-10-31 23:59:59').slice(0, 5).map(keyOf),
		);
		expect(await fx.reports()).toHaveLength(1);
	});

	it('orders each window oldest first whatever order the report answers in', async () => {
		const window = inRange(truth, '2025-11-01 00:00:00', '2025-11-03 00:00:00');
		const reversed = [...window].reverse();
		await fx.emulator.fault({
			vendor: VENDOR,
			path: REPORT,
			kind: 'status',
			status: 200,
			body: { code: 200, error: null, msg: 'shuffled', data: reversed },
		});
		const { items } = await fx.run(
			getAllParameters('2025-11-01T00:00:00Z', '2025-11-03T00:00:00Z', {
				returnAll: false,
				limit: 3,
			}),
		);
		expect(items.map((item) => item.json.surveyId)).toEqual(window.slice(0, 3).map(keyOf));
	});

	it('accepts the bare array of rows as well as the documented envelope', async () => {
		await fx.config({ shape: 'array' });
		const { items, error } = await fx.run(
			getAllParameters('2025-11-01T00:00:00Z', '2025-11-09T00:00:00Z'),
		);
		expect(error).toBeUndefined();
		expect(keys(items)).toEqual(keys(inRange(truth, '2025-11-01 00:00:00', '2025-11-09 00:00:00')));
	});

	it('returns no items for a range without responses', async () => {
		const { items, error } = await fx.run(
			getAllParameters('2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z'),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('node description', () => {
	it('is usable as a tool and names an action for every operation', () => {
		const { description } = new Wolkvox();
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((property) => property.name === 'operation');
		for (const property of operations)
			for (const option of property.options as Array<{ action?: string }>)
				expect(option.action).toBeTruthy();
	});
});
