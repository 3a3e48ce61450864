import { vendorModules } from '../../sandbox/vendors';
import type { SandboxHandle } from '../../sandbox/server';
import { WESAL_VOC_CLIENT_ID } from '../../sandbox/vendors/wesalVoc';
import { call, login, loginBody, search, start, VOC } from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
	sb = await start();
});
afterAll(() => sb.close());
beforeEach(() => call(sb, 'POST', '/__control/reset'));

const addFault = (fault: Record<string, unknown>) =>
	call(sb, 'POST', '/__control/faults', { vendor: 'wesal-voc', ...fault });
const logout = () => call(sb, 'GET', `${VOC}/auth/logout`);

describe('routing', () => {
	it('lists the vendors on GET /__control', async () => {
		const r = await call(sb, 'GET', '/__control');
		expect(r.json.vendors).toEqual(
			vendorModules.map((vendor) => ({ name: vendor.name, basePath: vendor.basePath })),
		);
		expect(r.json.vendors).toContainEqual({ name: 'wesal-voc', basePath: VOC });
		expect(sb.vendors.find((vendor) => vendor.name === 'wesal-voc')?.url).toBe(sb.url + VOC);
	});

	it('passes per-vendor options and refuses unknown vendor keys', async () => {
		const small = await start({ vendors: { 'wesal-voc': { surveyCount: 10, pageSize: 4 } } });
		try {
			expect((await call(small, 'GET', '/__control/wesal-voc/surveys')).json.total).toBe(10);
			expect((await call(small, 'GET', '/__control/wesal-voc/config')).json.pageSize).toBe(4);
		} finally {
			await small.close();
		}
		await expect(start({ vendors: { wesalvoc: {} } })).rejects.toThrow(/unknown vendor/);
		await expect(start({ vendors: { 'wesal-voc': { pageSise: 4 } } })).rejects.toThrow();
	});

	it('answers an unknown vendor route with 404 in the vendor error shape', async () => {
		const r = await call(sb, 'GET', `${VOC}/nope`);
		expect(r.status).toBe(404);
		expect(r.json).toEqual({ result: 'error', message: expect.stringContaining('/nope') });
	});

	it('answers a path outside every vendor with 404', async () => {
		expect((await call(sb, 'GET', '/elsewhere')).status).toBe(404);
		expect((await call(sb, 'GET', '/__control/nope')).status).toBe(404);
	});

	it('answers invalid JSON with 400 in the vendor shape', async () => {
		const r = await call(sb, 'POST', `${VOC}/auth/login`, '{oops', {
			'X-Client-Id': WESAL_VOC_CLIENT_ID,
		});
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ result: 'error', message: 'Invalid JSON body' });
	});
});

describe('request log', () => {
	it('records vendor requests with relative path, query, headers and parsed body', async () => {
		await call(sb, 'POST', `${VOC}/auth/login?x=1&x=2`, loginBody(), {
			'X-Client-Id': WESAL_VOC_CLIENT_ID,
		});
		await call(sb, 'POST', `${VOC}/auth/reset`, 'companyId=abc&method=email', {
			'content-type': 'application/x-www-form-urlencoded',
		});
		await call(sb, 'GET', '/__control/wesal-voc/stats'); // control traffic is not logged
		const log = (await call(sb, 'GET', '/__control/requests?vendor=wesal-voc')).json;
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			seq: 1,
			vendor: 'wesal-voc',
			method: 'POST',
			path: '/auth/login',
			query: { x: ['1', '2'] },
			headers: { 'x-client-id': WESAL_VOC_CLIENT_ID },
			body: loginBody(),
		});
		expect(new Date(log[0].at).toISOString()).toBe(log[0].at);
		expect(log[1]).toMatchObject({
			seq: 2,
			path: '/auth/reset',
			body: { companyId: 'abc', method: 'email' },
		});
		expect(log[1].fault).toBeUndefined();
	});

	it('accepts a vendor alias in the filter and clears on DELETE', async () => {
		await logout();
		expect((await call(sb, 'GET', '/__control/requests?vendor=wesalVoc')).json).toHaveLength(1);
		expect((await call(sb, 'GET', '/__control/requests?vendor=nobody')).status).toBe(400);
		await call(sb, 'DELETE', '/__control/requests');
		expect((await call(sb, 'GET', '/__control/requests')).json).toEqual([]);
	});
});

describe('faults', () => {
	it('status: given status, default vendor body, headers, consumed after count', async () => {
		await addFault({ kind: 'status', status: 429, headers: { 'Retry-After': 2 }, count: 2 });
		for (let i = 0; i < 2; i++) {
			const r = await logout();
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBe('2');
			expect(r.json).toEqual({ result: 'error', message: 'Too Many Requests' });
		}
		expect((await logout()).status).toBe(401);
		const log = (await call(sb, 'GET', '/__control/requests')).json;
		expect(log.map((e: { fault?: string }) => e.fault)).toEqual(['status', 'status', undefined]);
	});

	it('status: custom body; matches method and exact or regex path only', async () => {
		await addFault({
			kind: 'status',
			status: 503,
			body: { down: true },
			method: 'POST',
			path: 'auth/login',
		});
		await addFault({ kind: 'status', status: 500, path: '^/survey/' });
		expect((await logout()).status).toBe(401);
		const token = await call(sb, 'POST', `${VOC}/auth/login`, loginBody(), {
			'X-Client-Id': WESAL_VOC_CLIENT_ID,
		});
		expect(token.status).toBe(503);
		expect(token.json).toEqual({ down: true });
		const r = await search(sb, 'whatever');
		expect(r.status).toBe(500);
		expect((await call(sb, 'GET', '/__control/faults')).json).toEqual([]);
	});

	it('delay: answers normally after delayMs', async () => {
		await addFault({ kind: 'delay', delayMs: 300 });
		const t0 = Date.now();
		const r = await logout();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		expect(r.status).toBe(401);
	});

	it('delay: a 30 s stall stops when the client gives up', async () => {
		await addFault({ kind: 'delay', delayMs: 30_000 });
		const t0 = Date.now();
		await expect(
			fetch(sb.url + `${VOC}/auth/logout`, { signal: AbortSignal.timeout(200) }),
		).rejects.toThrow();
		expect(Date.now() - t0).toBeLessThan(5000);
		expect((await logout()).status).toBe(401); // server still serves
	});

	it('delay: an abandoned request is never handled', async () => {
		await addFault({ kind: 'delay', delayMs: 800, path: 'auth/login' });
		const aborted = fetch(sb.url + `${VOC}/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'X-Client-Id': WESAL_VOC_CLIENT_ID },
			body: JSON.stringify(loginBody()),
			signal: AbortSignal.timeout(100),
		});
		await expect(aborted).rejects.toThrow();
		await new Promise((r) => setTimeout(r, 1000));
		expect((await call(sb, 'GET', '/__control/wesal-voc/stats')).json.logins).toBe(0);
	});

	it('reset: destroys the connection without an answer', async () => {
		await addFault({ kind: 'reset' });
		await expect(fetch(sb.url + `${VOC}/auth/logout`)).rejects.toThrow();
		expect((await logout()).status).toBe(401);
	});

	it('malformed: 200 with invalid JSON labelled application/json', async () => {
		await addFault({ kind: 'malformed' });
		const r = await logout();
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(() => JSON.parse(r.text)).toThrow();
	});

	it('html: 502 HTML page by default, given status otherwise', async () => {
		await addFault({ kind: 'html' });
		await addFault({ kind: 'html', status: 504 });
		const a = await logout();
		expect(a.status).toBe(502);
		expect(a.headers.get('content-type')).toMatch(/^text\/html/);
		expect(a.text).toContain('<html>');
		expect((await logout()).status).toBe(504);
	});

	it('rejects an invalid fault and clears on DELETE', async () => {
		expect((await addFault({ kind: 'explode' })).status).toBe(400);
		expect(
			(await call(sb, 'POST', '/__control/faults', { vendor: 'x', kind: 'reset' })).status,
		).toBe(400);
		await addFault({ kind: 'reset' });
		await call(sb, 'DELETE', '/__control/faults');
		expect((await logout()).status).toBe(401);
	});
});

describe('clock', () => {
	it('moves the emulator clock and reports it', async () => {
		const r = await call(sb, 'POST', '/__control/clock', { advanceMs: 86_400_000 });
		expect(r.json.offsetMs).toBe(86_400_000);
		expect(Date.parse(r.json.now) - Date.now()).toBeGreaterThan(86_000_000);
		expect((await call(sb, 'POST', '/__control/clock', {})).status).toBe(400);
	});
});

describe('sinks', () => {
	it('appends JSON and form bodies, returns them in order, clears on DELETE', async () => {
		await call(sb, 'POST', '/__sink/out', { a: 1 });
		await call(sb, 'POST', '/__sink/out', 'b=2&b=3', {
			'content-type': 'application/x-www-form-urlencoded',
		});
		await call(sb, 'POST', '/__sink/other', [1, 2]);
		expect((await call(sb, 'GET', '/__sink/out')).json).toEqual([{ a: 1 }, { b: ['2', '3'] }]);
		expect((await call(sb, 'GET', '/__sink/other')).json).toEqual([[1, 2]]);
		await call(sb, 'DELETE', '/__sink/out');
		expect((await call(sb, 'GET', '/__sink/out')).json).toEqual([]);
		expect((await call(sb, 'GET', '/__sink/other')).json).toHaveLength(1);
	});
});

describe('reset', () => {
	it('clears faults, log, sinks, clock, tokens and added data', async () => {
		const token = await login(sb);
		await addFault({ kind: 'reset', path: '/never' });
		await call(sb, 'POST', '/__sink/s', { x: 1 });
		await call(sb, 'POST', '/__control/clock', { advanceMs: 1000 });
		await call(sb, 'POST', '/__control/wesal-voc/surveys', { count: 3 });
		await call(sb, 'POST', '/__control/reset');
		expect((await call(sb, 'GET', '/__control/faults')).json).toEqual([]);
		expect((await call(sb, 'GET', '/__control/requests')).json).toEqual([]);
		expect((await call(sb, 'GET', '/__sink/s')).json).toEqual([]);
		expect((await call(sb, 'GET', '/__control/clock')).json.offsetMs).toBe(0);
		expect((await call(sb, 'GET', '/__control/wesal-voc/surveys')).json.total).toBe(6000);
		expect((await search(sb, token)).status).toBe(401);
	});
});
