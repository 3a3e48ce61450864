import { WESAL_VOC_EMAIL, WESAL_VOC_QUESTIONS } from '../../sandbox/vendors/wesalVoc';
import { loadOptions } from '../harness';
import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import { VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Company → Get Question Schema', () => {
	it("returns the account's questions from the login answer", async () => {
		const { items, error } = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(
			WESAL_VOC_QUESTIONS.map((question) => question.id),
		);
		expect(items[0].json).toMatchObject({
			name: WESAL_VOC_QUESTIONS[0].name,
			minAnswer: WESAL_VOC_QUESTIONS[0].minAnswer,
		});
		expect((await fx.stats()).logins).toBe(1);
	});

	it('offers the questions in the answer-filter dropdown', async () => {
		const options = await loadOptions({
			nodeType: WesalVoc,
			method: 'getQuestions',
			parameters: { resource: 'survey', operation: 'getAll' },
			store: fx.store,
			credentials: { wesalVocApi: fx.credentialId },
		});
		expect(options.map((option) => option.value)).toEqual(
			WESAL_VOC_QUESTIONS.map((question) => question.id),
		);
		expect(options[0].name).toBe(WESAL_VOC_QUESTIONS[0].name);
	});
});

describe('Account', () => {
	it('sends a reset code and resets the password with it', async () => {
		const sent = await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_VOC_EMAIL,
		});
		expect(sent.error).toBeUndefined();
		expect(sent.items[0].json).toMatchObject({
			result: 'success',
			method: 'email',
			email: WESAL_VOC_EMAIL,
		});
		const { otp } = await fx.emulator.control<{ otp: string }>(
			'GET',
			`wesal-voc/otp?email=${encodeURIComponent(WESAL_VOC_EMAIL)}`,
		);

		const reset = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_VOC_EMAIL,
			otp,
			newPassword: 'Brand-new-1',
		});
		expect(reset.error).toBeUndefined();
		expect(reset.items[0].json).toMatchObject({
			result: 'success',
			message: 'Password reset successfully',
		});
		expect(JSON.stringify(reset.items)).not.toContain('Brand-new-1');
		const body = (await fx.emulator.requests(VENDOR, { path: '/auth/verify' }))[0].body as Record<
			string,
			string
		>;
		expect(body).toMatchObject({
			method: 'email',
			email: WESAL_VOC_EMAIL,
			otp,
			password: 'Brand-new-1',
		});
		expect(typeof body.companyId).toBe('string');

		// The new password now works for a user-account login.
		const userAccount = fx.store.add({
			type: 'wesalVocApi',
			data: fx.credentialData({ authMode: 'userAccount', password: 'Brand-new-1' }),
		});
		const login = await fx.run(
			{ resource: 'company', operation: 'getQuestionSchema' },
			{ credentials: { wesalVocApi: userAccount } },
		);
		expect(login.error).toBeUndefined();
	});

	it('reports a wrong code with the API message', async () => {
		await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_VOC_EMAIL,
		});
		const { error } = await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_VOC_EMAIL,
			otp: '0000x',
			newPassword: 'Brand-new-1',
		});
		expect(error?.message).toBe(
			'Wesal VoC Account: Reset Password failed: HTTP 400 – Incorrect verify code',
		);
	});

	it('logs out: the token stops working and the next call logs in again', async () => {
		const { items, error } = await fx.run({ resource: 'account', operation: 'logout' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ result: 'success' });
		expect((await fx.stats()).activeTokens).toBe(0);
		const again = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(again.error).toBeUndefined();
		const next = await fx.run({
			resource: 'survey',
			operation: 'getAll',
			startDate: '2020-01-01T00:00:00Z',
			endDate: '2020-01-02T00:00:00Z',
			returnAll: true,
		});
		expect(next.error).toBeUndefined();
		expect((await fx.stats()).logins).toBe(2);
	});
});
