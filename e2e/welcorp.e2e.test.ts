/**
 * Welcorp end-to-end: our tarball in a real n8n (E2E_N8N_VERSION, see e2e/run.js) against the
 * emulator. The credential test as the editor runs it, jobs created and read through
 * `n8n execute`, and the callback trigger receiving the emulator's real form-urlencoded callbacks
 * through n8n's webhook server (wrong token: 401, nothing started). Ground truth comes from the
 * emulator's control API.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import { nodeItems } from './examples.checks';

const {
	vendorSuite,
	manualWorkflow,
	sinkWorkflow,
	version,
	sleep,
	waitFor,
} = require('./lib/vendorSuite');

const VENDOR = 'welcorp';
const CREDENTIAL = { id: 'welcorpE2eUser01', name: 'Welcorp (E2E)', type: 'welcorpApi' };
const TOKEN = 'e2e-callback-token-5f2a9c';
const WEBHOOK_ID = '3b9f6c1e-7d2a-4e8b-9c0f-1a2b3c4d5e6f';

describe(`Welcorp on n8n ${version}`, () => {
	// n8n in another zone than the Welcorp account: dates must be converted.
	const suite = vendorSuite({ timeZone: 'Europe/Berlin', credential: CREDENTIAL });
	const welcorp = () => suite.control.vendor(VENDOR);
	const credentialRef = { welcorpApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	/** A call to the emulator's API as the credential's user (what Welcorp would see from anyone). */
	const api = async (method: string, urlPath: string, body?: unknown) => {
		const { username, password } = suite.data;
		const res = await fetch(`${suite.vendorUrl(VENDOR)}${urlPath}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, json: (await res.json()) as any };
	};

	test('credential test, as the editor runs it: the login passes, a wrong password fails', async () => {
		await suite.testCredential({ password: 'not-the-password' });
	});

	test('Job → Create (one request for all recipients), then Job → Get and Job → Get Many', async () => {
		await suite.control.reset();
		await suite.importWorkflow(
			manualWorkflow({
				id: 'e2eWelcorpJobs01',
				name: 'E2E: Welcorp jobs',
				nodes: [
					{
						name: 'Create',
						type: 'welcorp',
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
						name: 'Get',
						type: 'welcorp',
						parameters: {
							resource: 'job',
							operation: 'get',
							jobId: '={{ $json.job_id }}',
							output: 'raw',
						},
						credentials: credentialRef,
					},
					{
						name: 'Get Many',
						type: 'welcorp',
						parameters: {
							resource: 'job',
							operation: 'getAll',
							returnAll: true,
							filters: { jobName: 'E2E tables', jobStatus: 'broadcast submitted' },
							output: 'raw',
						},
						credentials: credentialRef,
					},
				],
			}),
		);
		const run = await suite.execute('e2eWelcorpJobs01');
		const out = (name: string) => nodeItems(run, name);

		const requests = await suite.control.requests(VENDOR);
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
		const { n8n, control } = suite;
		await control.reset();
		const sink = `welcorp-callbacks-${version}`;
		await control.clearSink(sink);
		const created = await n8n.createWorkflow(
			sinkWorkflow({
				name: `E2E: Welcorp callbacks to sink (${version})`,
				trigger: {
					name: 'Welcorp callback',
					type: 'welcorpCallbackTrigger',
					webhookId: WEBHOOK_ID,
					parameters: { secretToken: TOKEN, events: ['deliveryReport', 'smsReply', 'smsStatus'] },
				},
				sinkUrl: control.sinkUrl(sink),
			}),
		);
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
			500,
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

		await control.call('POST', '/__control/clock', { advanceMs: 2 * 60_000 });
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
				const items = await control.sink(sink);
				return items.length >= 4 && items;
			},
			30_000,
			500,
		);
		await sleep(2000); // anything extra would arrive now
		expect(await control.sink(sink)).toHaveLength(4);
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
