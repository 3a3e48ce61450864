import type { INodeParameters } from 'n8n-workflow';

import { DIST1_USERS } from '../../sandbox/vendors/welcorp';
import { LOGINS, WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset('admin'));

const user = (operation: string, extra: INodeParameters = {}) => ({
	resource: 'user',
	operation,
	...(operation.startsWith('get') ? { output: 'raw' } : {}),
	...extra,
});

describe('User → Get Many', () => {
	it('gives an admin every user of the distributor, all pages', async () => {
		const { items } = await fx.run(user('getAll', { returnAll: true }));
		expect(items).toHaveLength(DIST1_USERS);
		const truth = (await fx.accounts())
			.filter((a) => a.dist_id === 1)
			.map((a) => a.user_id)
			.sort((a, b) => a - b);
		expect(items.map((item) => item.json.user_id)).toEqual(truth);
		expect(items[0].json.company).toEqual(
			expect.objectContaining({ company_id: expect.any(Number), name: expect.any(String) }),
		);
		// 457 users: 5 pages of 100.
		expect(await fx.requests()).toHaveLength(5);
	});

	it('matches the user code partially and stops at the limit', async () => {
		const { items } = await fx.run(
			user('getAll', { returnAll: true, filters: { userCode: 'jon' } }),
		);
		const truth = (await fx.accounts()).filter(
			(a) => a.dist_id === 1 && a.username.includes('jon'),
		);
		expect(truth.length).toBeGreaterThan(5);
		expect(items.map((item) => item.json.user_code)).toEqual(truth.map((a) => a.username));
		const limited = await fx.run(user('getAll', { returnAll: false, limit: 3 }));
		expect(limited.items).toHaveLength(3);
	});

	it('gives an agent the linked users and a plain user only themselves', async () => {
		fx.useLogin('agent');
		const { items } = await fx.run(user('getAll', { returnAll: true }));
		const linked = (await fx.accounts()).filter(
			(a) => a.agent_id === LOGINS.agent.user_id || a.user_id === LOGINS.agent.user_id,
		);
		expect(items.map((item) => item.json.user_id)).toEqual(
			linked.map((a) => a.user_id).sort((a, b) => a - b),
		);

		fx.useLogin('user');
		const self = await fx.run(user('getAll', { returnAll: true }));
		expect(self.items.map((item) => item.json.user_code)).toEqual([LOGINS.user.user_code]);
		const filtered = await fx.run(
			user('getAll', { returnAll: true, filters: { userCode: 'nobody' } }),
		);
		expect(filtered.items).toEqual([]);
	});
});

describe('User → Get', () => {
	it('returns the user with the company, as the emulator holds it', async () => {
		const { items } = await fx.run(
			user('get', { userId: { mode: 'id', value: String(LOGINS.user.user_id) } }),
		);
		expect(items[0].json).toEqual(
			(await fx.api('GET', `/users/${LOGINS.user.user_id}`, 'admin')).json.data,
		);
		expect(items[0].json).toMatchObject({
			user_code: 'au/testuser',
			company: { name: 'Generic Computer Corp' },
		});
	});

	it('passes on Permission denied for a user outside the distributor', async () => {
		const { error } = await fx.run(user('get', { userId: '3000' }));
		expect(error?.message).toBe(
			'Welcorp did not accept the credential for "User: Get" (HTTP 403): Permission denied',
		);
	});
});

describe('User → Create and Update', () => {
	it('creates a user with a new company and never outputs the password', async () => {
		const { items } = await fx.run(
			user('create', {
				userCode: 'au/newbie',
				password: 'S3cret-pass',
				firstName: 'Nia',
				lastName: 'Lee',
				email: 'nia@example.com',
				companyMode: 'new',
				companyName: 'Test Company',
				companyDetails: { abn: '123456789', state: 'NSW' },
				additionalFields: { mobile: '6123456789', accountType: 'Acct', agreeSpamPolicy: true },
			}),
		);
		const [post] = await fx.requests({ method: 'POST', path: '/users' });
		expect(post.body).toEqual({
			user_code: 'au/newbie',
			first_name: 'Nia',
			last_name: 'Lee',
			email: 'nia@example.com',
			mobile: '6123456789',
			account_type: 'Acct',
			agree_spam_policy: true,
			password: 'S3cret-pass',
			company: { name: 'Test Company', abn: '123456789', state: 'NSW' },
		});
		expect(items[0].json).toEqual({ user_id: expect.any(Number), status: 200 });
		expect(JSON.stringify(items)).not.toContain('S3cret-pass');
		const created = await fx.api('GET', `/users/${items[0].json.user_id}`, 'admin');
		expect(created.json.data).toMatchObject({
			user_code: 'au/newbie',
			company: { name: 'Test Company', abn: '123456789' },
		});
	});

	it('joins an existing company and reports a taken user code as Welcorp words it', async () => {
		const ok = await fx.run(
			user('create', {
				userCode: 'au/joiner',
				password: 'pass-word',
				firstName: 'J',
				lastName: 'K',
				email: 'j@k.co',
				companyMode: 'existing',
				companyId: { mode: 'list', value: '1', cachedResultName: 'Generic Computer Corp (1)' },
			}),
		);
		expect(
			(await fx.api('GET', `/users/${ok.items[0].json.user_id}`, 'admin')).json.data.company_id,
		).toBe(1);
		const taken = await fx.run(
			user('create', {
				userCode: 'au/testuser',
				password: 'pass-word',
				firstName: 'J',
				lastName: 'K',
				email: 'j@k.co',
				companyMode: 'existing',
				companyId: 1,
			}),
		);
		expect(taken.error?.message).toBe(
			'Welcorp refused "User: Create" (HTTP 422): Validation failed: The user_code has already been taken.',
		);
		expect(await fx.requests({ method: 'POST', path: '/users' })).toHaveLength(2);
	});

	it('moves a user to another company chosen by ID', async () => {
		const { items } = await fx.run(
			user('update', {
				userId: { mode: 'list', value: '100' },
				updateFields: { companyId: { mode: 'id', value: '3' } },
			}),
		);
		expect(items[0].json).toEqual({ user_id: 100, status: 200 });
		const [put] = await fx.requests({ method: 'PUT' });
		expect(put).toMatchObject({ path: '/users/100', body: { company_id: 3 } });
		expect((await fx.api('GET', '/users/100', 'admin')).json.data.company_id).toBe(3);
		const refused = await fx.run(
			user('update', { userId: '100', updateFields: { companyId: { mode: 'id', value: 'x' } } }),
		);
		expect(refused.error?.message).toBe(
			'Invalid "Company ID": "x" is not a whole number, e.g. 456',
		);
		expect(await fx.requests({ method: 'PUT' })).toHaveLength(1);
	});

	it('updates only the fields given, with PUT', async () => {
		const { items } = await fx.run(
			user('update', {
				userId: String(LOGINS.user.user_id),
				updateFields: { email: 'mynewemail@test.com', phone: '6876765654' },
			}),
		);
		const [put] = await fx.requests({ method: 'PUT' });
		expect(put).toMatchObject({
			path: `/users/${LOGINS.user.user_id}`,
			body: { email: 'mynewemail@test.com', phone: '6876765654' },
		});
		expect(items[0].json).toEqual({ user_id: LOGINS.user.user_id, status: 200 });
		expect((await fx.api('GET', `/users/${LOGINS.user.user_id}`, 'admin')).json.data).toMatchObject(
			{ email: 'mynewemail@test.com', phone: '6876765654' },
		);
	});

	it('checks input before any request', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[
				user('update', { userId: '421', updateFields: {} }),
				'Invalid "Update Fields": add at least one field to change',
			],
			[
				user('update', { userId: 'x1', updateFields: { phone: '1' } }),
				'Invalid "User ID": "x1" is not a whole number, e.g. 421',
			],
			[
				user('update', { userId: '421', updateFields: { email: 'not-mail' } }),
				'Invalid "Email": "not-mail" is not an email address',
			],
			[
				user('create', {
					userCode: 'au/a b',
					password: 'p',
					firstName: 'a',
					lastName: 'b',
					email: 'a@b.co',
					companyName: 'C',
				}),
				'Invalid "User Code": "au/a b" must not contain spaces',
			],
			[
				user('create', {
					userCode: 'au/ab',
					password: 'p',
					firstName: 'a',
					lastName: 'b',
					email: 'a@b.co',
					companyName: '={{ "" }}',
				}),
				'Invalid "Company Name": it is required for a new company',
			],
		];
		for (const [parameters, message] of cases)
			expect((await fx.run(parameters)).error?.message).toBe(message);
		expect(await fx.requests()).toEqual([]);
	});

	it('is refused to a plain user, and never retried', async () => {
		fx.useLogin('user');
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'PUT',
			path: `/users/${LOGINS.user.user_id}`,
			kind: 'status',
			status: 502,
		});
		const update = await fx.run(
			user('update', {
				userId: String(LOGINS.user.user_id),
				updateFields: { phone: '0300000000' },
			}),
		);
		expect(update.error?.message).toContain('HTTP 502');
		expect(await fx.requests({ method: 'PUT' })).toHaveLength(1);
		const create = await fx.run(
			user('create', {
				userCode: 'au/x',
				password: 'pass-word',
				firstName: 'a',
				lastName: 'b',
				email: 'a@b.co',
				companyName: 'C',
			}),
		);
		expect(create.error?.message).toBe(
			'Welcorp did not accept the credential for "User: Create" (HTTP 403): Permission denied',
		);
	});
});
