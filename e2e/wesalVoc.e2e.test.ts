/**
 * Wesal VoC end-to-end, in a real n8n against the emulator: the credential test as the editor runs
 * it, login reuse through n8n's own credential store, and an active polling trigger.
 * One n8n version per jest run: E2E_N8N_VERSION (see e2e/run.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import { nodeItems } from './examples.checks';

const { vendorSuite, TriggerToSink, manualWorkflow, version } = require('./lib/vendorSuite');
const { WESAL_VOC, WESAL_VOC_TOKEN } = require('./fixtures/credentials');

describe(`Wesal VoC on n8n ${version}`, () => {
	// the vendor's region: dates must not depend on n8n's time zone
	const suite = vendorSuite({ timeZone: 'Asia/Riyadh' });
	const voc = () => suite.control.vendor('wesal-voc');
	const credentialData = () => suite.stack.credentials.find((c: any) => c.id === WESAL_VOC.id).data;

	test('credential test, as the editor runs it: a good credential passes', async () => {
		for (const ref of [WESAL_VOC, WESAL_VOC_TOKEN]) {
			const cred = suite.stack.credentials.find((c: any) => c.id === ref.id);
			const answer = await suite.n8n.testCredential(cred);
			expect({ ref: ref.name, ...answer }).toEqual({
				ref: ref.name,
				status: 'OK',
				message: expect.any(String),
			});
		}
	});

	test('credential test: a wrong password fails with a clear message', async () => {
		const answer = await suite.n8n.testCredential({
			...WESAL_VOC,
			type: 'wesalVocApi',
			data: { ...credentialData(), password: 'not-the-password' },
		});
		expect(answer.status).toBe('Error');
		expect(answer.message).toMatch(/^Wesal VoC refused the login/);
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
			await suite.importCredentials([{ ...credential, data: credentialData() }]);
			await suite.importWorkflow(
				manualWorkflow({
					id: workflowId,
					name: 'E2E: Wesal VoC login reuse',
					nodes: [
						{
							name: 'Surveys',
							type: 'wesalVoc',
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
				}),
			);
			await suite.control.reset();
		});

		const runOk = async () => {
			const run = await suite.execute(workflowId);
			expect(nodeItems(run, 'Surveys')).toHaveLength(5);
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
		await suite.control.reset();
		const trigger = new TriggerToSink(suite, {
			sink: `wesal-voc-trigger-${version}`,
			keyOf: (item: any) => item._id,
			polls: async (): Promise<number> => (await voc().get('stats')).searches,
		});
		const add = async (n: number, agent: string): Promise<string[]> => {
			const answer = await voc().post('surveys', {
				surveys: Array.from({ length: n }, () => ({ agent })),
			});
			return answer.surveys.map((s: any) => s._id);
		};

		const before = await add(1, 'Before');
		await trigger.activate({
			name: `E2E: Wesal VoC trigger to sink (${version})`,
			trigger: {
				name: 'New survey',
				type: 'wesalVocTrigger',
				parameters: {
					pollTimes: trigger.pollTimes(),
					event: 'newSurvey',
					filters: {},
					options: {},
				},
				credentials: { wesalVocApi: { id: WESAL_VOC_TOKEN.id, name: WESAL_VOC_TOKEN.name } },
			},
		});

		// 1. added after activation → delivered by the next scheduled poll
		const first = await add(2, 'First');
		await trigger.scheduledPoll(Date.now(), 2);
		await trigger.expectKeys(first);

		// 2. one added while n8n restarts, one after: each delivered once, nothing repeated
		const restarted = await trigger.acrossRestart(
			() => add(1, 'Restart'),
			() => add(1, 'After'),
		);
		await trigger.scheduledPoll(Date.now(), 4);
		await trigger.expectExactlyOnce([...first, ...restarted], before);
	}, 300_000);
});
