import { WeCleverApi } from '../../credentials/WeCleverApi.credentials';
import { WECLEVER } from '../../nodes/WeClever/transport';
import { testCredential } from '../harness';
import { addFault, credentialData, requests, WeCleverSetup } from './helpers';

/** What the user reads when WeClever's answer is not what the doc promises, in WeClever's own words. */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const NO_TOKEN =
	'WeClever did not accept the login: the answer holds no token. Check Environment, Platform ID, Username and Password.';

describe('WeClever login answer', () => {
	it.each([
		['without a token', { expires_in: 3600 }],
		['with an empty token', { token: '' }],
	])('refuses a login answer %s in the credential test', async (_name, body) => {
		await addFault(setup.sb, {
			path: '^/solution/token/basic/',
			kind: 'status',
			status: 200,
			body,
		});
		const result = await testCredential(setup.store, 'weCleverApi', credentialData(setup.sb));
		expect(result).toEqual({ status: 'Error', message: NO_TOKEN });
	});

	it('fails the node on a login answer without a token, before any lead request', async () => {
		await addFault(setup.sb, {
			path: '^/solution/token/basic/',
			kind: 'status',
			status: 200,
			body: {},
		});
		const result = await setup.run({ resource: 'lead', operation: 'get', leadId: '480001' });
		expect(result.error?.message).toBe(NO_TOKEN);
		expect((await requests(setup.sb)).map((request) => request.path)).toEqual([
			expect.stringMatching(/^\/solution\/token\/basic\//),
		]);
	});

	it("keeps its token in the credential's hidden expirable field", () => {
		expect(WECLEVER.session).toEqual({ tokenField: 'token' });
		const field = new WeCleverApi().properties.find((property) => property.name === 'token');
		expect(field?.type).toBe('hidden');
		expect(field?.typeOptions?.expirable).toBe(true);
	});
});

describe("WeClever's error message", () => {
	it.each([
		['error', { error: 'Lead 480001 was archived' }, 'Lead 480001 was archived'],
		['errors', { errors: ['Lead archived', 'Ask support'] }, 'Lead archived; Ask support'],
		['detail', { detail: 'Lead 480001 was archived' }, 'Lead 480001 was archived'],
		['msg', { msg: 'Lead 480001 was archived' }, 'Lead 480001 was archived'],
	])('is read from "%s" into the error the user sees', async (_key, body, said) => {
		await addFault(setup.sb, {
			path: '^/lead/find/weclever_id/',
			kind: 'status',
			status: 404,
			body,
		});
		const result = await setup.run({ resource: 'lead', operation: 'get', leadId: '480001' });
		expect(result.error?.message).toBe(
			`WeClever found nothing for "Lead: Get" (HTTP 404): ${said}`,
		);
	});
});
