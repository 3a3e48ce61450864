import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { testCredential } from '../harness';
import { WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Wesal VoC API credential test', () => {
	it('passes with a good API token and with a good user password', async () => {
		expect((await testCredential(fx.store, 'wesalVocApi', fx.credentialData())).status).toBe('OK');
		const user = fx.credentialData({
			authMode: 'userAccount',
			password: 'Pa55-word!',
			apiToken: '',
		});
		expect((await testCredential(fx.store, 'wesalVocApi', user)).status).toBe('OK');
	});

	it('fails with a clear message on a wrong password, without echoing it', async () => {
		const result = await testCredential(
			fx.store,
			'wesalVocApi',
			fx.credentialData({ authMode: 'userAccount', password: 'wrong-secret-123' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'Wesal VoC login failed: Invalid email or password (HTTP 401)',
		);
		expect(result.message).not.toContain('wrong-secret-123');
	});

	it('fails with a clear message on a wrong client id', async () => {
		const result = await testCredential(
			fx.store,
			'wesalVocApi',
			fx.credentialData({ clientId: 'bm90LXRoZS1jbGllbnQ=' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Wesal VoC login failed: Invalid client id (HTTP 401)');
	});

	it('declares a test request and keeps the token hidden and expirable', () => {
		const credential = new WesalVocApi();
		expect(credential.test.request.url).toBe('/survey/queries/surveys');
		const token = credential.properties.find((property) => property.name === 'sessionToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});
});
