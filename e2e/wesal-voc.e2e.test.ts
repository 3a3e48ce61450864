/**
 * Wesal VoC end-to-end, in a real n8n against the emulator: the credential test as the editor runs
 * it, login reuse through n8n's own credential store, and an active polling trigger.
 * One n8n version per jest run: E2E_N8N_VERSION (see e2e/run.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import * as path from 'node:path';

const { DEMO_VERSION } = require('./lib/versions');
const { ROOT } = require('./lib/install');
const { startEmulator } = require('./lib/emulator');
const { startStack } = require('./lib/stack');
const { sleep, waitFor } = require('./lib/n8n');
const { WESAL_VOC, WESAL_VOC_TOKEN } = require('./fixtures/credentials');

const version: string = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe(`Wesal VoC on n8n ${version}`, () => {
	let emulator: any;
	let stack: any;
	let n8n: any;

	beforeAll(async () => {
		emulator = await startEmulator();
		stack = await startStack({
			version,
			emulator,
			// the vendor's region: dates must not depend on n8n's time zone
			env: { GENERIC_TIMEZONE: 'Asia/Riyadh', TZ: 'Asia/Riyadh' },
			progress: () => undefined,
		});
		n8n = stack.n8n;
	}, 600_000);

	afterAll(async () => {
		if (stack) await stack.stop();
		if (emulator) await emulator.close();
	}, 120_000);

	const voc = () => emulator.control.vendor('wesal-voc');
	const credentialData = () => stack.credentials.find((c: any) => c.id === WESAL_VOC.id).data;

	test('credential test, as the editor runs it: a good credential passes', async () => {
		for (const ref of [WESAL_VOC, WESAL_VOC_TOKEN]) {
			const cred = stack.credentials.find((c: any) => c.id === ref.id);
			const answer = await n8n.testCredential(cred);
			expect({ ref: ref.name, ...answer }).toEqual({
				ref: ref.name,
				status: 'OK',
				message: expect.any(String),
			});
		}
	});

	test('credential test: a wrong password fails with a clear message', async () => {
		const answer = await n8n.testCredential({
			...WESAL_VOC,
			type: 'wesalVocApi',
			data: { ...credentialData(), password: 'not-the-password' },
		});
		expect(answer.status).toBe('Error');
		expect(answer.message).toMatch(/Wesal VoC login failed/);
		expect(answer.message).toMatch(/Invalid email or password/);
	});

	describe("login reuse through n8n's credential store", () => {
		const credential = {
			id: 'wesalVocReuse001',
			name: 'Wesal VoC (login reuse)',
			type: 'wesalVocApi',
		};
		const workflowId = 'e2eWesalVocReuse';

		beforeAll(async () => {
			const dir = fs.mkdtempSync(path.join(stack.userFolder, 'reuse-'));
			fs.writeFileSync(
				path.join(dir, 'credentials.json'),
				JSON.stringify([{ ...credential, data: credentialData() }]),
			);
			fs.writeFileSync(
				path.join(dir, 'workflow.json'),
				JSON.stringify({
					id: workflowId,
					name: 'E2E: Wesal VoC login reuse',
					active: false,
					settings: { executionOrder: 'v1' },
					nodes: [
						{
							id: 'b1',
							name: 'Start',
							type: 'n8n-nodes-base.manualTrigger',
							typeVersion: 1,
							position: [0, 0],
							parameters: {},
						},
						{
							id: 'b2',
							name: 'Surveys',
							type: `${pkg.name}.wesalVoc`,
							typeVersion: 1,
							position: [220, 0],
							parameters: {
								resource: 'survey',
								operation: 'getAll',
								startDate: '={{ $now.minus({ days: 2 }).toISO() }}',
								endDate: '={{ $now.toISO() }}',
								returnAll: false,
								limit: 5,
								filters: {},
								options: {},
							},
							credentials: { wesalVocApi: { id: credential.id, name: credential.name } },
						},
					],
					connections: { Start: { main: [[{ node: 'Surveys', type: 'main', index: 0 }]] } },
				}),
			);
			await n8n.importCredentials(path.join(dir, 'credentials.json'));
			await n8n.importWorkflow(path.join(dir, 'workflow.json'));
			await emulator.control.reset();
		});

		const runOk = async () => {
			const result = await n8n.execute(workflowId);
			if (!result.ok)
				throw new Error(
					`execution failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`,
				);
			const items = result.run.data.resultData.runData.Surveys[0].data.main[0];
			expect(items).toHaveLength(5);
		};

		test('two executions, one login at the emulator', async () => {
			await runOk();
			await runOk();
			const stats = await voc().get('stats');
			expect(stats).toMatchObject({ logins: 1, failedLogins: 0 });
			expect(stats.searches).toBeGreaterThanOrEqual(2);
		});

		test('a token expired by the emulator is renewed with one re-login', async () => {
			const before = await voc().get('stats');
			await voc().post('expire-tokens');
			await runOk();
			const after = await voc().get('stats');
			expect(after.logins - before.logins).toBe(1);
			expect(after.failedLogins).toBe(before.failedLogins);
			// and the renewed token is stored again: the next execution does not log in
			await runOk();
			expect((await voc().get('stats')).logins).toBe(after.logins);
		});
	});

	test('an active polling trigger: surveys added while n8n runs reach a sink exactly once, also across a restart', async () => {
		const control = emulator.control;
		const sink = `wesal-voc-trigger-${version}`;
		await control.reset();
		const add = async (n: number, agent: string): Promise<string[]> => {
			const answer = await voc().post('surveys', {
				surveys: Array.from({ length: n }, () => ({ agent })),
			});
			return answer.surveys.map((s: any) => s._id);
		};
		const sinkIds = async (): Promise<string[]> =>
			(await control.sink(sink)).map((item: any) => item._id);
		const searches = async (): Promise<number> => (await voc().get('stats')).searches;

		// Polls at most once a minute (n8n refuses shorter intervals), at a second chosen so that
		// the first scheduled poll comes ~20 s after activation.
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
			const before = await searches();
			await waitFor(
				`the poll at ${new Date(fire).toISOString()}`,
				async () => (await searches()) > before && Date.now() >= fire,
				30_000,
				250,
			);
			await waitFor(
				`${count} items at the sink`,
				async () => (await sinkIds()).length >= count,
				30_000,
			);
			await sleep(3000); // anything delivered twice would arrive now
		};

		const before = await add(1, 'Before');
		const created = await n8n.createWorkflow({
			name: `E2E: Wesal VoC trigger to sink (${version})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'c1',
					name: 'New survey',
					type: `${pkg.name}.wesalVocTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
						event: 'newSurvey',
						filters: {},
						options: {},
					},
					credentials: { wesalVocApi: { id: WESAL_VOC_TOKEN.id, name: WESAL_VOC_TOKEN.name } },
				},
				{
					id: 'c2',
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
			connections: { 'New survey': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] } },
		});
		// Activation runs one poll (the baseline). n8n 2.x activates in the background after the
		// REST call returns: wait for that poll, or "after activation" would be a race.
		const searchesBeforeActivation = await searches();
		await n8n.activateWorkflow(created.id);
		await waitFor(
			'the activation poll',
			async () => (await searches()) > searchesBeforeActivation,
			30_000,
			250,
		);
		await sleep(1000);

		// 1. added after activation → delivered by the next scheduled poll
		const first = await add(2, 'First');
		await scheduledPoll(Date.now(), 2);
		expect([...(await sinkIds())].sort()).toEqual([...first].sort());

		// 2. one added while n8n restarts, one after: each delivered once, nothing repeated
		const duringRestart = await add(1, 'Restart');
		await n8n.restart();
		const afterRestart = await add(1, 'After');
		await scheduledPoll(Date.now(), 4);
		const ids = await sinkIds();
		expect([...ids].sort()).toEqual([...first, ...duringRestart, ...afterRestart].sort());
		expect(ids).not.toContain(before[0]);
		expect(n8n.packageLoadErrors()).toEqual([]);
	}, 300_000);
});
