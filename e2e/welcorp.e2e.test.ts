/**
 * Welcorp end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator. The credential test as the editor runs it, jobs created and read through
 * `n8n execute`, and the callback trigger receiving the emulator's real form-urlencoded callbacks
 * through n8n's webhook server (wrong token: 401, nothing started). Ground truth comes from the
 * emulator's control API.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import * as path from 'node:path';

const { DEMO_VERSION } = require('./lib/versions');
const { ROOT } = require('./lib/install');
const { startEmulator } = require('./lib/emulator');
const { startStack } = require('./lib/stack');
const { sleep } = require('./lib/n8n');

const version: string = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VENDOR = 'welcorp';
const CREDENTIAL = { id: 'welcorpE2eUser01', name: 'Welcorp (E2E)', type: 'welcorpApi' };
const TOKEN = 'e2e-callback-token-5f2a9c';
const WEBHOOK_ID = '3b9f6c1e-7d2a-4e8b-9c0f-1a2b3c4d5e6f';

async function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false>,
	timeoutMs: number,
	everyMs = 500,
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

describe(`Welcorp on n8n ${version}`, () => {
	let emulator: any;
	let stack: any;
	let n8n: any;
	let data: Record<string, string>;
	let login: { username: string; password: string };
	const welcorp = () => emulator.control.vendor(VENDOR);
	const credentialRef = { welcorpApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	const vendorUrl = () => emulator.vendors.find((v: any) => v.name === VENDOR).url as string;
	/** A call to the emulator's API as the credential's user (what Welcorp would see from anyone). */
	const api = async (method: string, urlPath: string, body?: unknown) => {
		const res = await fetch(`${vendorUrl()}${urlPath}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, json: (await res.json()) as any };
	};

	beforeAll(async () => {
		emulator = await startEmulator();
		// n8n in another zone than the Welcorp account: dates must be converted.
		stack = await startStack({
			version,
			emulator,
			env: { GENERIC_TIMEZONE: 'Europe/Berlin', TZ: 'Europe/Berlin' },
			progress: () => undefined,
		});
		n8n = stack.n8n;
		const accounts = await welcorp().get('accounts');
		login = accounts.find((a: any) => a.role === 'User' && a.username === 'au/testuser');
		data = {
			username: login.username,
			password: login.password,
			baseUrl: vendorUrl(),
			timeZone: 'Australia/Sydney',
		};
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'welcorp-'));
		fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify([{ ...CREDENTIAL, data }]));
		await n8n.importCredentials(path.join(dir, 'credentials.json'));
	}, 600_000);

	afterAll(async () => {
		if (stack) await stack.stop();
		if (emulator) await emulator.close();
	}, 120_000);

	test('credential test, as the editor runs it: the login passes, a wrong password fails', async () => {
		expect(await n8n.testCredential({ ...CREDENTIAL, data })).toEqual({
			status: 'OK',
			message: expect.any(String),
		});
		const wrong = await n8n.testCredential({
			...CREDENTIAL,
			data: { ...data, password: 'not-the-password' },
		});
		expect(wrong.status).toBe('Error');
	});

	test('Job → Create (one request for all recipients), then Job → Get and Job → Get Many', async () => {
		await emulator.control.reset();
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'welcorp-jobs-'));
		fs.writeFileSync(
			path.join(dir, 'workflow.json'),
			JSON.stringify({
				id: 'e2eWelcorpJobs01',
				name: 'E2E: Welcorp jobs',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: 'j1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'j2',
						name: 'Create',
						type: `${pkg.name}.welcorp`,
						typeVersion: 1,
						position: [220, 0],
						parameters: {
							resource: 'job',
							operation: 'create',
							jobType: 'sms',
							recipientSource: 'defined',
							message: 'Hi %%recipient%%, your table for %%guests%% is ready',
							recipients: {
								recipient: [
									{
										destination: '61411111111',
										name: 'Ann',
										reference: 'R1',
										mergeData: '{"guests": 2}',
									},
									{
										destination: '61422222222',
										name: 'Bob',
										reference: 'R2',
										mergeData: '{"guests": 4}',
									},
								],
							},
							additionalFields: { jobName: 'E2E tables', scheduledDate: '2099-06-01T10:00:00' },
						},
						credentials: credentialRef,
					},
					{
						id: 'j3',
						name: 'Get',
						type: `${pkg.name}.welcorp`,
						typeVersion: 1,
						position: [440, 0],
						parameters: { resource: 'job', operation: 'get', jobId: '={{ $json.job_id }}' },
						credentials: credentialRef,
					},
					{
						id: 'j4',
						name: 'Get Many',
						type: `${pkg.name}.welcorp`,
						typeVersion: 1,
						position: [660, 0],
						parameters: {
							resource: 'job',
							operation: 'getAll',
							returnAll: true,
							filters: { jobName: 'E2E tables', jobStatus: 'broadcast submitted' },
						},
						credentials: credentialRef,
					},
				],
				connections: {
					Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
					Create: { main: [[{ node: 'Get', type: 'main', index: 0 }]] },
					Get: { main: [[{ node: 'Get Many', type: 'main', index: 0 }]] },
				},
			}),
		);
		await n8n.importWorkflow(path.join(dir, 'workflow.json'));
		const result = await n8n.execute('e2eWelcorpJobs01');
		if (!result.ok)
			throw new Error(
				`execution failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`,
			);
		const out = (name: string) =>
			result.run.data.resultData.runData[name][0].data.main[0].map((item: any) => item.json);

		const requests = await emulator.control.requests(VENDOR);
		const posts = requests.filter((r: any) => r.method === 'POST');
		expect(posts).toHaveLength(1);
		// 10:00 in Berlin (summer, +02:00) is 18:00 in Sydney (winter, +10:00).
		expect(posts[0].body).toEqual({
			job_type: 'sms',
			job_name: 'E2E tables',
			scheduled_date: '2099-06-01 18:00:00',
			message: 'Hi %%recipient%%, your table for %%guests%% is ready',
			recipients: [
				{ destination: '61411111111', recipient: 'Ann', reference: 'R1', guests: '2' },
				{ destination: '61422222222', recipient: 'Bob', reference: 'R2', guests: '4' },
			],
		});
		const [created] = out('Create');
		const truth = await welcorp().get(`jobs/${created.job_id}`);
		expect(out('Get')).toEqual([truth]);
		expect(truth).toMatchObject({
			job_status: 'Broadcast Submitted',
			scheduled_date: '2099-06-01T18:00:00+10:00',
			total_recipients: 2,
		});
		expect(out('Get Many').map((job: any) => job.job_id)).toEqual([created.job_id]);
	});

	test("the callback trigger gets the emulator callbacks through n8n's webhook server; a wrong token gets 401", async () => {
		await emulator.control.reset();
		const sink = `welcorp-callbacks-${version}`;
		await emulator.control.clearSink(sink);
		const created = await n8n.createWorkflow({
			name: `E2E: Welcorp callbacks to sink (${version})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'k1',
					name: 'Welcorp callback',
					type: `${pkg.name}.welcorpCallbackTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { secretToken: TOKEN, events: ['deliveryReport', 'smsReply', 'smsStatus'] },
				},
				{
					id: 'k2',
					name: 'To sink',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						method: 'POST',
						url: emulator.control.sinkUrl(sink),
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify($json) }}',
						options: {},
					},
				},
			],
			connections: {
				'Welcorp callback': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
			},
		});
		await n8n.activateWorkflow(created.id);
		const hook = `${n8n.url}/webhook/${WEBHOOK_ID}/welcorp`;
		const post = async (query: string, body: Record<string, string>) =>
			(
				await fetch(`${hook}${query}`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams(body).toString(),
				})
			).status;
		// Registered once a wrong token is refused (404 before): n8n 2.x activates in the background.
		await waitFor(
			'the production webhook',
			async () => (await post('?token=wrong', { BroadcastID: '1', Status: 'SENT' })) === 401,
			30_000,
		);
		expect(await post('', { BroadcastID: '1', Status: 'SENT' })).toBe(401);

		const callbackUrl = `${hook}?token=${TOKEN}`;
		const tts = await api('POST', '/jobs', {
			job_type: 'tts',
			job_name: 'E2E call',
			message: 'Your order is ready',
			callback_url: callbackUrl,
			recipients: [
				{ destination: '61411111111', reference: 'A', recipient: 'Ann' },
				{ destination: '61422222227', reference: 'B', recipient: 'Bob' },
			],
		});
		const sms = await api('POST', '/jobs', {
			job_type: '2 way sms',
			message: 'Reply YES',
			callback_url: callbackUrl,
			callback_on_sms_status_update: true,
			recipients: [{ destination: '61433333333', reference: 'C', recipient: 'Cy' }],
		});
		const wrong = await api('POST', '/jobs', {
			job_type: 'fax',
			callback_url: `${hook}?token=guess`,
			files: [{ name: 'a.pdf', url: 'https://x.test/a.pdf' }],
			recipients: [{ destination: '0355667788' }],
		});
		expect([tts.status, sms.status, wrong.status]).toEqual([200, 200, 200]);

		await emulator.control.call('POST', '/__control/clock', { advanceMs: 2 * 60_000 });
		const delivered = (await welcorp().post('tick')).callbacks;
		await welcorp().post(`jobs/${sms.json.data}/reply`, {
			destination: '61433333333',
			response: 'YES',
		});
		const log = await welcorp().get('callbacks');
		expect(log.map((r: any) => [r.jobId, r.event, r.status])).toEqual([
			[tts.json.data, 'deliveryReport', 200],
			[tts.json.data, 'deliveryReport', 200],
			[sms.json.data, 'smsStatus', 200],
			[wrong.json.data, 'deliveryReport', 401],
			[sms.json.data, 'smsReply', 200],
		]);
		expect(delivered).toHaveLength(4);

		const received = await waitFor(
			'4 callbacks at the sink',
			async () => {
				const items = await emulator.control.sink(sink);
				return items.length >= 4 && items;
			},
			30_000,
		);
		await sleep(2000); // anything extra would arrive now
		expect(await emulator.control.sink(sink)).toHaveLength(4);
		const expected = log
			.filter((r: any) => r.status === 200)
			.map((r: any) => {
				const b = r.body;
				const base = {
					eventType: r.event,
					broadcastId: Number(b.BroadcastID),
					timestamp: b.Timestamp,
					reference: b.Reference,
					recipient: b.Recipient,
					destination: b.Destination,
				};
				if (r.event === 'smsReply')
					return { ...base, response: b.Response, broadcastName: b.BroadcastName };
				if (r.event === 'smsStatus')
					return { ...base, status: b.Status, broadcastName: b.BroadcastName };
				return {
					...base,
					status: b.Status,
					duration: Number(b.Duration),
					cost: Number(b.Cost),
					keypress: b.Keypress === '' ? null : Number(b.Keypress),
					voicemail: b.Voicemail === 'true',
					broadcastName: b.BroadcastName,
				};
			});
		const key = (x: any) => `${x.eventType}|${x.destination}`;
		expect([...received].sort((a: any, b: any) => key(a).localeCompare(key(b)))).toEqual(
			[...expected].sort((a: any, b: any) => key(a).localeCompare(key(b))),
		);
		expect(received.find((x: any) => x.destination === '61422222227')).toMatchObject({
			voicemail: true,
			duration: expect.any(Number),
		});
		expect(n8n.packageLoadErrors()).toEqual([]);
	}, 180_000);
});
