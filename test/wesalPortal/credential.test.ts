import { WesalPortalApi } from '../../credentials/WesalPortalApi.credentials';
import { NO_SESSION } from '../../nodes/shared/authenticate';
import {
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
} from '../../sandbox/vendors/wesalPortal';
import { testCredential } from '../harness';
import { ORGANIZATION, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Wesal Portal API credential test', () => {
	it('logs in and reads the organization', async () => {
		expect(await testCredential(fx.store, 'wesalPortalApi', fx.credentialData())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect((await fx.emulator.requests(VENDOR)).map((request) => request.path)).toEqual([
			'/auth/login',
			ORGANIZATION,
		]);
		const [login] = await fx.emulator.requests(VENDOR, { path: '/auth/login' });
		expect(login.method).toBe('POST');
		expect(login.headers['x-client-id']).toBe(WESAL_PORTAL_CLIENT_ID);
	});

	it("shows Wesal Portal's own message for a wrong password, without echoing it", async () => {
		const result = await testCredential(
			fx.store,
			'wesalPortalApi',
			fx.credentialData({ password: 'wrong-secret-123' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wesal Portal refused the login: X004 (the request is invalid): Invalid email or password (HTTP 401). Check Email, Password and Client ID.',
		});
		expect(result.message).not.toContain('wrong-secret-123');
		// A refused login is never tried again (it could lock the account).
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/login' })).toHaveLength(1);
	});

	it.each([
		[
			'an unknown client id',
			'bm90LXRoZS1jbGllbnQ=',
			'Wesal Portal refused the login: X001 (the Client ID (secret key) is unknown or expired): Unknown or invalid secret_key (HTTP 401). Check the Client ID given by Wesal support.',
		],
		[
			'a client id of another domain',
			WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
			'Wesal Portal refused the login: X002 (the Client ID (secret key) is not valid for this domain): Invalid secret_key for this domain (HTTP 403). This Client ID belongs to another domain: ask Wesal support for the one of this Base URL.',
		],
	])('explains %s with its X-code', async (_name, clientId, message) => {
		const result = await testCredential(
			fx.store,
			'wesalPortalApi',
			fx.credentialData({ clientId }),
		);
		expect(result).toEqual({ status: 'Error', message });
	});

	it('names an unusable Base URL without sending anything', async () => {
		const result = await testCredential(
			fx.store,
			'wesalPortalApi',
			fx.credentialData({ baseUrl: 'api.wesal.dev' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'Invalid "Base URL" in the Wesal Portal credential: "api.wesal.dev" is not an http(s) address',
		);
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it('fails when the API answers the test with success: false and HTTP 200', async () => {
		const id = fx.store.add({ type: 'wesalPortalApi', data: fx.credentialData() });
		await testCredential(fx.store, 'wesalPortalApi', fx.credentialData(), { id });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: ORGANIZATION,
			kind: 'status',
			status: 200,
			body: { success: false, code: 'X004', message: 'Invalid request' },
		});
		const result = await testCredential(fx.store, 'wesalPortalApi', fx.store.get(id).data, { id });
		expect(result.status).toBe('Error');
	});

	it('declares a test request and keeps the token hidden, expirable and secret', () => {
		const credential = new WesalPortalApi();
		expect(credential.test.request).toMatchObject({ url: '/queries/organization', method: 'GET' });
		const token = credential.properties.find((property) => property.name === 'accessToken');
		expect(token).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
		});
		expect(
			credential.properties.find((property) => property.name === 'password')?.typeOptions,
		).toMatchObject({ password: true });
	});

	it('sends the token as is (no "Bearer") with the client id, and keeps the request\'s own headers', async () => {
		const authenticate = new WesalPortalApi().authenticate;
		const request = await authenticate(
			{ accessToken: 'tok-1', clientId: 'cid' },
			{ url: '/x', headers: { Accept: 'application/json' } },
		);
		expect(request.headers).toEqual({
			Accept: 'application/json',
			Authorization: 'tok-1',
			'X-Client-Id': 'cid',
		});
	});

	it('sends only the client id for a request made without a session', async () => {
		const authenticate = new WesalPortalApi().authenticate;
		const request = await authenticate(
			{ accessToken: NO_SESSION, clientId: 'cid' },
			{ url: '/auth/reset', headers: { Accept: 'application/json' } },
		);
		expect(request.headers).toEqual({ Accept: 'application/json', 'X-Client-Id': 'cid' });
	});
});
