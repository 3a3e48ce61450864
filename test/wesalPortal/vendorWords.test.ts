import { testCredential } from '../harness';
import { ORGANIZATION, VENDOR, WesalPortalFixture } from './fixture';

/** What the user reads when Wesal Portal says no, in Wesal Portal's own words and X-codes. */
let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const ORGANIZATION_GET = { resource: 'organization', operation: 'get' };

/** Organization → Get with its one answer served as `body` (a 4xx or 200 is never retried). */
async function organizationAnswered(status: number, body: unknown) {
	await fx.emulator.fault({ vendor: VENDOR, path: ORGANIZATION, kind: 'status', status, body });
	return await fx.run(ORGANIZATION_GET);
}

describe("Wesal Portal's error message without an X-code", () => {
	it.each([
		['message', { success: false, message: 'Unknown company' }, 'Unknown company'],
		['error', { success: false, error: 'Unknown company' }, 'Unknown company'],
		[
			'errors',
			{ success: false, errors: ['Unknown company', 'Ask support'] },
			'Unknown company; Ask support',
		],
		['msg', { success: false, msg: 'Unknown company' }, 'Unknown company'],
	])('is read from "%s" into the error the user sees', async (_key, body, said) => {
		const { error } = await organizationAnswered(400, body);
		expect(error?.message).toBe(`Wesal Portal refused "Organization: Get" (HTTP 400): ${said}`);
	});

	it.each([
		['a code that is not an X-code', { success: false, code: 'E42', message: 'Unknown company' }],
		['a code given as a list', { success: false, code: ['X004'], message: 'Unknown company' }],
	])('shows only the message for %s', async (_name, body) => {
		const { error } = await organizationAnswered(400, body);
		expect(error?.message).toBe(
			'Wesal Portal refused "Organization: Get" (HTTP 400): Unknown company',
		);
	});
});

describe('an X-code written in the message', () => {
	it.each([
		['message', { success: false, message: 'X004 Invalid request' }],
		['error', { success: false, error: 'X004 Invalid request' }],
	])('found in "%s" is explained', async (_key, body) => {
		const { error } = await organizationAnswered(400, body);
		expect(error?.message).toBe(
			'Wesal Portal refused "Organization: Get" (HTTP 400): X004 (the request is invalid): X004 Invalid request',
		);
	});
});

describe('an X-code without words of its own', () => {
	it.each([
		['without a message', { success: false, code: 'X004' }],
		['whose message is the code', { success: false, code: 'X004', message: 'X004' }],
	])('is explained once, %s', async (_name, body) => {
		const { error } = await organizationAnswered(400, body);
		expect(error?.message).toBe(
			'Wesal Portal refused "Organization: Get" (HTTP 400): X004 (the request is invalid)',
		);
	});

	it('an unknown X-code is shown as it is', async () => {
		const { error } = await organizationAnswered(400, { success: false, code: 'X009' });
		expect(error?.message).toBe('Wesal Portal refused "Organization: Get" (HTTP 400): X009');
	});
});

describe('an answer that says success: false with HTTP 200', () => {
	it.each([
		['with its message', { success: false, message: 'Company locked' }, ': Company locked'],
		['without a message', { success: false }, ': the answer says success: false'],
		[
			'nested in data, with its code and message',
			{ success: true, data: { success: false, code: 'X004', message: 'Invalid request' } },
			': X004 (the request is invalid): Invalid request',
		],
		[
			'nested in data, without a message',
			{ success: true, data: { success: false } },
			': the answer says success: false',
		],
	])('fails the call, %s', async (_name, body, said) => {
		const { error, items } = await organizationAnswered(200, body);
		expect(error?.message).toBe(`Wesal Portal refused "Organization: Get"${said}`);
		expect(items).toEqual([]);
		expect(await fx.emulator.requests(VENDOR, { path: ORGANIZATION })).toHaveLength(1);
	});

	it.each([
		['with its message', { success: false, message: 'Account locked' }, ': Account locked'],
		['without a message', { success: false }, ': the answer says success: false'],
	])('refuses a login answered that way, %s', async (_name, body, said) => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: '/auth/login',
			kind: 'status',
			status: 200,
			body,
		});
		expect(await testCredential(fx.store, 'wesalPortalApi', fx.credentialData())).toEqual({
			status: 'Error',
			message: `Wesal Portal refused the login${said} (HTTP 200). Check Email, Password and Client ID.`,
		});
	});
});

describe('a Base URL that is not an address', () => {
	const invalid =
		'Invalid "Base URL" in the Wesal Portal credential: "not a url" is not an http(s) address';
	const hint = 'Use the address of the API, e.g. https://api.wesal.dev/api/v1.';

	it('names the address to use in a node', async () => {
		await fx.reset({ baseUrl: 'not a url' });
		const { error } = await fx.run(ORGANIZATION_GET);
		expect(error?.message).toBe(invalid);
		expect(error?.description).toBe(`${hint} Nothing was sent.`);
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it('names the address to use in the credential test', async () => {
		const data = fx.credentialData({ baseUrl: 'not a url' });
		expect(await testCredential(fx.store, 'wesalPortalApi', data)).toEqual({
			status: 'Error',
			message: `${invalid}. ${hint}`,
		});
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});
});
