import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { WelcorpCallbackTrigger } from '../../nodes/Welcorp/WelcorpCallbackTrigger.node';
import { WelcorpFixture, type CallbackRecord } from './fixture';
import { callWebhook, WebhookServer } from './webhookRunner';

const TOKEN = 'a-long-random-secret-token-4711';
const all = { secretToken: TOKEN, events: ['deliveryReport', 'smsReply', 'smsStatus'] };

/** The doc's three example callbacks, as n8n parses form bodies (all values text). */
const DOC = {
	deliveryReport: {
		BroadcastID: '62131644',
		Timestamp: '2023-10-24T12:02:52+11:00',
		Reference: 'Customer 123',
		Recipient: 'Jane Smith',
		Destination: '61498765432',
		Status: 'SENT',
		Duration: '57',
		Cost: '0.76',
		Keypress: '1',
		Voicemail: 'false',
		BroadcastName: 'Quick Send',
	},
	smsReply: {
		BroadcastID: '62131644',
		Timestamp: '2023-10-24T12:02:52+11:00',
		Reference: 'Customer 123',
		Recipient: 'Jane Smith',
		Destination: '61498765432',
		Response: 'This is a reply',
		BroadcastName: 'Quick Send',
	},
	smsStatus: {
		BroadcastID: '62131644',
		Timestamp: '2023-10-24T12:02:52+11:00',
		Reference: 'Customer 123',
		Recipient: 'Jane Smith',
		Destination: '61498765432',
		Status: 'SENT',
		BroadcastName: 'Quick Send',
	},
};
const COMMON = {
	broadcastId: 62131644,
	timestamp: '2023-10-24T12:02:52+11:00',
	reference: 'Customer 123',
	recipient: 'Jane Smith',
	destination: '61498765432',
	broadcastName: 'Quick Send',
};

describe('Welcorp Callback Trigger 1 (Secret Token in the node)', () => {
	it('gives the timestamp back as ISO 8601 when the sender did not encode the "+" of its offset', async () => {
		// "Timestamp=2023-10-24T12:02:52+11:00" unencoded: every form parser reads the "+" as a space
		const reply = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: { ...DOC.smsReply, Timestamp: '2023-10-24T12:02:52 11:00' },
			query: { token: TOKEN },
		});
		expect(reply.items).toEqual([
			{ eventType: 'smsReply', ...COMMON, response: 'This is a reply' },
		]);
		expect(Date.parse(reply.items[0].timestamp as string)).toBe(Date.parse('2023-10-24T01:02:52Z'));
	});

	it('tells the three callbacks apart and converts their types', async () => {
		const report = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: DOC.deliveryReport,
			query: { token: TOKEN },
		});
		expect(report.items).toEqual([
			{
				eventType: 'deliveryReport',
				...COMMON,
				status: 'SENT',
				duration: 57,
				cost: 0.76,
				keypress: 1,
				voicemail: false,
			},
		]);
		const reply = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: DOC.smsReply,
			query: { token: TOKEN },
		});
		expect(reply.items).toEqual([
			{ eventType: 'smsReply', ...COMMON, response: 'This is a reply' },
		]);
		const status = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: DOC.smsStatus,
			query: { token: TOKEN },
		});
		expect(status.items).toEqual([{ eventType: 'smsStatus', ...COMMON, status: 'SENT' }]);
		expect(status.status).toBe(200);
	});

	it('reads an empty key press as null and a raw form string like a parsed one', async () => {
		const raw = new URLSearchParams({
			...DOC.deliveryReport,
			Keypress: '',
			Voicemail: 'true',
		}).toString();
		const { items } = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: raw,
			query: { token: TOKEN },
		});
		expect(items[0]).toMatchObject({
			keypress: null,
			voicemail: true,
			cost: 0.76,
			broadcastName: 'Quick Send',
		});
	});

	it('refuses a wrong or missing token with 401 and starts nothing', async () => {
		for (const query of [{}, { token: 'wrong' }, { token: `${TOKEN}x` }, { token: '' }] as Array<
			Record<string, string>
		>) {
			const outcome = await callWebhook(WelcorpCallbackTrigger, {
				typeVersion: 1,
				parameters: all,
				body: DOC.smsReply,
				query,
			});
			expect(outcome.status).toBe(401);
			expect(outcome.items).toEqual([]);
			expect(outcome.result).toEqual({ noWebhookResponse: true });
		}
	});

	it('refuses every call with 401 while no Secret Token is set', async () => {
		for (const query of [{}, { token: '' }, { token: 'anything' }, { token: TOKEN }] as Array<
			Record<string, string>
		>) {
			const outcome = await callWebhook(WelcorpCallbackTrigger, {
				typeVersion: 1,
				parameters: { ...all, secretToken: '' },
				body: DOC.smsReply,
				query,
			});
			expect([query, outcome.status]).toEqual([query, 401]);
			expect(outcome.items).toEqual([]);
			expect(outcome.result).toEqual({ noWebhookResponse: true });
		}
	});

	it('acknowledges callbacks of unselected kinds without starting the workflow', async () => {
		const outcome = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: { ...all, events: ['smsReply'] },
			body: DOC.smsStatus,
			query: { token: TOKEN },
		});
		expect(outcome.status).toBe(200);
		expect(outcome.items).toEqual([]);
		expect(outcome.body).toEqual({ received: true, ignored: 'smsStatus' });
	});

	it('answers 400 to a body that is not a Welcorp callback', async () => {
		const outcome = await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: all,
			body: { hello: 'world' },
			query: { token: TOKEN },
		});
		expect(outcome.status).toBe(400);
		expect(outcome.items).toEqual([]);
	});
});

describe('Welcorp Callback Trigger receiving the emulator callbacks', () => {
	let fx: WelcorpFixture;
	let hook: WebhookServer;
	beforeAll(async () => {
		fx = await WelcorpFixture.start();
		hook = await new WebhookServer(WelcorpCallbackTrigger, all, { typeVersion: 1 }).start();
	});
	afterAll(async () => {
		await hook.close();
		await fx.close();
	});
	beforeEach(async () => {
		await fx.reset();
		hook.received.length = 0;
	});

	const create = async (parameters: IDataObject) =>
		(
			await fx.run({
				resource: 'job',
				operation: 'create',
				recipientSource: 'defined',
				...parameters,
			})
		).items[0].json.job_id as number;
	const emitted = () => hook.received.flatMap((outcome) => outcome.items);
	/** What the node should make of the emulator's own record of a callback. */
	const expected = (record: CallbackRecord) => {
		const b = record.body;
		const base = {
			eventType: record.event,
			broadcastId: Number(b.BroadcastID),
			timestamp: b.Timestamp,
			reference: b.Reference,
			recipient: b.Recipient,
			destination: b.Destination,
		};
		if (record.event === 'smsReply')
			return { ...base, response: b.Response, broadcastName: b.BroadcastName };
		if (record.event === 'smsStatus')
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
	};

	it('gets a delivery report per recipient of a 2 way TTS job when it completes', async () => {
		const recipients = {
			recipient: [
				{ destination: '61411111111', name: 'Ann', reference: 'A' },
				{ destination: '61422222227', name: 'Bob', reference: 'B' },
				{ destination: '61433333338', name: 'Cy', reference: 'C' },
			],
		};
		const id = await create({
			jobType: 'twoWayTts',
			message: 'Press 1',
			recipients,
			keyResponses: { response: [{ keyPress: 1, responseMessage: 'ok' }] },
			callbackTarget: 'custom',
			callbackUrl: `${hook.url}?token=${TOKEN}`,
		});
		expect(await fx.tick()).toEqual([]);
		await fx.emulator.advanceClock(2 * 60_000);
		const sent = await fx.tick();
		expect(sent.map((record) => [record.event, record.jobId, record.status])).toEqual([
			['deliveryReport', id, 200],
			['deliveryReport', id, 200],
			['deliveryReport', id, 200],
		]);
		expect(sent.every((record) => record.url === `${hook.url}?token=${TOKEN}`)).toBe(true);
		expect(emitted()).toEqual(sent.map(expected));
		expect(emitted().map((item) => [item.status, item.voicemail, item.keypress])).toEqual([
			['SENT', false, 1],
			['SENT', true, null],
			['NO ANSWER', false, null],
		]);
	});

	it('gets SMS statuses (when asked for) and SMS replies', async () => {
		const id = await create({
			jobType: 'twoWaySms',
			message: 'Reply YES',
			recipients: { recipient: [{ destination: '61411111111', name: 'Ann' }] },
			callbackTarget: 'custom',
			callbackUrl: `${hook.url}?token=${TOKEN}`,
			additionalFields: { statusCallbacks: true },
		});
		await fx.emulator.advanceClock(2 * 60_000);
		await fx.tick();
		await fx.emulator.control('POST', `welcorp/jobs/${id}/reply`, {
			destination: '61411111111',
			response: 'YES please',
		});
		const log = await fx.callbacks();
		expect(log.map((record) => record.event)).toEqual(['smsStatus', 'smsReply']);
		expect(emitted()).toEqual(log.map(expected));
		expect(emitted()[1]).toMatchObject({
			eventType: 'smsReply',
			response: 'YES please',
			broadcastId: id,
		});
	});

	it('starts nothing for callbacks carrying a wrong token: Welcorp gets 401', async () => {
		await create({
			jobType: 'fax',
			recipients: { recipient: [{ destination: '0355667788' }] },
			files: { file: [{ source: 'url', url: 'https://x.test/a.pdf' }] },
			callbackTarget: 'custom',
			callbackUrl: `${hook.url}?token=guess`,
		});
		await fx.emulator.advanceClock(2 * 60_000);
		const [record] = await fx.tick();
		expect(record).toMatchObject({ event: 'deliveryReport', status: 401 });
		expect(emitted()).toEqual([]);
	});

	it('does not call back to anything but 127.0.0.1', async () => {
		await create({
			jobType: 'tts',
			message: 'Hi',
			recipients: { recipient: [{ destination: '61411111111' }] },
			callbackTarget: 'custom',
			callbackUrl: 'https://example.com/hook?token=x',
		});
		await fx.emulator.advanceClock(2 * 60_000);
		const [record] = await fx.tick();
		expect(record.status).toBeUndefined();
		expect(record.error).toContain('only calls back to 127.0.0.1');
	});

	it('records why a callback got no answer: nobody listening', async () => {
		await create({
			jobType: 'tts',
			message: 'Hi',
			recipients: { recipient: [{ destination: '61411111111' }] },
			callbackTarget: 'custom',
			callbackUrl: `http://127.0.0.1:${await closedPort()}/hook`,
		});
		await fx.emulator.advanceClock(2 * 60_000);
		const [record] = await fx.tick();
		expect(record.status).toBeUndefined();
		expect(record.error).toBe('fetch failed (ECONNREFUSED)');
	});
});

/** A port on 127.0.0.1 that was listened on a moment ago and is not now. */
function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
