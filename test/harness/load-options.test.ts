import { FixtureApi } from '../fixtures/FixtureApi.credentials';
import { FixtureHttp } from '../fixtures/FixtureHttp.node';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { CredentialStore, listSearch, loadOptions } from './index';

let server: FixtureServer;
let store: CredentialStore;
let credentials: Record<string, string>;

beforeAll(async () => {
	server = await startFixtureServer();
	store = new CredentialStore([FixtureApi]);
	credentials = {
		fixtureApi: store.add({
			type: 'fixtureApi',
			data: { baseUrl: server.url, username: 'alice', password: 's3cret-pw' },
		}),
	};
});

afterAll(async () => {
	await server.close();
});

describe('loadOptions / listSearch', () => {
	it('runs methods.loadOptions through a LoadOptionsContext (with preAuthentication)', async () => {
		const options = await loadOptions({
			nodeType: FixtureHttp,
			method: 'getItems',
			store,
			credentials,
		});

		expect(options).toEqual([
			{ name: 'first', value: 1 },
			{ name: 'second', value: 2 },
		]);
		expect(server.log()).toEqual(['POST /login 200', 'GET /items 200']);
	});

	it('runs methods.listSearch with a filter', async () => {
		const result = await listSearch({
			nodeType: FixtureHttp,
			method: 'searchItems',
			filter: 'sec',
			store,
			credentials,
		});

		expect(result.results).toEqual([{ name: 'second', value: 2 }]);
		expect(server.logins).toBe(1);
	});

	it('rejects unknown methods', async () => {
		await expect(
			loadOptions({ nodeType: FixtureHttp, method: 'nope', store, credentials }),
		).rejects.toThrow('no loadOptions method "nope"');
	});
});
