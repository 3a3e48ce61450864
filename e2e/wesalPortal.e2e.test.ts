/**
 * Wesal Portal end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator. Ground truth comes from the emulator's control API and its own answers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeItems } from './examples.checks';
import { wesalPortalExampleChecks } from './wesalPortal.example-check';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const { ROOT } = require('./lib/install');
const {
	vendorSuite,
	TriggerToSink,
	manualWorkflow,
	nodeType,
	version,
} = require('./lib/vendorSuite');

/** The id the example workflow refers to (e2e/fixtures/credentials.js imports it too). */
const CREDENTIAL = {
	id: 'wesalPortalEmulator',
	name: 'Wesal Portal account (emulator)',
	type: 'wesalPortalApi',
};
const EXAMPLE = 'wesal-portal-queue-performance-digest.json';
const COMPANY_ID = 100301;

describe(`Wesal Portal on n8n ${version}`, () => {
	const suite = vendorSuite({ timeZone: 'Asia/Riyadh', credential: CREDENTIAL });
	const portal = () => suite.control.vendor('wesal-portal');
	const credentialRef = { wesalPortalApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

	test('the node and trigger are loaded', async () => {
		const described = await suite.n8n.nodeTypes([
			nodeType('wesalPortal'),
			nodeType('wesalPortalTrigger'),
		]);
		expect(described.map((node: any) => node.name).sort()).toEqual([
			'wesalPortal',
			'wesalPortalTrigger',
		]);
		expect(suite.n8n.packageLoadErrors()).toEqual([]);
	});

	test('credential test, as the editor runs it: the account passes, a wrong password fails clearly', async () => {
		const wrong = await suite.testCredential({ password: 'not-the-password' });
		expect(wrong.message).toMatch(/^Wesal Portal refused the login: .*Invalid email or password/);
		expect(wrong.message).not.toContain('not-the-password');
	});

	describe("Survey → Get Many and token renewal through n8n's credential store", () => {
		const workflowId = 'e2eWesalPortalSurveys';

		beforeAll(async () => {
			await suite.importWorkflow(
				manualWorkflow({
					id: workflowId,
					name: 'E2E: Wesal Portal surveys',
					nodes: [
						{
							name: 'Surveys',
							type: 'wesalPortal',
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
							},
							credentials: credentialRef,
						},
					],
				}),
			);
			await suite.control.reset();
		});

		test('reads every survey of the window, 100 per page, with one login for two executions', async () => {
			// The credential test above left a token in n8n's credential store that the emulator no
			// longer knows: the first execution renews it.
			await suite.execute(workflowId);
			await suite.control.call('DELETE', '/__control/requests');
			const logins = (await portal().get('stats')).logins;
			// Fresh surveys, so that the window surely holds more than one page.
			await portal().post('surveys', {
				count: 150,
				createdAt: new Date(Date.now() - 3_600_000).toISOString(),
			});

			const run = await suite.execute(workflowId);
			const items = nodeItems(run, 'Surveys');
			const pages = (await suite.control.requests('wesal-portal')).filter(
				(request: any) => request.path === '/survey/queries/surveys',
			);
			const { startTime, endTime } = pages[0].body.filters[0].value;
			const truth = await portal().get(
				`surveys?companyId=${COMPANY_ID}&startTime=${startTime}&endTime=${endTime}`,
			);
			expect(items.map((item) => item.surveyId)).toEqual(truth.ids);
			expect(items.length).toBeGreaterThan(150);
			expect(items[0]).toMatchObject({ source: 'wesalPortal' });
			expect(items[0]).toHaveProperty('lowestScore');
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

			await suite.execute(workflowId);
			expect(await portal().get('stats')).toMatchObject({ logins, failedLogins: 0 });
		});

		test.each([401, 400, 200])(
			'an expired token answered with X003 and HTTP %s is renewed with one re-login and saved',
			async (tokenErrorStatus) => {
				await portal().post('config', { tokenErrorStatus });
				const before = await portal().get('stats');
				await portal().post('expire-tokens');
				await suite.execute(workflowId);
				const after = await portal().get('stats');
				expect(after.logins - before.logins).toBe(1);
				expect(after.tokenRejections).toBeGreaterThan(before.tokenRejections);
				// the renewed token was stored by n8n: the next execution does not log in
				await suite.execute(workflowId);
				expect((await portal().get('stats')).logins).toBe(after.logins);
			},
		);
	});

	test('the example "Queue performance digest" gives the emulator\'s figures per queue', async () => {
		await suite.control.reset();
		const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', EXAMPLE), 'utf8'));
		const run = await suite.execute(example.id);
		await wesalPortalExampleChecks[EXAMPLE].check({ run, control: suite.control });
	});

	test('an active trigger: surveys answered while n8n runs reach a sink exactly once, also across a restart', async () => {
		await suite.control.reset();
		const trigger = new TriggerToSink(suite, {
			sink: `wesal-portal-trigger-${version}`,
			keyOf: (item: any) => item.id,
			polls: async (): Promise<number> => (await portal().get('stats')).surveyPages,
		});
		const add = async (count: number): Promise<string[]> =>
			(await portal().post('surveys', { count })).surveys.map((survey: any) => survey.id);

		const before = await add(1);
		await trigger.activate({
			name: `E2E: Wesal Portal trigger to sink (${version})`,
			trigger: {
				name: 'New survey',
				type: 'wesalPortalTrigger',
				parameters: {
					pollTimes: trigger.pollTimes(),
					event: 'newSurvey',
					company: { __rl: true, mode: 'id', value: String(COMPANY_ID) },
					options: {},
				},
				credentials: credentialRef,
			},
		});

		const first = await add(2);
		await trigger.delivered('the first two surveys at the sink', 2, 100_000);
		await trigger.expectKeys(first);

		const restarted = await trigger.acrossRestart(
			() => add(1),
			() => add(1),
		);
		await trigger.delivered('four surveys at the sink', 4, 150_000);
		await trigger.expectExactlyOnce([...first, ...restarted], before);
	}, 300_000);
});
