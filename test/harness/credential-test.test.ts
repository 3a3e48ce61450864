import { FixtureApi } from '../fixtures/FixtureApi.credentials';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { CredentialStore, testCredential } from './index';

let server: FixtureServer;
let store: CredentialStore;

beforeEach(async () => {
	server = await startFixtureServer();
	store = new CredentialStore([FixtureApi]);
});

afterEach(async () => {
	await server.close();
});

describe('testCredential', () => {
	it('logs in (preAuthentication) and runs the test request', async () => {
		const result = await testCredential(store, 'fixtureApi', {
			baseUrl: server.url,
			username: 'alice',
			password: 's3cret-pw',
		});

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.log()).toEqual(['POST /login 200', 'GET /me 200']);
		// The credential was saved first, so the session token was persisted.
		expect(store.stats.updates).toBe(1);
	});

	// With n8n-workflow 1.120 the NodeApiError carries no `cause`, so the tester cannot see the
	// HTTP status: it answers with the NodeApiError message (n8n 2.x answers the status text).
	it('reports a wrong password with the NodeApiError message', async () => {
		const result = await testCredential(store, 'fixtureApi', {
			baseUrl: server.url,
			username: 'alice',
			password: 'wrong',
		});

		expect(result).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		expect(server.log()).toEqual(['POST /login 401', 'POST /login 401']);
	});

	it('applies responseSuccessBody rules', async () => {
		server.disableAccount();
		const result = await testCredential(store, 'fixtureApi', {
			baseUrl: server.url,
			username: 'alice',
			password: 's3cret-pw',
		});

		expect(result).toEqual({ status: 'Error', message: 'This account is disabled' });
	});

	it('reports connection errors', async () => {
		const result = await testCredential(store, 'fixtureApi', {
			baseUrl: 'http://127.0.0.1:1',
			username: 'alice',
			password: 's3cret-pw',
		});

		expect(result).toEqual({
			status: 'Error',
			message: 'The service refused the connection - perhaps it is offline',
		});
	});
});
