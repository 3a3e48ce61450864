import { WESAL_VOC_COMPANY_ID } from '../../sandbox/vendors/wesalVoc';
import { testCredential } from '../harness';
import { WesalVocFixture } from './fixture';

/** The login answer and the account answers, checked as the doc describes them. */
let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const NOT_ACCEPTED = 'Wesal VoC did not accept the login: ';
const CHECK = 'Check Company, Email, Client ID and the API Token.';
const company = { _id: WESAL_VOC_COMPANY_ID, settings: { questionsSchema: [] } };

describe('the login answer', () => {
	it.each([
		[
			'without a token',
			{ result: 'success', user: { company } },
			'the login answer has no token at "token"',
		],
		[
			'with an empty token',
			{ token: '', result: 'success', user: { company } },
			'the login answer has no token at "token"',
		],
		[
			'with a user that is text',
			{ token: 'jwt', user: 'Nourah' },
			'Expected object, received string at "user"',
		],
		[
			'with a company that is text',
			{ token: 'jwt', user: { company: 'Acme' } },
			'Expected object, received string at "user.company"',
		],
		[
			'with a company id that is an object',
			{ token: 'jwt', user: { company: { _id: {} } } },
			'Invalid input at "user.company._id"',
		],
		[
			'with a question schema that is not a list',
			{ token: 'jwt', user: { company: { ...company, settings: { questionsSchema: 'NPS' } } } },
			'Expected array, received string at "user.company.settings.questionsSchema"',
		],
	])('is refused %s in the credential test, before any search', async (_name, body, said) => {
		await fx.answerLogin(body);
		const result = await testCredential(fx.store, 'wesalVocApi', fx.credentialData());
		expect(result).toEqual({ status: 'Error', message: `${NOT_ACCEPTED}${said}. ${CHECK}` });
		expect(await fx.searches()).toEqual([]);
	});

	it('with an empty token says so in a node too, before any search', async () => {
		await fx.answerLogin({ token: '', result: 'success', user: { company } });
		const { error } = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(error?.message).toBe(
			`${NOT_ACCEPTED}the login answer has no token at "token". ${CHECK}`,
		);
		expect(await fx.searches()).toEqual([]);
	});

	it("reads the company's question ids and names as text and their ranges as numbers", async () => {
		// A real token, so that the search after this login answer is served.
		await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		const session = fx.store.get(fx.credentialId).data;
		const question = { id: 7, name: 1234, type: 'rating', minAnswer: '1', maxAnswer: ' 5 ' };
		await fx.answerLogin({
			token: session.sessionToken,
			result: 'success',
			user: { company: { _id: WESAL_VOC_COMPANY_ID, settings: { questionsSchema: [question] } } },
		});
		fx.store.set(fx.credentialId, { ...session, sessionToken: '', questionsSchema: '' });
		const { items, error } = await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ id: '7', name: '1234', type: 'rating', minAnswer: 1, maxAnswer: 5 },
		]);
	});
});

describe('the answer of an account call', () => {
	it.each([
		['a result that is a number', { result: 1, message: 'sent' }, 'result'],
		['a message that is an object', { result: 'success', message: { text: 'sent' } }, 'message'],
	])('is refused with %s', async (_name, body, where) => {
		const { error } = await fx.sendResetCodeAnswered(200, body);
		expect(error?.message).toBe(
			'Wesal VoC answered "Account: Send Reset Code" in an unexpected shape (HTTP 200)',
		);
		expect(error?.description).toContain(`at "${where}"`);
	});
});
