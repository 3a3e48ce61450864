import { WECLEVER } from '../../nodes/WeClever/transport';
import { WECLEVER_PASSWORD } from '../../sandbox/vendors/weClever';
import { engineLogs, testCredential } from '../harness';
import { call, credentialData, groundTruth, requests, stats, WeCleverSetup } from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const tokenCalls = async () =>
	(await requests(setup.sb)).filter((request) => request.path.startsWith('/solution/token/basic/'));

describe('WeClever API credential', () => {
	it('passes the credential test against the emulator', async () => {
		const result = await testCredential(setup.store, 'weCleverApi', credentialData(setup.sb));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [token] = await tokenCalls();
		expect(token.query).toEqual({ time: '3600' });
		expect(token.headers.authorization).toMatch(/^Basic /);
	});

	it('accepts a custom URL with a trailing slash', async () => {
		const result = await testCredential(
			setup.store,
			'weCleverApi',
			credentialData(setup.sb, { customUrl: `${setup.sb.url}/weclever/` }),
		);
		expect(result.status).toBe('OK');
	});

	const HINT = 'Check Environment, Platform ID, Username and Password.';

	it.each([
		[
			'a wrong password',
			{ password: 'nope' },
			`WeClever refused the login: Unauthorized (HTTP 401). ${HINT}`,
		],
		[
			'an unknown platform',
			{ platformId: 'outra' },
			`WeClever refused the login: Platform outra not found (HTTP 404). ${HINT}`,
		],
	])("shows WeClever's own message for %s", async (_name, overrides, message) => {
		const result = await testCredential(
			setup.store,
			'weCleverApi',
			credentialData(setup.sb, overrides),
		);
		expect(result).toEqual({ status: 'Error', message });
		expect(result.message).not.toContain(WECLEVER_PASSWORD);
		// A refused login is not tried again.
		expect(await tokenCalls()).toHaveLength(1);
	});

	it('fails the test naming the empty Custom URL or Platform ID, before any request', async () => {
		const noUrl = await testCredential(
			setup.store,
			'weCleverApi',
			credentialData(setup.sb, { customUrl: '  ' }),
		);
		expect(noUrl).toEqual({
			status: 'Error',
			message:
				'The WeClever credential has no Custom URL. Open the credential and fill in Custom URL, or choose Production or Development.',
		});
		const noPlatform = await testCredential(
			setup.store,
			'weCleverApi',
			credentialData(setup.sb, { platformId: '' }),
		);
		expect(noPlatform).toEqual({
			status: 'Error',
			message:
				'The WeClever credential has no Platform ID. Fill in the platform_id WeClever gave you.',
		});
		expect(await requests(setup.sb)).toEqual([]);
	});

	it('maps the environments to the documented servers', () => {
		expect(WECLEVER.baseUrl({ environment: 'production' })).toBe('https://api.weclever.co');
		expect(WECLEVER.baseUrl({ environment: 'development' })).toBe('https://dev-api.weclever.co');
		expect(WECLEVER.baseUrl({})).toBe('https://api.weclever.co');
		expect(
			WECLEVER.baseUrl({ environment: 'custom', customUrl: ' http://127.0.0.1:4010/weclever// ' }),
		).toBe('http://127.0.0.1:4010/weclever');
		expect(() => WECLEVER.baseUrl({ environment: 'custom', customUrl: '' })).toThrow(
			'The WeClever credential has no Custom URL',
		);
	});

	it('asks for the configured token lifetime and gets a new token when it has run out', async () => {
		setup.store.set(setup.credentialId, credentialData(setup.sb, { time: 120 }));
		const [lead] = await groundTruth(setup.sb);
		const get = () =>
			setup.run({
				resource: 'lead',
				operation: 'get',
				leadId: String(lead.weclever_lead_id),
				output: 'raw',
				options: {},
			});
		expect((await get()).error).toBeUndefined();
		expect((await get()).error).toBeUndefined();
		expect((await tokenCalls()).map((request) => request.query)).toEqual([{ time: '120' }]);

		await call(setup.sb, 'POST', '/__control/clock', { advanceMs: 121_000 });
		const renewed = await get();
		expect(renewed.error).toBeUndefined();
		expect(renewed.items[0].json.weclever_lead_id).toBe(lead.weclever_lead_id);
		expect(await tokenCalls()).toHaveLength(2);
		expect(setup.store.stats.updates).toBe(2);
	});

	it('fails the node with the login error, without leaking the password', async () => {
		setup.store.set(setup.credentialId, credentialData(setup.sb, { password: 'Wr0ng-S3cret' }));
		engineLogs().clear();
		const result = await setup.run({
			resource: 'lead',
			operation: 'getFinalized',
			startDate: '2025-11-01T00:00:00Z',
			endDate: '2025-11-02T00:00:00Z',
			returnAll: true,
		});
		expect(result.error?.message).toBe(
			`WeClever refused the login: Unauthorized (HTTP 401). ${HINT}`,
		);
		expect(result.error?.description).toBe(
			'Correct the "WeClever API" credential, then run this again.',
		);
		expect(await tokenCalls()).toHaveLength(1);
		expect((await stats(setup.sb)).listCalls).toBe(0);
		const seen = JSON.stringify(result.run.data.resultData) + engineLogs().text();
		expect(seen).not.toContain('Wr0ng-S3cret');
		expect(seen).not.toContain(
			Buffer.from(`${credentialData(setup.sb).username}:Wr0ng-S3cret`).toString('base64'),
		);
	});

	it('fails the node clearly when Custom URL is left empty, before any request', async () => {
		setup.store.set(setup.credentialId, credentialData(setup.sb, { customUrl: '' }));
		const result = await setup.run({
			resource: 'lead',
			operation: 'get',
			leadId: '480001',
			options: {},
		});
		expect(result.error?.message).toBe('The WeClever credential has no Custom URL');
		expect(result.error?.description).toBe(
			'Open the credential and fill in Custom URL, or choose Production or Development. Nothing was sent.',
		);
		expect(await requests(setup.sb)).toEqual([]);
	});
});
