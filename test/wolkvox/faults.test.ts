import type { NodeApiError } from 'n8n-workflow';

import {
	WOLKVOX_BUSY_MESSAGE,
	WOLKVOX_TOKEN,
	type WolkvoxSurveyRow,
} from '../../sandbox/vendors/wolkvox';
import type { FaultSpec } from '../helpers/emulator';
import { getAllParameters, inRange, keys, REPORT, VENDOR, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;
let truth: WolkvoxSurveyRow[];
const START = '2025-11-01T00:00:00Z';
const END = '2025-11-03T23:59:59Z';
let expected: string[];

beforeAll(async () => {
	fx = await WolkvoxFixture.start();
	await fx.reset();
	truth = await fx.rows();
	expected = keys(inRange(truth, '2025-11-01 00:00:00', '2025-11-03 23:59:59'));
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const transient: Array<[string, FaultSpec]> = [
	['503', { vendor: VENDOR, path: REPORT, kind: 'status', status: 503 }],
	['500 twice', { vendor: VENDOR, path: REPORT, kind: 'status', status: 500, count: 2 }],
	['502 HTML page', { vendor: VENDOR, path: REPORT, kind: 'html', status: 502 }],
	['429 from a proxy', { vendor: VENDOR, path: REPORT, kind: 'status', status: 429 }],
	['connection reset', { vendor: VENDOR, path: REPORT, kind: 'reset' }],
	['malformed JSON', { vendor: VENDOR, path: REPORT, kind: 'malformed' }],
	['stall past the timeout', { vendor: VENDOR, path: REPORT, kind: 'delay', delayMs: 3000 }],
];

describe('faults', () => {
	it.each(transient)('recovers from %s and returns the full result', async (_name, fault) => {
		await fx.emulator.fault(fault);
		const { items, error } = await fx.run(
			getAllParameters(START, END, { options: { timeout: 1000 } }),
		);
		expect(error).toBeUndefined();
		expect(keys(items)).toEqual(expected);
		expect((await fx.reports()).filter((request) => request.fault)).toHaveLength(fault.count ?? 1);
	});

	it('waits and retries while another process consumes the token, then reads everything', async () => {
		await fx.hold(600);
		const { items, error } = await fx.run(getAllParameters(START, END));
		expect(error).toBeUndefined();
		expect(keys(items)).toEqual(expected);
		const usage = (await fx.stats()).tokens[WOLKVOX_TOKEN];
		expect(usage.rejected).toBeGreaterThanOrEqual(1);
		expect(usage.requests).toBe(usage.rejected + 1);
	});

	it('gives up after a bounded number of attempts when the token stays busy, and says why', async () => {
		await fx.hold(10_000);
		const started = Date.now();
		const { error } = await fx.run(getAllParameters(START, END));
		expect(Date.now() - started).toBeLessThan(8000);
		expect(error?.message).toBe(
			`Wolkvox is limiting requests and did not serve "Survey: Get Many" (HTTP 429): ${WOLKVOX_BUSY_MESSAGE}`,
		);
		expect(error?.description).toContain('one request per token at a time');
		expect((error as unknown as NodeApiError).httpCode).toBe('429');
		expect(await fx.reports()).toHaveLength(4);
	});

	it('reports a wrong token without the retry budget of transient failures', async () => {
		await fx.reset({ token: 'not-the-token-123' });
		const { error } = await fx.run(getAllParameters(START, END));
		expect(error?.message).toBe(
			'Wolkvox refused the token: Invalid token (HTTP 401). Check the Server and the Token.',
		);
		// The request, once more the way n8n re-checks a credential after a 401, and that check
		// of the token itself, which is refused: no backoff retries follow.
		expect(await fx.reports()).toHaveLength(3);
		expect((await fx.stats()).authFailures).toBe((await fx.reports()).length);
	});

	it('reports a failure code in an HTTP 200 answer with the API message', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: REPORT,
			kind: 'status',
			status: 200,
			body: {
				code: 403,
				error: 'Forbidden',
				msg: 'API consumption is disabled during maintenance',
				data: null,
			},
		});
		const { error } = await fx.run(getAllParameters(START, END));
		expect(error?.message).toBe(
			'Wolkvox refused "Survey: Get Many": API consumption is disabled during maintenance',
		);
	});

	it('fails clearly when the answer is neither rows nor the envelope, after retrying', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: REPORT,
			kind: 'status',
			status: 200,
			body: { hello: 'world' },
			count: 4,
		});
		const { error } = await fx.run(getAllParameters(START, END));
		expect(error?.message).toBe(
			'Wolkvox answered "Survey: Get Many" in an unexpected shape (HTTP 200)',
		);
		expect(error?.description).toContain('It was tried 4 times');
	});

	it('continues with the next items under Continue On Fail, each output paired to its item', async () => {
		await fx.emulator.fault({
			vendor: VENDOR,
			path: REPORT,
			kind: 'status',
			status: 400,
			body: {
				code: 400,
				error: 'Bad Request',
				msg: 'date_ini must have the format YYYYmmddHHiiss',
				data: null,
			},
		});
		const { items } = await fx.run(getAllParameters(START, END), {
			continueOnFail: true,
			items: [{ json: { n: 0 } }, { json: { n: 1 } }],
		});
		const errors = items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 0 });
		expect(errors[0].json.error).toBe(
			'Wolkvox refused "Survey: Get Many" (HTTP 400): date_ini must have the format YYYYmmddHHiiss',
		);
		const rest = items.filter((item) => !item.json.error);
		expect(keys(rest)).toEqual(expected);
		expect(rest.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});
