/**
 * Wolkvox end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator, with n8n in a time zone west of UTC (the vendor's region) so that dates must be
 * converted. Ground truth comes from the emulator's control API.
 */
import { nodeItems } from './examples.checks';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const { vendorSuite, TriggerToSink, manualWorkflow, version } = require('./lib/vendorSuite');

type Row = Record<string, string>;
type Json = Record<string, any>;

const CREDENTIAL = { id: 'wolkvoxE2eToken', name: 'Wolkvox (E2E)', type: 'wolkvoxApi' };
const DAY = 86_400_000;
/** Bogotá has no daylight saving time: local = UTC - 5 h all year. */
const ZONE = 'America/Bogota';
const ZONE_OFFSET_MS = 5 * 3_600_000;

const keyOf = (row: Json) => `${row.conn_id}|${row.date}|${row.customer_id}`;
const rowMs = (row: Row) => Date.parse(`${row.date.replace(' ', 'T')}Z`);

describe(`Wolkvox on n8n ${version}`, () => {
	const suite = vendorSuite({ timeZone: ZONE, credential: CREDENTIAL });
	const wolkvox = () => suite.control.vendor('wolkvox');
	const credentialRef = { wolkvoxApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

	test('credential test, as the editor runs it: the token passes, a wrong one fails', async () => {
		await suite.testCredential({ token: 'not-the-token' });
	});

	test('Survey → Get Many: local dates converted to UTC, windows read one at a time, every response once', async () => {
		await suite.control.reset();
		// 20 local days ending a week ago: three 7-day windows.
		const localDay = (msAgo: number) =>
			new Date(Date.now() - msAgo - ZONE_OFFSET_MS).toISOString().slice(0, 10);
		const start = `${localDay(27 * DAY)}T00:00:00`;
		const end = `${localDay(7 * DAY)}T23:59:59`;
		await suite.importWorkflow(
			manualWorkflow({
				id: 'e2eWolkvoxGetMany',
				name: 'E2E: Wolkvox Get Many',
				nodes: [
					{
						name: 'Responses',
						type: 'wolkvox',
						parameters: {
							resource: 'survey',
							operation: 'getAll',
							startDate: start,
							endDate: end,
							returnAll: true,
							filters: {},
							output: 'raw',
							options: {},
						},
						credentials: credentialRef,
					},
				],
			}),
		);
		const items: Json[] = nodeItems(await suite.execute('e2eWolkvoxGetMany'), 'Responses');

		const from = Date.parse(`${start}Z`) + ZONE_OFFSET_MS;
		const to = Date.parse(`${end}Z`) + ZONE_OFFSET_MS;
		const { surveys } = await wolkvox().get('surveys');
		const expected = (surveys as Row[]).filter((row) => rowMs(row) >= from && rowMs(row) <= to);
		expect(expected.length).toBeGreaterThan(100);
		expect(items.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
		expect(items[0]).toHaveProperty('q1');

		const requests = await suite.control.requests('wolkvox');
		expect(requests).toHaveLength(3);
		expect(requests[0].query.date_ini).toBe(
			new Date(from).toISOString().slice(0, 19).replace(/[-T:]/g, ''),
		);
		const stats = await wolkvox().get('stats');
		expect(stats).toMatchObject({ maxConcurrency: 1, rejected: 0 });
	});

	test('an active trigger: responses added while n8n runs reach a sink exactly once, also across a restart', async () => {
		await suite.control.reset();
		// Wolkvox advises polls every 5 minutes; the test polls every minute (n8n's shortest).
		const trigger = new TriggerToSink(suite, {
			sink: `wolkvox-trigger-${version}`,
			keyOf,
			polls: async (): Promise<number> => (await wolkvox().get('stats')).reports,
		});
		const add = async (surveys: Row[]): Promise<string[]> =>
			(await wolkvox().post('surveys', { surveys })).surveys.map(keyOf);

		// What exists at activation is never delivered: the new responses come only after it.
		const before = await add([{ q1: '1' }]);
		await trigger.activate({
			name: `E2E: Wolkvox trigger to sink (${version})`,
			trigger: {
				name: 'New response',
				type: 'wolkvoxTrigger',
				parameters: {
					pollTimes: trigger.pollTimes(),
					event: 'newSurveyResponse',
					filters: {},
					options: {},
				},
				credentials: credentialRef,
			},
		});

		// 1. Two responses of one call (the same conn_id, two customers) and one more: three responses.
		const first = await add([
			{ conn_id: '777000111', customer_id: '1001' },
			{ conn_id: '777000111', customer_id: '1002' },
			{ feeling: 'NEGATIVE', voice_message: 'Esperé demasiado tiempo' },
		]);
		await trigger.scheduledPoll(Date.now(), 3);
		await trigger.expectKeys(first);

		// 2. One added while n8n restarts, one after: each delivered once, nothing repeated.
		const restarted = await trigger.acrossRestart(
			() => add([{ q2: '2' }]),
			() => add([{ q3: '5' }]),
		);
		await trigger.scheduledPoll(Date.now(), 5);
		await trigger.expectExactlyOnce([...first, ...restarted], before);
		const delivered = await suite.control.sink(trigger.sink);
		expect(delivered.find((item: Json) => item.feeling === 'NEGATIVE')).toMatchObject({
			voice_message: 'Esperé demasiado tiempo',
			q1: expect.any(String),
		});
		expect((await wolkvox().get('stats')).maxConcurrency).toBe(1);
	}, 300_000);
});
