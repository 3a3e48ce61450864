import type { SandboxHandle } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { WECLEVER_PLATFORM_ID } from '../../sandbox/vendors/weClever';
import {
	addLeads,
	ANCHOR,
	apiDateTime,
	BASE,
	basic,
	bearer,
	call,
	configure,
	groundTruth,
	stats,
	token,
	VENDOR,
} from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, anchor: ANCHOR });
});
afterAll(() => sb.close());
beforeEach(() => call(sb, 'POST', '/__control/reset'));

const tokenPath = `${BASE}/solution/token/basic/${WECLEVER_PLATFORM_ID}`;
const listPath = (first: string, last: string) => `${BASE}/lead/find/finalized/${first}/${last}`;

describe('token', () => {
	it('issues a token for the right Basic credentials and platform', async () => {
		const r = await call(sb, 'GET', `${tokenPath}?time=600`, undefined, basic());
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ token: expect.stringMatching(/^[0-9a-f]{48}$/) });
	});

	it('refuses wrong or missing Basic credentials with 401', async () => {
		expect((await call(sb, 'GET', tokenPath, undefined, basic('someone', 'wrong'))).status).toBe(
			401,
		);
		const missing = await call(sb, 'GET', tokenPath);
		expect(missing.status).toBe(401);
		expect(missing.json.message).toBe('Unauthorized');
		expect((await stats(sb)).failedTokenCalls).toBe(2);
	});

	it('answers 404 for an unknown platform and 400 for a bad time', async () => {
		expect(
			(await call(sb, 'GET', `${BASE}/solution/token/basic/other`, undefined, basic())).status,
		).toBe(404);
		const bad = await call(sb, 'GET', `${tokenPath}?time=soon`, undefined, basic());
		expect(bad.status).toBe(400);
		expect(bad.json.message).toMatch(/time/);
	});

	it('expires tokens after `time` seconds of the emulator clock', async () => {
		const short = await token(sb, 60);
		const long = await token(sb);
		const path = listPath('2025-11-01', '2025-11-01');
		expect((await call(sb, 'GET', path, undefined, bearer(short))).status).toBe(200);
		await call(sb, 'POST', '/__control/clock', { advanceMs: 61_000 });
		const expired = await call(sb, 'GET', path, undefined, bearer(short));
		expect(expired.status).toBe(401);
		expect(expired.json.message).toMatch(/expired/);
		expect((await call(sb, 'GET', path, undefined, bearer(long))).status).toBe(200);
		await call(sb, 'POST', `/__control/${VENDOR}/expire-tokens`);
		expect((await call(sb, 'GET', path, undefined, bearer(long))).status).toBe(401);
	});

	it('requires the token as Authorization: Bearer on lead calls', async () => {
		const value = await token(sb);
		const path = listPath('2025-11-01', '2025-11-01');
		expect((await call(sb, 'GET', path)).status).toBe(401);
		expect((await call(sb, 'GET', path, undefined, { Authorization: value })).status).toBe(401);
		expect((await call(sb, 'GET', path, undefined, bearer(value))).status).toBe(200);
	});
});

describe('finalized leads', () => {
	let auth: Record<string, string>;
	beforeEach(async () => {
		auth = bearer(await token(sb));
	});

	it('lists the leads finalized in a date-time range, with both encodings of "+"', async () => {
		const truth = await groundTruth(sb);
		const start = new Date(ANCHOR.getTime() - 3 * 86_400_000);
		const end = new Date(ANCHOR.getTime() - 1 * 86_400_000);
		const expected = truth
			.filter(
				(lead) =>
					Date.parse(lead.finalizedAt) >= start.getTime() &&
					Date.parse(lead.finalizedAt) <= end.getTime(),
			)
			.map(({ weclever_lead_id, mapped_status, client_lead_id }) => ({
				weclever_lead_id,
				mapped_status,
				client_lead_id,
			}));
		expect(expected.length).toBeGreaterThan(5);

		const encoded = await call(
			sb,
			'GET',
			listPath(encodeURIComponent(apiDateTime(start)), encodeURIComponent(apiDateTime(end))),
			undefined,
			auth,
		);
		expect(encoded.status).toBe(200);
		expect(encoded.json).toEqual({ leads: expected });
		const raw = await call(
			sb,
			'GET',
			listPath(apiDateTime(start), apiDateTime(end)),
			undefined,
			auth,
		);
		expect(raw.json).toEqual(encoded.json);
	});

	it('takes a date-only range as whole days', async () => {
		const truth = await groundTruth(sb);
		const day = '2025-11-10';
		const expected = truth
			.filter((lead) => lead.finalizedAt.startsWith(day))
			.map((lead) => lead.weclever_lead_id);
		const r = await call(sb, 'GET', listPath(day, day), undefined, auth);
		expect(r.json.leads.map((lead: { weclever_lead_id: number }) => lead.weclever_lead_id)).toEqual(
			expected,
		);
		expect(expected.length).toBeGreaterThan(0);
	});

	it('has string, integer and null client_lead_id values', async () => {
		const kinds = new Set(
			(await groundTruth(sb)).map((lead) =>
				lead.client_lead_id === null ? 'null' : typeof lead.client_lead_id,
			),
		);
		expect([...kinds].sort()).toEqual(['null', 'number', 'string']);
	});

	it('refuses malformed dates and reversed ranges with 400', async () => {
		for (const [first, last] of [
			['2025-11-01T10:00:00', '2025-11-02'],
			['2025-13-01', '2025-11-02'],
			['2025-11-01%2025:00:00', '2025-11-02'],
			['yesterday', 'today'],
		]) {
			const r = await call(sb, 'GET', listPath(first, last), undefined, auth);
			expect(r.status).toBe(400);
			expect(r.json.message).toMatch(/firstDate/);
		}
		const reversed = await call(sb, 'GET', listPath('2025-11-02', '2025-11-01'), undefined, auth);
		expect(reversed.status).toBe(400);
	});
});

describe('lead details', () => {
	let auth: Record<string, string>;
	beforeEach(async () => {
		auth = bearer(await token(sb));
	});

	it('answers a found lead with HTTP 500 (as documented) and the full record', async () => {
		const [first] = await groundTruth(sb);
		const r = await call(
			sb,
			'GET',
			`${BASE}/lead/find/weclever_id/${first.weclever_lead_id}`,
			undefined,
			auth,
		);
		expect(r.status).toBe(500);
		expect(r.json).toEqual({ lead: first.lead });
		expect(Object.keys(r.json.lead).sort()).toEqual([
			'chats',
			'csat',
			'email',
			'feelings',
			'name',
			'phone',
			'regional',
			'state',
			'status',
		]);
	});

	it('answers 200 when configured so, 404 for an unknown id, 400 for a non-integer id', async () => {
		const [first] = await groundTruth(sb);
		await configure(sb, { detailStatus: 200 });
		expect(
			(
				await call(
					sb,
					'GET',
					`${BASE}/lead/find/weclever_id/${first.weclever_lead_id}`,
					undefined,
					auth,
				)
			).status,
		).toBe(200);
		const unknown = await call(sb, 'GET', `${BASE}/lead/find/weclever_id/999`, undefined, auth);
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ statusCode: 404, message: 'Lead 999 not found' });
		expect(
			(await call(sb, 'GET', `${BASE}/lead/find/weclever_id/12ab`, undefined, auth)).status,
		).toBe(400);
	});

	it('counts how many detail calls run at once', async () => {
		const ids = (await groundTruth(sb)).slice(0, 6).map((lead) => lead.weclever_lead_id);
		await Promise.all(
			ids.map((id) => call(sb, 'GET', `${BASE}/lead/find/weclever_id/${id}`, undefined, auth)),
		);
		const counted = await stats(sb);
		expect(counted.detailCalls).toBe(6);
		expect(counted.maxDetailConcurrency).toBeGreaterThan(1);
		expect(counted.detailInFlight).toBe(0);
	});
});

describe('control', () => {
	it('adds leads with given fields and finalization times, with new ids', async () => {
		const before = await groundTruth(sb);
		const maxId = Math.max(...before.map((lead) => lead.weclever_lead_id));
		const [added] = await addLeads(sb, [
			{
				finalizedAt: '2025-11-15T11:00:00Z',
				client_lead_id: null,
				lead: { csat: { message: 'Nota?', rating: '1' } },
			},
		]);
		expect(added.weclever_lead_id).toBe(maxId + 1);
		expect(added.lead.csat).toEqual({ message: 'Nota?', rating: '1' });
		const after = await groundTruth(sb);
		expect(after).toHaveLength(before.length + 1);
		await call(sb, 'POST', '/__control/reset');
		expect(await groundTruth(sb)).toEqual(before);
	});

	it('generates the same data for the same seed and anchor', async () => {
		const other = await startSandbox({ port: 0, anchor: ANCHOR });
		try {
			expect(await groundTruth(other)).toEqual(await groundTruth(sb));
		} finally {
			await other.close();
		}
	});
});
