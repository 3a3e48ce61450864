/**
 * Wesal Portal end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator. Ground truth comes from the emulator's control API and its own answers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { wesalPortalExampleChecks } from './wesal-portal.example-check';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const { DEMO_VERSION } = require('./lib/versions');
const { ROOT } = require('./lib/install');
const { startEmulator } = require('./lib/emulator');
const { startStack } = require('./lib/stack');
const { sleep } = require('./lib/n8n');

type Json = Record<string, any>;

const version: string = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** The id the example workflow refers to (e2e/fixtures/credentials.js may import it too). */
const CREDENTIAL = {
	id: 'wesalPortalEmulator',
	name: 'Wesal Portal account (emulator)',
	type: 'wesalPortalApi',
};
const EXAMPLE = 'wesal-portal-queue-performance-digest.json';
const COMPANY_ID = 100301;

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

describe(`Wesal Portal on n8n ${version}`, () => {
	let emulator: any;
	let stack: any;
	let n8n: any;
	let data: Json;
	const portal = () => emulator.control.vendor('wesal-portal');
	const credentialRef = { wesalPortalApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

	const importWorkflow = async (workflow: Json) => {
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'wesal-portal-'));
		fs.writeFileSync(
			path.join(dir, 'workflow.json'),
			JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow }),
		);
		await n8n.importWorkflow(path.join(dir, 'workflow.json'));
	};
	const executeOk = async (id: string) => {
		const result = await n8n.execute(id);
		if (!result.ok) {
			const error = result.error
				? JSON.stringify({ message: result.error.message, description: result.error.description })
				: '';
			throw new Error(
				`execution failed (exit ${result.code}): ${error}\n${result.stderr.slice(-2000)}`,
			);
		}
		return result.run;
	};
	const outputOf = (run: any, node: string): Json[] =>
		run.data.resultData.runData[node][0].data.main[0].map((item: any) => item.json);

	beforeAll(async () => {
		emulator = await startEmulator();
		stack = await startStack({
			version,
			emulator,
			env: { GENERIC_TIMEZONE: 'Asia/Riyadh', TZ: 'Asia/Riyadh' },
			progress: () => undefined,
		});
		n8n = stack.n8n;
		const account = await portal().get('account');
		const vendorUrl = emulator.vendors.find((vendor: any) => vendor.name === 'wesal-portal').url;
		data = {
			baseUrl: vendorUrl,
			clientId: account.clientId,
			email: account.email,
			password: account.password,
		};
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'wesal-portal-credential-'));
		fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify([{ ...CREDENTIAL, data }]));
		await n8n.importCredentials(path.join(dir, 'credentials.json'));
	}, 600_000);

	afterAll(async () => {
		if (stack) await stack.stop();
		if (emulator) await emulator.close();
	}, 120_000);

	test('the node and trigger are loaded', async () => {
		const described = await n8n.nodeTypes([
			`${pkg.name}.wesalPortal`,
			`${pkg.name}.wesalPortalTrigger`,
		]);
		expect(described.map((node: any) => node.name).sort()).toEqual([
			'wesalPortal',
			'wesalPortalTrigger',
		]);
		expect(n8n.packageLoadErrors()).toEqual([]);
	});

	test('credential test, as the editor runs it: the account passes, a wrong password fails clearly', async () => {
		expect(await n8n.testCredential({ ...CREDENTIAL, data })).toEqual({
			status: 'OK',
			message: expect.any(String),
		});
		const wrong = await n8n.testCredential({
			...CREDENTIAL,
			data: { ...data, password: 'not-the-password' },
		});
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/Wesal Portal login failed: Invalid email or password/);
		expect(wrong.message).not.toContain('not-the-password');
	});

	describe("Survey → Get Many and token renewal through n8n's credential store", () => {
		const workflowId = 'e2eWesalPortalSurveys';

		beforeAll(async () => {
			await importWorkflow({
				id: workflowId,
				name: 'E2E: Wesal Portal surveys',
				nodes: [
					{
						id: 'p1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'p2',
						name: 'Surveys',
						type: `${pkg.name}.wesalPortal`,
						typeVersion: 1,
						position: [220, 0],
						parameters: {
							resource: 'survey',
							operation: 'getAll',
							company: {
								__rl: true,
								mode: 'list',
								value: String(COMPANY_ID),
								cachedResultName: 'Hadef IT',
							},
							startDate: '={{ $now.minus({ days: 3 }).toISO() }}',
							endDate: '={{ $now.toISO() }}',
							returnAll: true,
							options: { simplify: true },
						},
						credentials: credentialRef,
					},
				],
				connections: { Start: { main: [[{ node: 'Surveys', type: 'main', index: 0 }]] } },
			});
			await emulator.control.reset();
		});

		test('reads every survey of the window, 100 per page, with one login for two executions', async () => {
			// The credential test above left a token in n8n's credential store that the emulator no
			// longer knows: the first execution renews it.
			await executeOk(workflowId);
			await emulator.control.call('DELETE', '/__control/requests');
			const logins = (await portal().get('stats')).logins;
			// Fresh surveys, so that the window surely holds more than one page.
			await portal().post('surveys', {
				count: 150,
				createdAt: new Date(Date.now() - 3_600_000).toISOString(),
			});

			const run = await executeOk(workflowId);
			const items = outputOf(run, 'Surveys');
			const pages = (await emulator.control.requests('wesal-portal')).filter(
				(request: any) => request.path === '/survey/queries/surveys',
			);
			const { startTime, endTime } = pages[0].body.filters[0].value;
			const truth = await portal().get(
				`surveys?companyId=${COMPANY_ID}&startTime=${startTime}&endTime=${endTime}`,
			);
			expect(items.map((item) => item.surveyId)).toEqual(truth.ids);
			expect(items.length).toBeGreaterThan(150);
			expect(items[0]).toMatchObject({ source: 'wesalPortal', scores: expect.any(Array) });
			// every page once; the pages after the first are read a few at a time, so they may arrive in any order
			expect(pages[0].body.offset).toBe(0);
			expect(
				pages.map((request: any) => request.body.offset).sort((a: number, b: number) => a - b),
			).toEqual(pages.map((_: unknown, page: number) => page * 100));
			expect(
				pages.every(
					(request: any) => request.body.limit === 100 && request.body.companyId === COMPANY_ID,
				),
			).toBe(true);
			expect(pages).toHaveLength(Math.ceil(items.length / 100));
			// n8n runs in Asia/Riyadh: the range still goes out in UTC, three days ending now.
			expect(
				Math.abs(Date.parse(`${endTime}Z`) - Date.parse(`${startTime}Z`) - 3 * 86_400_000),
			).toBeLessThanOrEqual(2000);
			expect(Math.abs(Date.parse(`${endTime}Z`) - Date.parse(run.startedAt))).toBeLessThan(60_000);

			await executeOk(workflowId);
			expect(await portal().get('stats')).toMatchObject({ logins, failedLogins: 0 });
		});

		test.each([401, 400, 200])(
			'an expired token answered with X003 and HTTP %s is renewed with one re-login and saved',
			async (tokenErrorStatus) => {
				await portal().post('config', { tokenErrorStatus });
				const before = await portal().get('stats');
				await portal().post('expire-tokens');
				await executeOk(workflowId);
				const after = await portal().get('stats');
				expect(after.logins - before.logins).toBe(1);
				expect(after.tokenRejections).toBeGreaterThan(before.tokenRejections);
				// the renewed token was stored by n8n: the next execution does not log in
				await executeOk(workflowId);
				expect((await portal().get('stats')).logins).toBe(after.logins);
			},
		);
	});

	test('the example "Queue performance digest" gives the emulator\'s figures per queue', async () => {
		await emulator.control.reset();
		const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', EXAMPLE), 'utf8'));
		const run = await executeOk(example.id);
		await wesalPortalExampleChecks[EXAMPLE].check({ run, control: emulator.control });
	});

	test('an active trigger: surveys answered while n8n runs reach a sink exactly once, also across a restart', async () => {
		const control = emulator.control;
		const sink = `wesal-portal-trigger-${version}`;
		await control.reset();
		const add = async (count: number): Promise<string[]> =>
			(await portal().post('surveys', { count })).surveys.map((survey: any) => survey.id);
		const sinkIds = async (): Promise<string[]> =>
			(await control.sink(sink)).map((item: any) => item.id);
		const pages = async (): Promise<number> => (await portal().get('stats')).surveyPages;

		// n8n polls at most once a minute; pick the second so that the first scheduled poll comes ~20 s after activation.
		const second = (new Date().getUTCSeconds() + 20) % 60;
		const before = await add(1);
		const created = await n8n.createWorkflow({
			name: `E2E: Wesal Portal trigger to sink (${version})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 't1',
					name: 'New survey',
					type: `${pkg.name}.wesalPortalTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
						event: 'newSurvey',
						company: { __rl: true, mode: 'id', value: String(COMPANY_ID) },
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
			connections: { 'New survey': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] } },
		});
		const pagesBeforeActivation = await pages();
		await n8n.activateWorkflow(created.id);
		await waitFor(
			'the activation poll',
			async () => (await pages()) > pagesBeforeActivation,
			30_000,
			250,
		);
		await sleep(1000);

		const first = await add(2);
		await waitFor(
			'the first two surveys at the sink',
			async () => (await sinkIds()).length >= 2,
			100_000,
		);
		await sleep(3000);
		expect((await sinkIds()).sort()).toEqual([...first].sort());

		const duringRestart = await add(1);
		await n8n.restart();
		const afterRestart = await add(1);
		await waitFor('four surveys at the sink', async () => (await sinkIds()).length >= 4, 150_000);
		await sleep(3000);
		const ids = await sinkIds();
		expect([...ids].sort()).toEqual([...first, ...duringRestart, ...afterRestart].sort());
		expect(ids).not.toContain(before[0]);
		expect(n8n.packageLoadErrors()).toEqual([]);
	}, 300_000);
});
