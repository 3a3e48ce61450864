import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { CredentialStore, testCredential } from '../harness';
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
		const [first] = await fx.requests();
		expect(first).toMatchObject({ method: 'GET', path: '/jobs', query: { page_size: '1' } });
		expect(first.headers.authorization).toBe(
			`Basic ${Buffer.from('au/testuser:testpassword').toString('base64')}`,
		);
	});

	it('fails the test with a wrong password', async () => {
		const result = await testCredential(
			new CredentialStore([WelcorpApi]),
			'welcorpApi',
			fx.credentialData('user', { password: 'nope-nope' }),
		);
		expect(result.status).toBe('Error');
	});

	it('documents the Base URL default and keeps the password hidden', () => {
		const properties = new WelcorpApi().properties;
		expect(properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://api.welcorp.com/api/v1',
		);
		expect(properties.find((p) => p.name === 'password')?.typeOptions?.password).toBe(true);
	});
});
