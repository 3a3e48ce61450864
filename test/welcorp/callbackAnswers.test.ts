import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WelcorpCallbackTrigger } from '../../nodes/Welcorp/WelcorpCallbackTrigger.node';
import { WelcorpFixture } from './fixture';
import { callWebhook, WebhookServer } from './webhookRunner';

const TOKEN = 'a-long-random-secret-token-0815';
const reply = {
	BroadcastID: '62131644',
	Timestamp: '2023-10-24T12:02:52+11:00',
	Reference: 'Customer 123',
	Recipient: 'Jane Smith',
	Destination: '61498765432',
	Response: 'YES',
	BroadcastName: 'Quick Send',
};
/** Tokens a secret that is "nothing" could wrongly turn into: empty, or the texts of null and undefined. */
const GUESSES = ['', 'null', 'undefined'];

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

/** A form POST to the trigger over HTTP, as Welcorp sends a callback: status and JSON answer. */
async function post(url: string, form: Record<string, string>) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

describe('Welcorp Callback Trigger: what the caller is answered', () => {
	let server: WebhookServer;
	beforeAll(async () => {
		server = await new WebhookServer(
			WelcorpCallbackTrigger,
			{ secretToken: TOKEN, events: ['smsReply'] },
			{ typeVersion: 1 },
		).start();
	});
	afterAll(async () => await server.close());

	it('401 with a message for a missing or wrong token', async () => {
		for (const url of [server.url, `${server.url}?token=wrong`]) {
			expect([url, await post(url, reply)]).toEqual([
				url,
				{
					status: 401,
					body: { message: 'Unauthorized: the token in the callback URL is missing or wrong' },
				},
			]);
		}
		expect(server.received.flatMap((outcome) => outcome.items)).toEqual([]);
	});

	it('400 with a message for a body that is not a Welcorp callback', async () => {
		expect(await post(`${server.url}?token=${TOKEN}`, { hello: 'world' })).toEqual({
			status: 400,
			body: {
				message:
					'Not a Welcorp callback: BroadcastID and a status, response or call fields are expected',
			},
		});
		expect(server.received.flatMap((outcome) => outcome.items)).toEqual([]);
	});
});

describe('Welcorp Callback Trigger: a secret that resolves to nothing refuses every call', () => {
	it('1: a Secret Token expression giving null or undefined', async () => {
		for (const secretToken of ['={{ null }}', '={{ undefined }}']) {
			for (const token of GUESSES) {
				const outcome = await callWebhook(WelcorpCallbackTrigger, {
					typeVersion: 1,
					parameters: { secretToken, events: ['smsReply'] },
					body: reply,
					query: { token },
				});
				expect([secretToken, token, outcome.status, outcome.items]).toEqual([
					secretToken,
					token,
					401,
					[],
				]);
			}
		}
	});

	it('1.1: a Callback Secret expression naming a variable that does not exist, or giving null', async () => {
		const secrets: ICredentialDataDecryptedObject[] = [
			{ callbackSecret: '={{ $vars.welcorpCallbackSecret }}' },
			{ callbackSecret: '={{ null }}' },
		];
		for (const data of secrets) {
			fx.useLogin('user', data);
			for (const token of GUESSES) {
				const outcome = await callWebhook(WelcorpCallbackTrigger, {
					parameters: { events: ['smsReply'] },
					credentials: { store: fx.store, ids: { welcorpApi: fx.credentialId } },
					body: reply,
					query: { token },
				});
				expect([data, token, outcome.status, outcome.items]).toEqual([data, token, 401, []]);
			}
		}
	});
});
