import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WelcorpCallbackTrigger } from '../../nodes/Welcorp/WelcorpCallbackTrigger.node';
import { engineLogs, safeStringify } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { WelcorpFixture } from './fixture';
import { callWebhook, WebhookServer } from './webhookRunner';

const SECRET = 'cb-secret-2f8e1a9c77d04b';
const HOOK = 'http://127.0.0.1:9/webhook/7f3c/welcorp';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => {
	await fx.reset();
	engineLogs().clear();
});

const fax = {
	resource: 'fax',
	operation: 'send',
	recipientSource: 'defined',
	recipients: { recipient: [{ destination: '0355667788', name: 'Front desk' }] },
	files: { file: [{ source: 'url', url: 'https://x.test/invoice.pdf' }] },
	callbackTarget: 'credential',
};

describe('Send Delivery Reports and Replies To: The Callback URL in the Credential', () => {
	it("sends the credential's URL with its secret, and never shows the secret", async () => {
		fx.useLogin('user', { callbackUrl: HOOK, callbackSecret: SECRET });
		const created = await fx.run(fax);
		expect(created.error).toBeUndefined();
		const [post] = await fx.jobPosts();
		expect(post.callback_url).toBe(`${HOOK}?token=${SECRET}`);
		const jobId = created.items[0].json.job_id as number;

		const simplified = await fx.run({ resource: 'job', operation: 'get', jobId: String(jobId) });
		expect(simplified.items[0].json.callbackUrl).toBe(`${HOOK}?token=***`);
		const raw = await fx.run({
			resource: 'job',
			operation: 'get',
			jobId: String(jobId),
			output: 'raw',
		});
		expect(raw.items[0].json.callback_url).toBe(`${HOOK}?token=***`);
		expect((await fx.truthJob(jobId)).callback_url).toBe(`${HOOK}?token=${SECRET}`);

		const scanner = new SecretScanner();
		scanner.addSecrets(SECRET);
		for (const run of [created, simplified, raw]) scanner.scan('output', run.items);
		for (const line of engineLogs().lines) scanner.scan('log line', line);
		expect(scanner.found).toEqual([]);
	});

	it("replaces a token the credential's URL already carries", async () => {
		fx.useLogin('user', { callbackUrl: `${HOOK}?token=old&x=1`, callbackSecret: SECRET });
		await fx.run(fax);
		const [post] = await fx.jobPosts();
		expect(post.callback_url).toBe(`${HOOK}?token=${SECRET}&x=1`);
	});

	it('refuses to send when the credential has no usable URL or no secret, without showing the secret', async () => {
		const cases: Array<[ICredentialDataDecryptedObject, string]> = [
			[{ callbackSecret: SECRET }, 'the Welcorp credential has no Callback URL'],
			[
				{ callbackUrl: 'welcorp.example.com/hook', callbackSecret: SECRET },
				'the Callback URL of the Welcorp credential is not an http(s) URL',
			],
			[{ callbackUrl: HOOK }, 'the Welcorp credential has no Callback Secret'],
		];
		for (const [data, message] of cases) {
			fx.useLogin('user', data);
			const { error } = await fx.run(fax);
			expect(error?.message).toBe(`Invalid "Send Delivery Reports and Replies To": ${message}`);
			expect(error?.description).toContain('Nothing was sent.');
			expect(safeStringify(error)).not.toContain(SECRET);
		}
		expect(await fx.requests({ method: 'POST' })).toEqual([]);
	});

	it('Job → Create and SMS → Send ask where reports go; email sends none', async () => {
		fx.useLogin('user', { callbackUrl: HOOK, callbackSecret: SECRET });
		await fx.run({
			resource: 'job',
			operation: 'create',
			jobType: 'twoWaySms',
			destination: '61411111111',
			message: 'Reply YES',
			callbackTarget: 'credential',
		});
		await fx.run({
			resource: 'sms',
			operation: 'send',
			destination: '61411111111',
			message: 'Hi',
			callbackTarget: 'custom',
			callbackUrl: 'https://example.com/mine?key=1',
		});
		await fx.run({ resource: 'sms', operation: 'send', destination: '61411111111', message: 'Hi' });
		await fx.run({
			resource: 'email',
			operation: 'send',
			destination: 'ann@example.com',
			fromEmail: 'desk@example.com',
			textMessage: 'Hi',
			callbackTarget: 'credential',
		});
		expect((await fx.jobPosts()).map((post) => post.callback_url)).toEqual([
			`${HOOK}?token=${SECRET}`,
			'https://example.com/mine?key=1',
			undefined,
			undefined,
		]);
	});
});

describe('Welcorp Callback Trigger 1.1: the secret of the credential', () => {
	const reply = {
		BroadcastID: '62131644',
		Timestamp: '2023-10-24T12:02:52+11:00',
		Reference: 'Customer 123',
		Recipient: 'Jane Smith',
		Destination: '61498765432',
		Response: 'YES',
		BroadcastName: 'Quick Send',
	};
	const hook = (
		query: Record<string, string>,
		data: ICredentialDataDecryptedObject = { callbackSecret: SECRET },
	) => {
		fx.useLogin('user', data);
		return callWebhook(WelcorpCallbackTrigger, {
			parameters: { events: ['smsReply'] },
			credentials: { store: fx.store, ids: { welcorpApi: fx.credentialId } },
			body: reply,
			query,
		});
	};

	it('starts the workflow for the right secret, refuses others with 401', async () => {
		expect((await hook({ token: SECRET })).items).toEqual([
			expect.objectContaining({ eventType: 'smsReply', response: 'YES', broadcastId: 62131644 }),
		]);
		for (const query of [{}, { token: '' }, { token: 'wrong' }, { token: `${SECRET}x` }] as Array<
			Record<string, string>
		>) {
			const outcome = await hook(query);
			expect([query, outcome.status, outcome.items]).toEqual([query, 401, []]);
		}
	});

	it('refuses every call while the credential has no Callback Secret', async () => {
		for (const query of [{}, { token: '' }, { token: 'anything' }, { token: SECRET }] as Array<
			Record<string, string>
		>) {
			const outcome = await hook(query, { callbackUrl: HOOK });
			expect([query, outcome.status, outcome.items]).toEqual([query, 401, []]);
		}
	});

	it("gets the emulator's callbacks of jobs sent to the credential's URL", async () => {
		fx.useLogin('user', { callbackSecret: SECRET });
		const server = await new WebhookServer(
			WelcorpCallbackTrigger,
			{ events: ['deliveryReport', 'smsReply', 'smsStatus'] },
			{ credentials: { store: fx.store, ids: { welcorpApi: fx.credentialId } } },
		).start();
		try {
			fx.useLogin('user', { callbackUrl: server.url, callbackSecret: SECRET });
			const created = await fx.run(fax);
			await fx.emulator.advanceClock(2 * 60_000);
			const [record] = await fx.tick();
			expect(record).toMatchObject({ event: 'deliveryReport', status: 200 });
			expect(server.received.flatMap((outcome) => outcome.items)).toEqual([
				expect.objectContaining({
					eventType: 'deliveryReport',
					broadcastId: created.items[0].json.job_id,
					destination: '0355667788',
				}),
			]);
		} finally {
			await server.close();
		}
	});
});
