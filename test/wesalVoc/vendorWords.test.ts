import { testCredential } from '../harness';
import { SEND_RESET_CODE, VENDOR, WesalVocFixture } from './fixture';

/** What the user reads when Wesal VoC says no, in Wesal VoC's own words. */
let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe("Wesal VoC's error message", () => {
	it.each([
		['message', { message: 'Unknown company' }, 'Unknown company'],
		['error', { error: 'Unknown company' }, 'Unknown company'],
		['errors', { errors: ['Unknown company', 'Ask support'] }, 'Unknown company; Ask support'],
	])('is read from "%s" into the error the user sees', async (_key, body, said) => {
		const { error } = await fx.sendResetCodeAnswered(404, body);
		expect(error?.message).toBe(
			`Wesal VoC found nothing for "Account: Send Reset Code" (HTTP 404): ${said}`,
		);
	});
});

describe('an answer that says result "error" with HTTP 200', () => {
	it.each([
		['with its message', { result: 'error', message: 'Too many codes' }, ': Too many codes'],
		['without a message', { result: 'error' }, ': the answer says result "error"'],
	])('fails the call, %s', async (_name, body, said) => {
		const { error, items } = await fx.sendResetCodeAnswered(200, body);
		expect(error?.message).toBe(`Wesal VoC refused "Account: Send Reset Code"${said}`);
		expect(items).toEqual([]);
	});

	it.each([
		['with its message', { result: 'error', message: 'Account locked' }, ': Account locked'],
		['without a message', { result: 'error' }, ': the answer says result "error"'],
	])('refuses a login answered that way, %s', async (_name, body, said) => {
		await fx.answerLogin(body);
		expect(await testCredential(fx.store, 'wesalVocApi', fx.credentialData())).toEqual({
			status: 'Error',
			message: `Wesal VoC refused the login${said} (HTTP 200). Check Company, Email, Client ID and the API Token.`,
		});
	});

	// Read as no result at all, so not a failure the answer reports, but not the documented shape.
	it('takes an answer that is JSON null for an answer of an unexpected shape', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: '/auth/reset',
			kind: 'html',
			status: 200,
			body: 'null',
			headers: { 'content-type': 'application/json' },
		});
		const { error } = await fx.run(SEND_RESET_CODE);
		expect(error?.message).toBe(
			'Wesal VoC answered "Account: Send Reset Code" in an unexpected shape (HTTP 200)',
		);
		expect(error?.description).toContain('(Expected object, received null)');
	});
});

describe('a Base URL that is not an address', () => {
	const invalid =
		'Invalid "Base URL" in the Wesal VoC credential: "not a url" is not an http(s) address';
	const hint = 'Use https://api.wesal.cloud/api/v1 unless Wesal gave you another address.';

	it('names the address to use in a node', async () => {
		await fx.reset({ baseUrl: 'not a url' });
		const { error } = await fx.run(SEND_RESET_CODE);
		expect(error?.message).toBe(invalid);
		expect(error?.description).toBe(`${hint} Nothing was sent.`);
	});

	it('names the address to use in the credential test', async () => {
		const data = fx.credentialData({ baseUrl: 'not a url' });
		expect(await testCredential(fx.store, 'wesalVocApi', data)).toEqual({
			status: 'Error',
			message: `${invalid}. ${hint}`,
		});
	});
});
