import type { SandboxHandle } from '../../sandbox/server';
import {
	WESAL_VOC_API_TOKEN,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
	WESAL_VOC_PASSWORD,
	WESAL_VOC_PHONE,
	WESAL_VOC_QUESTIONS,
} from '../../sandbox/vendors/wesalVoc';
import { call, login, loginBody, search, start, VOC } from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
	sb = await start();
});
afterAll(() => sb.close());
beforeEach(() => call(sb, 'POST', '/__control/reset'));

const CLIENT = { 'X-Client-Id': WESAL_VOC_CLIENT_ID };
const postLogin = (body: unknown, headers: Record<string, string> = CLIENT) =>
	call(sb, 'POST', `${VOC}/auth/login`, body, headers);
const stats = async () => (await call(sb, 'GET', '/__control/wesal-voc/stats')).json;
const error = (message: string) => ({ result: 'error', message });

describe('login', () => {
	it.each([
		['user password', WESAL_VOC_PASSWORD],
		['API token', WESAL_VOC_API_TOKEN],
	])('succeeds with the %s in the doc shape', async (_mode, password) => {
		const r = await postLogin(loginBody(password));
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['user', 'token', 'result']);
		expect(r.json.result).toBe('success');
		expect(r.json.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
		const user = r.json.user;
		expect(Object.keys(user)).toEqual([
			'_id',
			'uuid',
			'firstName',
			'lastName',
			'email',
			'phone',
			'role',
			'status',
			'createdAt',
			'updatedAt',
			'company',
		]);
		expect(user).toMatchObject({
			email: WESAL_VOC_EMAIL,
			phone: WESAL_VOC_PHONE,
			role: 'admin',
			status: 'active',
		});
		expect(user.company).toEqual({
			_id: WESAL_VOC_COMPANY_ID,
			name: WESAL_VOC_COMPANY_NAME,
			settings: { region: expect.any(String), questionsSchema: WESAL_VOC_QUESTIONS },
		});
	});

	it('issues a distinct token per login and counts logins', async () => {
		const a = await login(sb);
		const b = await login(sb, WESAL_VOC_API_TOKEN);
		expect(a).not.toBe(b);
		expect(await stats()).toMatchObject({ logins: 2, activeTokens: 2 });
	});

	it('requires a valid X-Client-Id', async () => {
		expect(await postLogin(loginBody(), {})).toMatchObject({
			status: 400,
			json: error('X-Client-Id header is required'),
		});
		expect(await postLogin(loginBody(), { 'X-Client-Id': 'bm9wZQ' })).toMatchObject({
			status: 401,
			json: error('Invalid client id'),
		});
	});

	it.each([
		['unknown company', { company: 'Globex' }],
		['unknown email', { email: 'who@acme.test' }],
		['unknown password', { password: 'nope' }],
	])('rejects a login with an %s (401)', async (_case, override) => {
		const r = await postLogin({ ...loginBody(), ...override });
		expect(r).toMatchObject({ status: 401, json: error('Invalid email or password') });
		expect((await stats()).failedLogins).toBe(1);
	});

	it('names the missing fields', async () => {
		const r = await postLogin({ company: WESAL_VOC_COMPANY_NAME });
		expect(r).toMatchObject({
			status: 400,
			json: error('Missing required fields: email, password'),
		});
		expect((await postLogin(undefined)).json.message).toBe(
			'Missing required fields: company, email, password',
		);
	});
});

describe('token', () => {
	it('is accepted raw or as Bearer, and rejected when wrong or missing', async () => {
		const token = await login(sb);
		expect((await search(sb, token)).status).toBe(200);
		expect((await search(sb, `Bearer ${token}`)).status).toBe(200);
		expect(await search(sb, `${token}x`)).toMatchObject({
			status: 401,
			json: error('Invalid or expired token'),
		});
		const missing = await call(sb, 'POST', `${VOC}/survey/queries/surveys`, {});
		expect(missing.status).toBe(401);
	});

	it('expires after the TTL of emulator clock', async () => {
		const token = await login(sb);
		await call(sb, 'POST', '/__control/clock', { advanceMs: 3_599_000 });
		expect((await search(sb, token)).status).toBe(200);
		await call(sb, 'POST', '/__control/clock', { advanceMs: 1_000 });
		expect(await search(sb, token)).toMatchObject({
			status: 401,
			json: error('Invalid or expired token'),
		});
		expect((await stats()).activeTokens).toBe(0);
	});

	it('follows a TTL set via config', async () => {
		await call(sb, 'POST', '/__control/wesal-voc/config', { tokenTtlMs: 1000 });
		const token = await login(sb);
		await call(sb, 'POST', '/__control/clock', { advanceMs: 1000 });
		expect((await search(sb, token)).status).toBe(401);
	});

	it('stops working after expire-tokens', async () => {
		const token = await login(sb);
		expect((await call(sb, 'POST', '/__control/wesal-voc/expire-tokens')).json).toEqual({
			expired: 1,
		});
		expect((await search(sb, token)).status).toBe(401);
	});
});

describe('logout', () => {
	it.each(['GET', 'POST'])('invalidates the token (%s)', async (method) => {
		const token = await login(sb);
		const r = await call(sb, method, `${VOC}/auth/logout`, undefined, { Authorization: token });
		expect(r).toMatchObject({
			status: 200,
			json: { result: 'success', message: 'Logged out successfully' },
		});
		expect((await search(sb, token)).status).toBe(401);
		expect(
			(await call(sb, method, `${VOC}/auth/logout`, undefined, { Authorization: token })).status,
		).toBe(401);
	});
});

describe('password reset', () => {
	const reset = (body: unknown) => call(sb, 'POST', `${VOC}/auth/reset`, body);
	const verify = (body: unknown) => call(sb, 'POST', `${VOC}/auth/verify`, body);
	const otp = async () =>
		(await call(sb, 'GET', `/__control/wesal-voc/otp?email=${WESAL_VOC_EMAIL}`)).json.otp as string;
	const verifyBody = (code: string, password = 'N3w-pass!') => ({
		companyId: WESAL_VOC_COMPANY_ID,
		method: 'email',
		email: WESAL_VOC_EMAIL,
		verifyCode: '',
		otp: code,
		password,
	});

	it('resets by email with the OTP and changes the password', async () => {
		const r = await reset({
			companyId: WESAL_VOC_COMPANY_ID,
			method: 'email',
			email: WESAL_VOC_EMAIL,
			phone: 'NO',
		});
		expect(r).toMatchObject({
			status: 200,
			json: { result: 'success', message: 'Reset done, please check your email' },
		});
		const code = await otp();
		expect(code).toMatch(/^\d{4}$/);
		expect(await verify(verifyBody(code))).toMatchObject({
			status: 200,
			json: { result: 'success', message: 'Password reset successfully' },
		});
		expect((await postLogin(loginBody())).status).toBe(401);
		expect((await postLogin(loginBody('N3w-pass!'))).status).toBe(200);
		expect((await postLogin(loginBody(WESAL_VOC_API_TOKEN))).status).toBe(200);
		expect((await verify(verifyBody(code))).status).toBe(400); // the code is single-use
	});

	it('resets by phone (local or international form)', async () => {
		const r = await reset({
			companyId: WESAL_VOC_COMPANY_ID,
			method: 'phone',
			phone: '+966500000000',
		});
		expect(r.json.message).toBe('Reset done, please check your phone');
		expect((await verify({ ...verifyBody(await otp()), method: 'phone' })).status).toBe(200);
	});

	it('rejects a wrong code', async () => {
		await reset({ companyId: WESAL_VOC_COMPANY_ID, method: 'email', email: WESAL_VOC_EMAIL });
		const wrong = String(((Number(await otp()) - 999) % 9000) + 1000);
		expect(await verify(verifyBody(wrong))).toMatchObject({
			status: 400,
			json: error('Incorrect verify code'),
		});
		expect((await postLogin(loginBody())).status).toBe(200);
	});

	it('rejects an unknown user, a bad method, a missing field and a foreign company', async () => {
		const base = { companyId: WESAL_VOC_COMPANY_ID, method: 'email' };
		expect(await reset({ ...base, email: 'who@acme.test' })).toMatchObject({
			status: 404,
			json: error('User not found'),
		});
		expect((await reset({ ...base, method: 'fax', email: WESAL_VOC_EMAIL })).status).toBe(400);
		expect((await reset({ ...base })).json).toEqual(error('email is required'));
		expect((await reset({ method: 'email', email: WESAL_VOC_EMAIL })).json).toEqual(
			error('companyId is required'),
		);
		expect(
			(await reset({ ...base, companyId: '0'.repeat(24), email: WESAL_VOC_EMAIL })).status,
		).toBe(404);
		expect((await verify({ ...verifyBody('1234'), password: undefined })).json).toEqual(
			error('password is required'),
		);
		expect((await call(sb, 'GET', '/__control/wesal-voc/otp')).status).toBe(404);
	});
});
