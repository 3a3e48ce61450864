import type { IDataObject } from 'n8n-workflow';

import {
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_PHONE,
} from '../../sandbox/vendors/wesalPortal';
import { ORGANIZATION, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const pendingCode = async () =>
	(await fx.emulator.control<{ code: string }>('GET', 'wesal-portal/otp')).code;

describe('Account (same operations as Wesal VoC)', () => {
	it('offers Send Reset Code, Reset Password and Logout with the Wesal VoC operation values', async () => {
		const { WesalPortal } = await import('../../nodes/WesalPortal/WesalPortal.node');
		const operation = new WesalPortal().description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('account'),
		)!;
		expect(operation.options?.map((option) => (option as { value: string }).value).sort()).toEqual([
			'logout',
			'resetPassword',
			'sendResetCode',
		]);
	});

	it('sends a reset code by email and resets the password with it', async () => {
		const sent = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		expect(sent.error).toBeUndefined();
		expect(sent.items[0].json).toEqual({
			success: true,
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		const [send] = await fx.emulator.requests(VENDOR, { path: '/auth/reset' });
		expect(send.body).toEqual({ method: 'email', email: WESAL_PORTAL_EMAIL, phone: '' });
		expect(send.headers['x-client-id']).toBe(WESAL_PORTAL_CLIENT_ID);

		const code = await pendingCode();
		const reset = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			otp: code,
			newPassword: 'Brand-new-1',
		});
		expect(reset.error).toBeUndefined();
		expect(reset.items[0].json).toEqual({
			success: true,
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		expect(JSON.stringify(reset.items)).not.toContain('Brand-new-1');
		const [verify] = await fx.emulator.requests(VENDOR, { path: '/auth/verify' });
		expect(verify.body).toEqual({
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			verifyCode: code,
			otp: code,
			password: 'Brand-new-1',
		});

		// The new password works for a fresh login.
		const fresh = fx.store.add({
			type: 'wesalPortalApi',
			data: fx.credentialData({ password: 'Brand-new-1' }),
		});
		expect(
			(
				await fx.run(
					{ resource: 'organization', operation: 'get' },
					{ credentials: { wesalPortalApi: fresh } },
				)
			).error,
		).toBeUndefined();
	});

	it('sends a reset code by phone', async () => {
		const sent = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'phone',
			phone: WESAL_PORTAL_PHONE,
		});
		expect(sent.error).toBeUndefined();
		expect(await pendingCode()).toMatch(/^\d{6}$/);
		const [send] = await fx.emulator.requests(VENDOR, { path: '/auth/reset' });
		expect((send.body as IDataObject).phone).toBe(WESAL_PORTAL_PHONE);
	});

	it('reports a wrong code with the API message and code, and sends it once', async () => {
		await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		const { error } = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			otp: 'wrong',
			newPassword: 'Brand-new-1',
		});
		expect(error?.message).toBe(
			'Wesal Portal refused "Account: Reset Password" (HTTP 400): X004 (the request is invalid): Invalid verify code',
		);
		expect(error?.description).toContain('This request changes data, so it was not retried.');
		expect(await fx.emulator.requests(VENDOR, { path: '/auth/verify' })).toHaveLength(1);
	});

	it('logs out with GET auth/logout: the token stops working and the next call logs in again', async () => {
		await fx.run({ resource: 'organization', operation: 'get' });
		const { items, error } = await fx.run({ resource: 'account', operation: 'logout' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true });
		expect(
			await fx.emulator.requests(VENDOR, { method: 'GET', path: '/auth/logout' }),
		).toHaveLength(1);
		expect((await fx.stats()).activeTokens).toBe(0);

		const again = await fx.run({ resource: 'organization', operation: 'get' });
		expect(again.error).toBeUndefined();
		expect((await fx.stats()).logins).toBe(2);
		expect(
			(await fx.emulator.requests(VENDOR, { path: ORGANIZATION })).length,
		).toBeGreaterThanOrEqual(3);
	});
});

describe('password reset without a login (the doc sends it with the Client ID only)', () => {
	const resetWith = async (password: string) => {
		await fx.reset({ password });
		const sent = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		expect(sent.error).toBeUndefined();
		const reset = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			otp: await pendingCode(),
			newPassword: 'Brand-new-2',
		});
		expect(reset.error).toBeUndefined();
		expect(reset.items[0].json).toEqual({
			success: true,
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
	};

	it.each([
		['a wrong password', 'forgotten-123'],
		['an empty password', ''],
	])(
		'works with %s in the credential: only the reset calls go out, without Authorization',
		async (_name, password) => {
			await resetWith(password);
			const requests = await fx.emulator.requests(VENDOR);
			expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				'POST /auth/reset',
				'POST /auth/verify',
			]);
			for (const request of requests) {
				expect(request.headers.authorization).toBeUndefined();
				expect(request.headers['x-client-id']).toBe(WESAL_PORTAL_CLIENT_ID);
				expect(request.headers['content-type']).toMatch(/^application\/json/);
			}
			expect((await fx.stats()).logins + (await fx.stats()).failedLogins).toBe(0);
			// The credential's session field was not touched.
			expect(fx.token()).toBe('');
		},
	);

	it('leaves a working session as it is', async () => {
		await fx.run({ resource: 'organization', operation: 'get' });
		const token = fx.token();
		await fx.emulator.clearRequests();
		const sent = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'phone',
			phone: WESAL_PORTAL_PHONE,
		});
		expect(sent.error).toBeUndefined();
		const [send] = await fx.emulator.requests(VENDOR);
		expect(send.path).toBe('/auth/reset');
		expect(send.headers.authorization).toBeUndefined();
		expect(fx.token()).toBe(token);
		expect((await fx.run({ resource: 'organization', operation: 'get' })).error).toBeUndefined();
		expect((await fx.stats()).logins).toBe(1);
	});

	it('says nothing was sent when it fails before any request', async () => {
		const badEmail = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: 'not-an-address',
		});
		expect(badEmail.error?.message).toBe(
			'Invalid "Email": "not-an-address" is not an email address',
		);
		expect(badEmail.error?.description).toBe('Nothing was sent.');

		await fx.reset({ baseUrl: 'wesal.example' });
		const badUrl = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			otp: '123456',
			newPassword: 'Brand-new-3',
		});
		expect(badUrl.error?.message).toBe(
			'Invalid "Base URL" in the Wesal Portal credential: "wesal.example" is not an http(s) address',
		);
		expect(badUrl.error?.description).toContain('Nothing was sent.');
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it('says nothing was sent when the server cannot be reached', async () => {
		await fx.reset({ baseUrl: 'http://127.0.0.1:9/api/v1' });
		const { error } = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		});
		expect(error?.message).toBe(
			'Could not reach Wesal Portal for "Account: Send Reset Code": the connection was refused',
		);
		expect(error?.description).toContain('Nothing was sent, so it is safe to run again.');
	});
});
