import { DIST1_USERS } from '../../sandbox/vendors/welcorp';
import { LOGINS, WelcorpFixture } from './fixture';

/** The emulator on its own: users, roles and the 2FA calls. */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

describe('users', () => {
	it('pages the distributor users for an admin, with the doc total and links', async () => {
		const { json } = await fx.api('GET', '/users', 'admin');
		expect(json).toMatchObject({
			current_page: 1,
			per_page: 10,
			total: DIST1_USERS,
			last_page: Math.ceil(DIST1_USERS / 10),
			next_page_url: `${fx.baseUrl}/users?page=2`,
		});
		expect(json.data[0]).toEqual(
			expect.objectContaining({
				user_id: expect.any(Number),
				company: expect.objectContaining({ company_id: expect.any(Number) }),
			}),
		);
	});

	it('shows a plain user only themselves, without the paging block', async () => {
		const { json } = await fx.api('GET', '/users?user_code=admin');
		expect(Object.keys(json)).toEqual(['status', 'data']);
		expect(json.data.user_code).toBe(LOGINS.user.user_code);
	});

	it('matches user codes partially, case-insensitively', async () => {
		const { json } = await fx.api('GET', '/users?user_code=JON&page_size=100', 'admin');
		expect(json.total).toBeGreaterThan(0);
		for (const row of json.data) expect(row.user_code.toLowerCase()).toContain('jon');
	});

	it('creates and updates users with the documented rules', async () => {
		const body = {
			user_code: 'au/mytestuser',
			password: 'Test Password',
			first_name: 'Jane',
			last_name: 'Smith',
			email: 'jsmith@test.com',
			account_type: 'Acct',
			agree_spam_policy: true,
			company: { name: 'test company', abn: '123456789' },
		};
		const created = await fx.api('POST', '/users', 'agent', body);
		expect(created).toEqual({ status: 200, json: { status: 200, data: expect.any(Number) } });
		const fetched = (await fx.api('GET', `/users/${created.json.data}`, 'agent')).json.data;
		expect(fetched).toMatchObject({
			agent_id: LOGINS.agent.user_id,
			user_code: 'au/mytestuser',
			company: { name: 'test company', agent_id: LOGINS.agent.user_id },
		});
		expect(await fx.api('POST', '/users', 'admin', body)).toEqual({
			status: 422,
			json: { status: 422, errors: 'Validation failed: The user_code has already been taken.' },
		});
		expect(
			(
				await fx.api('POST', '/users', 'admin', {
					...body,
					user_code: 'au/other',
					company: undefined,
				})
			).json.errors,
		).toBe('Validation failed: The company field is required when company id is not present.');
		expect(
			(await fx.api('POST', '/users', 'user', { ...body, user_code: 'au/third' })).status,
		).toBe(403);
		const updated = await fx.api('PUT', `/users/${created.json.data}`, 'agent', {
			email: 'mynewemail@test.com',
			phone: '6876765654',
		});
		expect(updated.json).toEqual({ status: 200, data: created.json.data });
		expect(
			(await fx.api('PUT', `/users/${created.json.data}`, 'otherAgent', { phone: '1' })).status,
		).toBe(403);
		expect((await fx.api('PUT', '/users/999999', 'admin', { phone: '1' })).status).toBe(404);
		// The new password works for Basic auth.
		await fx.api('PUT', `/users/${created.json.data}`, 'agent', { password: 'Brand new pw' });
		const login = await fetch(`${fx.baseUrl}/jobs`, {
			headers: {
				authorization: `Basic ${Buffer.from('au/mytestuser:Brand new pw').toString('base64')}`,
			},
		});
		expect(login.status).toBe(200);
	});
});

describe('2FA', () => {
	it('takes the GET query form and the POST JSON form', async () => {
		const query =
			'client_ref=user-123&message_type=sms&message_destination=61987654321&message_template=Your+test+company+auth+no.+is+[[code]]';
		expect((await fx.api('GET', `/client_verification/sendCode?${query}`)).json).toEqual({
			status: 200,
			data: 'message sent',
		});
		const [{ code }] = await fx.emulator.control<Array<{ code: string }>>(
			'GET',
			'welcorp/codes?client_ref=user-123',
		);
		expect(
			(
				await fx.api(
					'GET',
					`/client_verification/validateCode?client_ref=user-123&entered_code=${code}`,
				)
			).json,
		).toEqual({ status: 200, data: 'valid' });
		expect(
			(
				await fx.api('POST', '/client_verification/validateCode', 'user', {
					client_ref: 'user-123',
					entered_code: '99999x',
				})
			).json,
		).toEqual({ status: 200, data: 'invalid' });
	});

	it('answers errors as an array of messages', async () => {
		const answer = await fx.api('POST', '/client_verification/sendCode', 'user', {
			client_ref: 'r',
			message_type: 'fax',
			message_destination: '61987654321',
		});
		expect(answer).toEqual({
			status: 422,
			json: {
				status: 422,
				errors: [
					'The selected message type is invalid.',
					'The company name field is required when message template is not present.',
				],
			},
		});
		const window = await fx.api('POST', '/client_verification/validateCode', 'user', {
			client_ref: 'r',
			entered_code: '1',
			validation_window: 121,
		});
		expect(window.json.errors).toEqual(['The validation window must be between 1 and 120.']);
	});
});
