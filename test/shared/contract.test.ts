import type { NodeApiError } from 'n8n-workflow';

import { ContractProbe } from '../fixtures/contract/ContractProbe.node';
import { ProbeApi } from '../fixtures/contract/ProbeApi.credentials';
import { startProbeServer, type ProbeServer } from '../fixtures/contract/probeServer';
import { CredentialStore, runNode } from '../harness';

/**
 * The shared core's decisions, through the engine, on a vendor made only of facts
 * (test/fixtures/contract): what is retried, what is sent once, what goes without a session,
 * which errors say what, and how batch results are paired.
 */
let server: ProbeServer;
let store: CredentialStore;
let credentialId: string;

beforeAll(async () => (server = await startProbeServer()));
afterAll(async () => await server.close());
beforeEach(() => {
	server.reset();
	server.answer('/login', { status: 200, body: { token: 'tok-1' } });
	store = new CredentialStore([ProbeApi]);
	credentialId = store.add({
		type: 'probeApi',
		data: { baseUrl: server.url, clientId: 'client-7', password: 'pw-secret-1' },
	});
});

const run = (
	operation: string,
	extra: Record<string, unknown> = {},
	items = 1,
	continueOnFail = false,
) =>
	runNode({
		nodeType: ContractProbe,
		parameters: { operation, ...extra },
		items: Array.from({ length: items }, (_, index) => ({ json: { index } })),
		store,
		credentials: { probeApi: credentialId },
		continueOnFail,
	});
const sent = (path: string) => server.requests.filter((request) => request.path === path);

describe('shared core contract', () => {
	it('never retries a refused login, whatever words the vendor uses', async () => {
		for (const words of ['Connection refused by policy', 'Session timeout: account locked']) {
			server.reset();
			server.answer('/login', { status: 403, body: { message: words } });
			store.set(credentialId, { ...store.get(credentialId).data, sessionToken: '' });
			const { error } = await run('read');
			expect(error?.message).toBe(
				`Probe refused the login: ${words} (HTTP 403). Check the Password.`,
			);
			expect(sent('/login')).toHaveLength(1);
			expect(sent('/read')).toHaveLength(0);
		}
	});

	it('says nothing was sent when a write fails at the login', async () => {
		server.answer('/login', { status: 401, body: { message: 'Wrong password' } });
		const { error } = await run('write');
		expect(error?.description).toContain('Nothing was sent');
		expect(sent('/write')).toHaveLength(0);
	});

	it('retries a read on 503 and sends a write once', async () => {
		server.answer(
			'/read',
			{ status: 503, body: { message: 'busy' } },
			{ status: 200, body: { ok: 'yes' } },
		);
		expect((await run('read')).items.map((item) => item.json)).toEqual([{ ok: 'yes' }]);
		expect(sent('/read')).toHaveLength(2);

		server.answer('/write', { status: 503, body: { message: 'busy' } });
		const { error } = await run('write');
		expect(error?.message).toBe('Probe could not serve "Probe: write" (HTTP 503): busy');
		expect(error?.description).toContain('This request changes data, so it was not retried.');
		expect(sent('/write')).toHaveLength(1);
	});

	it('honours Options → Timeout, per item, and refuses a timeout of 0 before sending', async () => {
		server.answer('/read', { status: 200, body: { ok: 'late' }, delayMs: 1500 });
		const started = Date.now();
		const { error } = await run('read', { options: { timeout: 200 } });
		expect(error?.message).toBe('Probe did not answer "Probe: read" within 0.2 s');
		expect(Date.now() - started).toBeLessThan(1500 * 4);
		expect(sent('/read')).toHaveLength(4);

		server.reset();
		const zero = await run('read', { options: { timeout: 0 } });
		expect(zero.error?.message).toBe(
			'Invalid "Timeout": must be a positive number of milliseconds',
		);
		expect(server.requests).toHaveLength(0);
	});

	it('sends a request without session with neither login nor token', async () => {
		server.answer('/reset', { status: 200, body: { ok: 'reset' } });
		const { items, error } = await run('reset');
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: 'reset' });
		expect(sent('/login')).toHaveLength(0);
		expect(sent('/reset')[0].headers.authorization).toBeUndefined();
		expect(sent('/reset')[0].headers['x-client-id']).toBe('client-7');
	});

	it('logs in again when the vendor says the session expired with another status than 401', async () => {
		server.answer(
			'/read',
			{ status: 400, body: { code: 'EXPIRED' } },
			{ status: 200, body: { ok: 'again' } },
		);
		const { items, error } = await run('read');
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: 'again' });
		expect(sent('/login')).toHaveLength(2);
		expect(store.get(credentialId).data.sessionToken).toBe('tok-1');
	});

	it('fills path parameters URL-encoded', async () => {
		server.answer('/things/a%2Fb%20c', { status: 200, body: { ok: 'found' } });
		const { items } = await run('readOne', { thingId: 'a/b c' });
		expect(items[0].json).toEqual({ ok: 'found' });
	});

	it('reports an unusable credential field before anything is sent', async () => {
		store.set(credentialId, { ...store.get(credentialId).data, baseUrl: '' });
		const { error } = await run('read');
		expect(error?.message).toBe('The Probe credential has no Base URL');
		expect(error?.description).toBe('Fill it in. Nothing was sent.');
		expect(server.requests).toHaveLength(0);
	});

	it('pairs a batch error to every input item under Continue On Fail', async () => {
		server.answer('/write', { status: 422, body: { message: 'rejected' } });
		const { items } = await run('writeAll', {}, 3, true);
		expect(items).toEqual([
			{
				json: {
					error: 'Probe refused "Probe: write all" (HTTP 422): rejected',
					description: expect.stringContaining('not retried'),
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
		expect(sent('/write')).toHaveLength(1);
	});

	it('pairs a batch output to every input item it stands for', async () => {
		server.answer('/write', { status: 200, body: { ok: 'one for all' } });
		const { items } = await run('writeAll', {}, 2);
		expect(items).toEqual([
			{ json: { ok: 'one for all' }, pairedItem: [{ item: 0 }, { item: 1 }] },
		]);
	});

	it('keeps the node error a NodeApiError naming the item', async () => {
		server.answer('/read', { status: 404, body: { message: 'gone' } });
		const { error } = await run('read', {}, 2);
		expect((error as unknown as NodeApiError).httpCode).toBe('404');
		expect(error?.message).toBe('Probe found nothing for "Probe: read" (HTTP 404): gone');
	});
});
