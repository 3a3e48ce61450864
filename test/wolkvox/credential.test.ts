import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';
import { WOLKVOX_TOKEN } from '../../sandbox/vendors/wolkvox';
import { testCredential } from '../harness';
import { WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;

beforeAll(async () => (fx = await WolkvoxFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Wolkvox API credential', () => {
	it('passes the test with a good token, checking it with a one-minute survey report', async () => {
		expect((await testCredential(fx.store, 'wolkvoxApi', fx.credentialData())).status).toBe('OK');
		const requests = await fx.reports();
		// the token check before first use, then the test request itself
		expect(requests).toHaveLength(2);
		for (const request of requests) {
			expect(request.query).toEqual({
				api: 'diagram_4',
				date_ini: '20240101000000',
				date_end: '20240101000059',
			});
			expect(request.headers['wolkvox-token']).toBe(WOLKVOX_TOKEN);
		}
	});

	it("shows Wolkvox's own message for a wrong token", async () => {
		const result = await testCredential(
			fx.store,
			'wolkvoxApi',
			fx.credentialData({ token: 'wrong-token-123' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wolkvox refused the token: Invalid token (HTTP 401). Check the Server and the Token.',
		});
	});

	it('names what to type for a Server that is not a server nomenclature, sending nothing', async () => {
		const result = await testCredential(
			fx.store,
			'wolkvoxApi',
			fx.credentialData({ server: '00/2', baseUrl: '' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Invalid "Server" in the Wolkvox credential: "00/2" is not a server nomenclature. ' +
				"Use the digits of your operation's address, e.g. 0002 for https://wv0002.wolkvox.com.",
		});
		expect(await fx.reports()).toEqual([]);
	});

	it('fails the test with a wrong token, without echoing it', async () => {
		const result = await testCredential(
			fx.store,
			'wolkvoxApi',
			fx.credentialData({ token: 'wrong-token-123' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('wrong-token-123');
		expect((await fx.stats()).authFailures).toBeGreaterThanOrEqual(1);
	});

	it('sends the token in the wolkvox-token header and keeps only when it was checked', async () => {
		const credential = new WolkvoxApi();
		expect((await credential.authenticate({ token: 't-9' }, { url: '/r' })).headers).toEqual({
			'wolkvox-token': 't-9',
		});
		expect(
			credential.properties.find((property) => property.name === 'token')?.typeOptions,
		).toEqual({ password: true });
		expect(credential.properties.map((property) => [property.name, property.type])).toEqual([
			['server', 'string'],
			['token', 'string'],
			['baseUrl', 'string'],
			['tokenChecked', 'hidden'],
		]);
	});
});
