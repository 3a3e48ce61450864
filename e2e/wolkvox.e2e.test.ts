/**
 * Wolkvox end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator, with n8n in a time zone west of UTC (the vendor's region) so that dates must be
 * converted. Ground truth comes from the emulator's control API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const { DEMO_VERSION } = require('./lib/versions');
const { ROOT } = require('./lib/install');
const { startEmulator } = require('./lib/emulator');
const { startStack } = require('./lib/stack');
const { sleep } = require('./lib/n8n');

type Row = Record<string, string>;
type Json = Record<string, any>;

const version: string = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CREDENTIAL = { id: 'wolkvoxE2eToken', name: 'Wolkvox (E2E)', type: 'wolkvoxApi' };
const DAY = 86_400_000;
/** Bogotá has no daylight saving time: local = UTC - 5 h all year. */
const ZONE = 'America/Bogota';
const ZONE_OFFSET_MS = 5 * 3_600_000;

const keyOf = (row: Json) => `${row.conn_id}|${row.date}|${row.customer_id}`;
const rowMs = (row: Row) => Date.parse(`${row.date.replace(' ', 'T')}Z`);

async function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false>,
	timeoutMs: number,
	everyMs = 1000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

describe(`Wolkvox on n8n ${version}`, () => {
	let emulator: any;
	let stack: any;
	let n8n: any;
	let data: Json;
	const wolkvox = () => emulator.control.vendor('wolkvox');
	const credentialRef = { wolkvoxApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

	beforeAll(async () => {
		emulator = await startEmulator();
		stack = await startStack({
			version,
			emulator,
			env: { GENERIC_TIMEZONE: ZONE, TZ: ZONE },
			progress: () => undefined,
		});
		n8n = stack.n8n;
		const account = await wolkvox().get('account');
		const vendorUrl = emulator.vendors.find((v: any) => v.name === 'wolkvox').url;
		data = { server: account.server, token: account.tokens[0], baseUrl: vendorUrl };
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'wolkvox-'));
		fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify([{ ...CREDENTIAL, data }]));
		await n8n.importCredentials(path.join(dir, 'credentials.json'));
	}, 600_000);

	afterAll(async () => {
		if (stack) await stack.stop();
		if (emulator) await emulator.close();
	}, 120_000);

	test('credential test, as the editor runs it: the token passes, a wrong one fails', async () => {
		expect(await n8n.testCredential({ ...CREDENTIAL, data })).toEqual({
			status: 'OK',
			message: expect.any(String),
		});
		const wrong = await n8n.testCredential({
			...CREDENTIAL,
			data: { ...data, token: 'not-the-token' },
		});
		expect(wrong.status).toBe('Error');
	});

	test('Survey → Get Many: local dates converted to UTC, windows read one at a time, every response once', async () => {
		await emulator.control.reset();
		// 20 local days ending a week ago: three 7-day windows.
		const localDay = (msAgo: number) =>
			new Date(Date.now() - msAgo - ZONE_OFFSET_MS).toISOString().slice(0, 10);
		const start = `${localDay(27 * DAY)}T00:00:00`;
		const end = `${localDay(7 * DAY)}T23:59:59`;
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'wolkvox-get-'));
		fs.writeFileSync(
			path.join(dir, 'workflow.json'),
			JSON.stringify({
				id: 'e2eWolkvoxGetMany',
				name: 'E2E: Wolkvox Get Many',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: 'w1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'w2',
						name: 'Responses',
						type: `${pkg.name}.wolkvox`,
						typeVersion: 1,
						position: [220, 0],
						parameters: {
							resource: 'survey',
							operation: 'getAll',
							startDate: start,
							endDate: end,
							returnAll: true,
							filters: {},
							options: {},
						},
						credentials: credentialRef,
					},
				],
				connections: { Start: { main: [[{ node: 'Responses', type: 'main', index: 0 }]] } },
			}),
		);
		await n8n.importWorkflow(path.join(dir, 'workflow.json'));
		const result = await n8n.execute('e2eWolkvoxGetMany');
		if (!result.ok) {
			const reason = result.error
				? JSON.stringify(result.error).slice(0, 2000)
				: result.run
					? 'no error recorded'
					: `no run in the output:\n${result.stdout.slice(0, 2000)}`;
			throw new Error(
				`execution failed (exit ${result.code}): ${reason}\n${result.stderr.slice(-2000)}`,
			);
		}
		const items: Json[] = result.run.data.resultData.runData.Responses[0].data.main[0].map(
			(item: any) => item.json,
		);

		const from = Date.parse(`${start}Z`) + ZONE_OFFSET_MS;
		const to = Date.parse(`${end}Z`) + ZONE_OFFSET_MS;
		const { surveys } = await wolkvox().get('surveys');
		const expected = (surveys as Row[]).filter((row) => rowMs(row) >= from && rowMs(row) <= to);
		expect(expected.length).toBeGreaterThan(100);
		expect(items.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
		expect(typeof items[0].answers).toBe('object');

		const requests = await emulator.control.requests('wolkvox');
		expect(requests).toHaveLength(3);
		expect(requests[0].query.date_ini).toBe(
			new Date(from).toISOString().slice(0, 19).replace(/[-T:]/g, ''),
		);
		const stats = await wolkvox().get('stats');
		expect(stats).toMatchObject({ maxConcurrency: 1, rejected: 0 });
	});

	test('an active trigger: responses added while n8n runs reach a sink exactly once, also across a restart', async () => {
		const control = emulator.control;
		const sink = `wolkvox-trigger-${version}`;
		await control.reset();
		const add = async (surveys: Row[]): Promise<Row[]> =>
			(await wolkvox().post('surveys', { surveys })).surveys;
		const sinkKeys = async (): Promise<string[]> => (await control.sink(sink)).map(keyOf);
		const reports = async (): Promise<number> => (await wolkvox().get('stats')).reports;

		// Wolkvox advises polls every 5 minutes; the test polls every minute (n8n's shortest), at a
		// second chosen so that the first scheduled poll comes ~20 s after activation.
		const second = (new Date().getUTCSeconds() + 20) % 60;
		const nextFire = (afterMs: number) => {
			let t = Math.floor(afterMs / 1000) * 1000 + 1000;
			while (new Date(t).getUTCSeconds() !== second) t += 1000;
			return t;
		};
		/** Waits for the first scheduled poll after `afterMs` to have run and delivered `count` items in all. */
		const scheduledPoll = async (afterMs: number, count: number) => {
			const fire = nextFire(afterMs + 2000);
			await sleep(Math.max(0, fire - 1500 - Date.now()));
			const before = await reports();
			await waitFor(
				`the poll at ${new Date(fire).toISOString()}`,
				async () => (await reports()) > before && Date.now() >= fire,
				30_000,
				250,
			);
			await waitFor(
				`${count} items at the sink`,
				async () => (await sinkKeys()).length >= count,
				30_000,
			);
			await sleep(3000); // anything delivered twice would arrive now
		};

		const before = await add([{ q1: '1' }]);
		const created = await n8n.createWorkflow({
			name: `E2E: Wolkvox trigger to sink (${version})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 't1',
					name: 'New response',
					type: `${pkg.name}.wolkvoxTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
						event: 'newSurveyResponse',
						filters: {},
						options: {},
					},
					credentials: credentialRef,
				},
				{
					id: 't2',
					name: 'To sink',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						method: 'POST',
						url: control.sinkUrl(sink),
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify($json) }}',
						options: {},
					},
				},
			],
			connections: { 'New response': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] } },
		});
		// Activation polls once (the baseline), in the background on n8n 2.x: what exists by then
		// is never delivered. Add the new responses only after it.
		const reportsBeforeActivation = await reports();
		await n8n.activateWorkflow(created.id);
		await waitFor(
			'the activation poll',
			async () => (await reports()) > reportsBeforeActivation,
			30_000,
			250,
		);
		await sleep(1000);

		// 1. Two responses of one call (the same conn_id, two customers) and one more: three responses.
		const first = await add([
			{ conn_id: '777000111', customer_id: '1001' },
			{ conn_id: '777000111', customer_id: '1002' },
			{ feeling: 'NEGATIVE', voice_message: 'Esperé demasiado tiempo' },
		]);
		await scheduledPoll(Date.now(), 3);
		expect((await sinkKeys()).sort()).toEqual(first.map(keyOf).sort());

		// 2. One added while n8n restarts, one after: each delivered once, nothing repeated.
		const duringRestart = await add([{ q2: '2' }]);
		await n8n.restart();
		const afterRestart = await add([{ q3: '5' }]);
		await scheduledPoll(Date.now(), 5);
		const keys = await sinkKeys();
		expect([...keys].sort()).toEqual(
			[...first, ...duringRestart, ...afterRestart].map(keyOf).sort(),
		);
		expect(keys).not.toContain(keyOf(before[0]));
		const delivered = await control.sink(sink);
		expect(delivered.find((item: Json) => item.feeling === 'NEGATIVE')).toMatchObject({
			voice_message: 'Esperé demasiado tiempo',
			answers: expect.any(Object),
		});
		expect((await wolkvox().get('stats')).maxConcurrency).toBe(1);
		expect(n8n.packageLoadErrors()).toEqual([]);
	}, 300_000);
});
