import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { CredentialStore, runNodeOrThrow, testCredential } from '../harness';
import { WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

describe('Welcorp API credential', () => {
	it('passes the editor test with a valid login of every role, using Basic auth', async () => {
		for (const login of ['user', 'agent', 'admin'] as const) {
			const result = await testCredential(
				new CredentialStore([WelcorpApi]),
				'welcorpApi',
				fx.credentialData(login),
			);
			expect([login, result.status]).toEqual([login, 'OK']);
		}
		// Per login: the check before first use, then the test request itself; both list one job.
		const log = await fx.requests();
		expect(log).toHaveLength(6);
		for (const request of log)
			expect(request).toMatchObject({ method: 'GET', path: '/jobs', query: { page_size: '1' } });
		expect(log[0].headers.authorization).toBe(
			`Basic ${Buffer.from('au/testuser:testpassword').toString('base64')}`,
		);
	});

	it("shows Welcorp's own message for a wrong password, without echoing it", async () => {
		const result = await testCredential(
			new CredentialStore([WelcorpApi]),
			'welcorpApi',
			fx.credentialData('user', { password: 'nope-nope' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Welcorp refused the credentials: Invalid credentials. (HTTP 401). Check Username, Password and Base URL.',
		});
		// The check is refused and never retried: nothing else is sent.
		expect(await fx.requests()).toHaveLength(1);
	});

	it('checks a new credential once, then uses it without checking again', async () => {
		const store = new CredentialStore([WelcorpApi]);
		const id = store.add({ type: 'welcorpApi', data: fx.credentialData('user') });
		const parameters = { resource: 'job', operation: 'getAll', returnAll: false, limit: 1 };
		const credentials = { welcorpApi: id };
		await runNodeOrThrow({ nodeType: Welcorp, parameters, store, credentials });
		expect(store.get(id).data.credentialsChecked).toEqual(expect.any(String));
		await runNodeOrThrow({ nodeType: Welcorp, parameters, store, credentials });
		// One check, then one request per run.
		expect(await fx.requests({ path: '/jobs' })).toHaveLength(3);
		expect(store.stats.preAuthentications).toBe(1);
	});

	it('names an unusable Base URL before sending anything', async () => {
		fx.useLogin('user', { baseUrl: 'api.welcorp.com' });
		const { error } = await fx.run({ resource: 'job', operation: 'get', jobId: '1' });
		expect(error?.message).toBe(
			'Invalid "Base URL" in the Welcorp credential: "api.welcorp.com" is not an http(s) URL',
		);
		expect(await fx.requests()).toEqual([]);
	});

	it('documents the Base URL default and keeps the password and the callback secret hidden', () => {
		const properties = new WelcorpApi().properties;
		expect(properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://api.welcorp.com/api/v1',
		);
		expect(properties.find((p) => p.name === 'password')?.typeOptions?.password).toBe(true);
		expect(properties.find((p) => p.name === 'callbackSecret')?.typeOptions?.password).toBe(true);
		expect(properties.map((p) => [p.name, p.type])).toEqual([
			['username', 'string'],
			['password', 'string'],
			['baseUrl', 'string'],
			['timeZone', 'string'],
			['callbackUrl', 'string'],
			['callbackSecret', 'string'],
			['credentialsChecked', 'hidden'],
		]);
	});
});
