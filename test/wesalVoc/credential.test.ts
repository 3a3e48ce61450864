import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { NO_SESSION } from '../../nodes/shared/authenticate';
import { WESAL_VOC_CLIENT_ID, WESAL_VOC_PASSWORD } from '../../sandbox/vendors/wesalVoc';
import { testCredential } from '../harness';
import { VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Wesal VoC API credential test', () => {
	it('passes with a good API token and with a good user password', async () => {
		expect((await testCredential(fx.store, 'wesalVocApi', fx.credentialData())).status).toBe('OK');
		const user = fx.credentialData({
			authMode: 'userAccount',
			password: WESAL_VOC_PASSWORD,
			apiToken: '',
		});
		expect((await testCredential(fx.store, 'wesalVocApi', user)).status).toBe('OK');
		const logins = await fx.emulator.requests(VENDOR, { path: '/auth/login' });
		expect(logins.map((request) => request.method)).toEqual(['POST', 'POST']);
		expect(logins[0].headers['x-client-id']).toBe(WESAL_VOC_CLIENT_ID);
	});

	it('names the Password for a refused user-account login, without echoing it', async () => {
		const result = await testCredential(
			fx.store,
			'wesalVocApi',
			fx.credentialData({ authMode: 'userAccount', password: 'wrong-secret-123' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wesal VoC refused the login: Invalid email or password (HTTP 401). Check Company, Email, Client ID and the Password.',
		});
	});

	it('names the API Token for a refused API-token login, without echoing it', async () => {
		const result = await testCredential(
			fx.store,
			'wesalVocApi',
			fx.credentialData({ authMode: 'apiToken', apiToken: 'wrong-token-123' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wesal VoC refused the login: Invalid email or password (HTTP 401). Check Company, Email, Client ID and the API Token.',
		});
	});

	it('fails with a clear message on a wrong client id', async () => {
		const result = await testCredential(
			fx.store,
			'wesalVocApi',
			fx.credentialData({ clientId: 'bm90LXRoZS1jbGllbnQ=' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wesal VoC refused the login: Invalid client id (HTTP 401). Check Company, Email, Client ID and the API Token.',
		});
	});

	it('shows the same message in a node, once, without retrying the login', async () => {
		await fx.reset({ authMode: 'userAccount', password: 'wrong-secret-123' });
		const { error } = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(error?.message).toBe(
			'Wesal VoC refused the login: Invalid email or password (HTTP 401). Check Company, Email, Client ID and the Password.',
		);
		expect(error?.description).toBe('Correct the "Wesal VoC API" credential, then run this again.');
		expect((await fx.stats()).failedLogins).toBe(1);
	});

	it('reads the login and test calls from the endpoint table, and keeps the token hidden and expirable', () => {
		const credential = new WesalVocApi();
		expect(credential.test.request).toMatchObject({
			url: '/survey/queries/surveys',
			method: 'POST',
		});
		const token = credential.properties.find((property) => property.name === 'sessionToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});

	it('adds the session to requests, and nothing of it to requests sent without one', async () => {
		const credential = new WesalVocApi();
		const data = {
			clientId: 'Y2xpZW50',
			companyId: 'c-1',
			sessionToken: 'jwt-1',
		};
		const withSession = await credential.authenticate(data, {
			url: '/survey/queries/surveys',
			body: { page: 1 },
		});
		expect(withSession.headers).toEqual({ Authorization: 'jwt-1', 'X-Client-Id': 'Y2xpZW50' });
		expect(withSession.body).toEqual({ page: 1, companyId: 'c-1' });

		// What the shared call puts in the token field for a request the doc sends without a login.
		const without = await credential.authenticate(
			{ ...data, sessionToken: NO_SESSION },
			{ url: '/auth/reset', body: { method: 'email' } },
		);
		expect(without.headers).toBeUndefined();
		expect(without.body).toEqual({ method: 'email' });
	});
});
