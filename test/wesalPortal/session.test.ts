import { WESAL_PORTAL_EMAIL } from '../../sandbox/vendors/wesalPortal';
import { ORGANIZATION, SEARCH, surveyParameters, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const organization = { resource: 'organization', operation: 'get' };

async function loggedIn(): Promise<string> {
	const { error } = await fx.run(organization);
	expect(error).toBeUndefined();
	const token = fx.token();
	expect(token).not.toBe('');
	await fx.emulator.clearRequests();
	return token;
}

describe('login and token reuse', () => {
	it('logs in once with X-Client-Id, keeps the token in the credential and reuses it', async () => {
		const token = await loggedIn();
		await fx.run(organization);
		await fx.run(surveyParameters('2025-11-14T00:00:00Z', '2025-11-14T01:00:00Z'));
		expect((await fx.stats()).logins).toBe(1);
		const logins = await fx.emulator.requests(VENDOR, { path: '/auth/login' });
		expect(logins).toHaveLength(0);
		expect(fx.token()).toBe(token);
	});
});

describe.each([
	[401, 'HTTP 401 (the default)'],
	[400, 'HTTP 400'],
	[200, 'HTTP 200 with success: false'],
])('an expired token answered with X003 and %s', (status) => {
	beforeEach(async () => await fx.config({ tokenErrorStatus: status }));

	it('logs in again, saves the new token and repeats the request once', async () => {
		const old = await loggedIn();
		await fx.expireTokens();
		const { items, error } = await fx.run(organization);
		expect(error).toBeUndefined();
		expect(items[0].json).toHaveProperty('companyId');
		expect((await fx.stats()).logins).toBe(2);
		expect(fx.token()).not.toBe(old);
		const calls = (await fx.emulator.requests(VENDOR)).map(
			(request) => `${request.method} ${request.path}`,
		);
		const expected =
			status === 401
				? // n8n's own 401 path: the answer is read once more without ignoring the status, then renewed.
					[`GET ${ORGANIZATION}`, `GET ${ORGANIZATION}`, 'POST /auth/login', `GET ${ORGANIZATION}`]
				: [`GET ${ORGANIZATION}`, 'POST /auth/login', `GET ${ORGANIZATION}`];
		expect(calls).toEqual(expected);

		// The renewed token is the one saved: the next run needs no login.
		await fx.run(organization);
		expect((await fx.stats()).logins).toBe(2);
	});

	it('renews in the middle of paging and still returns every survey', async () => {
		await loggedIn();
		const expected = await fx.truthIds({
			startTime: '2025-11-10T00:00:00',
			endTime: '2025-11-15T00:00:00',
		});
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status,
			body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
			// With 401 the shared request first reads the answer again as is; only a second 401 makes n8n renew.
			count: status === 401 ? 2 : 1,
		});
		const { items, error } = await fx.run(
			surveyParameters('2025-11-10T00:00:00Z', '2025-11-15T00:00:00Z', { output: 'raw' }),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(expected.ids);
		expect((await fx.stats()).logins).toBe(2);
	});

	it('renews before a write too (the API refused it, so sending it again is safe)', async () => {
		await loggedIn();
		await fx.expireTokens();
		const { error } = await fx.run({ resource: 'account', operation: 'logout' });
		expect(error).toBeUndefined();
		expect((await fx.stats()).logouts).toBe(1);
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/logout' })).toHaveLength(
			status === 401 ? 3 : 2,
		);
	});

	it('fails with a clear login error when the password no longer works, without looping', async () => {
		await loggedIn();
		await fx.expireTokens();
		fx.store.set(fx.credentialId, {
			...fx.store.get(fx.credentialId).data,
			password: 'not-the-password',
		});
		const { error } = await fx.run(organization);
		expect(error?.message).toBe(
			'Wesal Portal refused the login: X004 (the request is invalid): Invalid email or password (HTTP 401). Check Email, Password and Client ID.',
		);
		expect(error?.description).toBe(
			'Correct the "Wesal Portal API" credential, then run this again.',
		);
		expect(error?.message).not.toContain('not-the-password');
		const logins = await fx.emulator.requests(VENDOR, { path: '/auth/login' });
		expect(logins.length).toBeGreaterThanOrEqual(1);
		expect(logins.length).toBeLessThanOrEqual(2);
	});

	it('reports X003 clearly when even a fresh token is refused', async () => {
		await loggedIn();
		await fx.emulator.fault({
			vendor: VENDOR,
			path: ORGANIZATION,
			kind: 'status',
			status,
			body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
			count: 5,
		});
		const { error } = await fx.run(organization);
		const said = {
			401: 'did not accept the credential for "Organization: Get" (HTTP 401)',
			400: 'refused "Organization: Get" (HTTP 400)',
			200: 'refused "Organization: Get"',
		}[status];
		expect(error?.message).toBe(
			`Wesal Portal ${said}: X003 (the user token is unknown or expired): Unknown or invalid user token`,
		);
		expect((await fx.stats()).logins).toBeLessThanOrEqual(3);
	});
});

describe('X003 answers without a stored token', () => {
	it('a brand-new credential logs in before its first request', async () => {
		await fx.run(organization);
		const calls = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		expect(calls).toEqual(['/auth/login', ORGANIZATION]);
		const [login] = await fx.emulator.requests(VENDOR, { path: '/auth/login' });
		expect(login.body).toEqual({ email: WESAL_PORTAL_EMAIL, password: expect.any(String) });
	});
});
