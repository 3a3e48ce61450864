import { FixtureApi } from '../fixtures/FixtureApi.credentials';
import { FixtureHttp } from '../fixtures/FixtureHttp.node';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { CredentialStore, engineLogs, runNode, runNodeOrThrow } from './index';

let server: FixtureServer;
let store: CredentialStore;
let credentialId: string;

beforeAll(async () => {
	server = await startFixtureServer();
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	store = new CredentialStore([FixtureApi]);
	credentialId = store.add({
		type: 'fixtureApi',
		data: { baseUrl: server.url, username: 'alice', password: 's3cret-pw' },
	});
	server.requests.length = 0;
});

const run = (extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: FixtureHttp, store, credentials: { fixtureApi: credentialId }, ...extra });

describe('runNode', () => {
	it('runs the node through WorkflowExecute and returns its output items', async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: 1, name: 'first' },
			{ id: 2, name: 'second' },
		]);
		expect(result.node.type).toBe('n8n-nodes-voc.fixtureHttp');
		expect(result.runData.Input).toHaveLength(1);
	});

	it('logs in once across two executions sharing a store', async () => {
		const loginsBefore = server.logins;
		await runNodeOrThrow({
			nodeType: FixtureHttp,
			store,
			credentials: { fixtureApi: credentialId },
		});
		await runNodeOrThrow({
			nodeType: new FixtureHttp(),
			store,
			credentials: { fixtureApi: credentialId },
			parameters: { since: 1 },
		});

		expect(server.logins - loginsBefore).toBe(1);
		expect(store.stats.preAuthentications).toBe(1);
		expect(store.stats.updates).toBe(1);
		expect(store.get(credentialId).data.sessionToken).toMatch(/^session-token-/);
		expect(server.log()).toEqual(['POST /login 200', 'GET /items 200', 'GET /items 200']);
		const [, first, second] = server.requests;
		expect(first.headers.authorization).toBe(store.get(credentialId).data.sessionToken);
		expect(second.query).toEqual({ since: '1' });
	});

	it('after a 401, n8n-core logs in again once and retries the request', async () => {
		await runNodeOrThrow({
			nodeType: FixtureHttp,
			store,
			credentials: { fixtureApi: credentialId },
		});
		const firstToken = store.get(credentialId).data.sessionToken;
		server.expireSessions();
		server.requests.length = 0;
		store.resetStats();

		const items = await runNodeOrThrow({
			nodeType: FixtureHttp,
			store,
			credentials: { fixtureApi: credentialId },
		});

		expect(items).toHaveLength(2);
		expect(server.log()).toEqual(['GET /items 401', 'POST /login 200', 'GET /items 200']);
		expect(store.stats.preAuthentications).toBe(1);
		const newToken = store.get(credentialId).data.sessionToken;
		expect(newToken).not.toBe(firstToken);
		expect(server.requests[2].headers.authorization).toBe(newToken);
	});

	it('a failing request fails the node with a NodeApiError as n8n records it', async () => {
		server.failNext('/items', 500);
		const result = await run();

		expect(result.items).toEqual([]);
		// httpRequestWithAuthentication wraps every failure in NodeApiError: the message is
		// n8n's text for the status, the API's own message lands in `description`.
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'The service was not able to process your request',
			description: 'Injected failure 500',
			httpCode: '500',
		});
		server.failNext('/items', 500);
		await expect(
			runNodeOrThrow({ nodeType: FixtureHttp, store, credentials: { fixtureApi: credentialId } }),
		).rejects.toMatchObject({ httpCode: '500', description: 'Injected failure 500' });
	});

	it('continueOnFail turns the failure into error items', async () => {
		server.failNext('/items', 500);
		const result = await run({
			continueOnFail: true,
			items: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toBe('The service was not able to process your request');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.slice(1).map((item) => item.json.id)).toEqual([1, 2]);
		expect(result.node.onError).toBe('continueRegularOutput');
	});

	it('a wrong password fails after two login attempts (the 401 triggers one retry)', async () => {
		store.set(credentialId, { ...store.get(credentialId).data, password: 'wrong' });
		const result = await run();

		expect(server.log()).toEqual(['POST /login 401', 'POST /login 401']);
		expect(result.error).toMatchObject({
			httpCode: '401',
			description: 'Wrong username or password',
		});
		expect(store.stats.updates).toBe(0);
	});

	it('reports a missing credential the way n8n does', async () => {
		const result = await runNode({ nodeType: FixtureHttp, store });
		expect(result.error?.message).toBe('Node does not have any credentials set');
	});

	it('records engine logs and keeps secrets out of them', async () => {
		engineLogs().clear();
		server.failNext('/items', 500);
		await run();
		await run();

		const logs = engineLogs().text();
		expect(logs).toContain('Running node "Fixture HTTP" started');
		expect(logs).toContain('Workflow execution finished with error');
		expect(logs).not.toContain('s3cret-pw');
		expect(logs).not.toContain(store.get(credentialId).data.sessionToken as string);
	});
});
