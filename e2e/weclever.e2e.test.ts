/**
 * WeClever end-to-end: our tarball in a real n8n against the emulator. The credential test as the
 * editor runs it, and an active polling trigger (with details) delivering finalized leads to a sink
 * exactly once: leads added while n8n runs, a lead that shows up late inside the overlap window,
 * and a lead added while n8n restarts.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import * as path from 'node:path';

const { DEMO_VERSION } = require('./lib/versions');
const { ROOT } = require('./lib/install');
const { startEmulator } = require('./lib/emulator');
const { startStack } = require('./lib/stack');
const { sleep } = require('./lib/n8n');

const version: string = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VENDOR = 'weclever';
const CREDENTIAL = { id: 'weCleverE2eTrig1', name: 'WeClever (E2E trigger)', type: 'weCleverApi' };

async function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false>,
	timeoutMs: number,
	everyMs = 1000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

describe(`WeClever on n8n ${version}`, () => {
	let emulator: any;
	let stack: any;
	let n8n: any;
	let credentialData: Record<string, unknown>;
	const wc = () => emulator.control.vendor(VENDOR);

	beforeAll(async () => {
		emulator = await startEmulator();
		stack = await startStack({
			version,
			emulator,
			// WeClever's region: dates must not depend on n8n's time zone
			env: { GENERIC_TIMEZONE: 'America/Sao_Paulo', TZ: 'America/Sao_Paulo' },
			progress: () => undefined,
		});
		n8n = stack.n8n;
		const account = await wc().get('account');
		const vendorUrl = emulator.vendors.find((v: any) => v.name === VENDOR).url;
		credentialData = {
			environment: 'custom',
			customUrl: vendorUrl,
			platformId: account.platformId,
			username: account.username,
			password: account.password,
			time: 3600,
		};
		const dir = fs.mkdtempSync(path.join(stack.userFolder, 'weclever-'));
		fs.writeFileSync(
			path.join(dir, 'credentials.json'),
			JSON.stringify([{ ...CREDENTIAL, data: credentialData }]),
		);
		await n8n.importCredentials(path.join(dir, 'credentials.json'));
	}, 600_000);

	afterAll(async () => {
		if (stack) await stack.stop();
		if (emulator) await emulator.close();
	}, 120_000);

	test('credential test, as the editor runs it: a good credential passes, a wrong password fails clearly', async () => {
		expect(await n8n.testCredential({ ...CREDENTIAL, data: credentialData })).toEqual({
			status: 'OK',
			message: expect.any(String),
		});
		const wrong = await n8n.testCredential({
			...CREDENTIAL,
			data: { ...credentialData, password: 'not-the-password' },
		});
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/WeClever login failed/);
		expect(wrong.message).not.toContain('not-the-password');
	});

	test('an active polling trigger: finalized leads reach a sink exactly once, with details, also late ones and across a restart', async () => {
		const control = emulator.control;
		const sink = `weclever-trigger-${version}`;
		await control.reset();
		const add = async (leads: Array<Record<string, unknown>>): Promise<number[]> =>
			(await wc().post('leads', { leads })).leads.map((lead: any) => lead.weclever_lead_id);
		const delivered = async (): Promise<any[]> => await control.sink(sink);
		const deliveredIds = async (): Promise<number[]> =>
			(await delivered()).map((item: any) => item.weclever_lead_id);
		const listCalls = async (): Promise<number> => (await wc().get('stats')).listCalls;

		// Polls at most once a minute (n8n refuses shorter intervals): the first scheduled poll ~25 s after activation.
		const second = (new Date().getUTCSeconds() + 25) % 60;
		const before = await add([{ finalizedAt: new Date(Date.now() - 60_000).toISOString() }]);
		const created = await n8n.createWorkflow({
			name: `E2E: WeClever trigger to sink (${version})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'w1',
					name: 'New finalized lead',
					type: `${pkg.name}.weCleverTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
						event: 'newFinalizedLead',
						options: { includeDetails: true },
					},
					credentials: { weCleverApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
				},
				{
					id: 'w2',
					name: 'To sink',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						method: 'POST',
						url: control.sinkUrl(sink),
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify($json) }}',
						options: {},
					},
				},
			],
			connections: {
				'New finalized lead': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
			},
		});
		// Activation runs one poll (the baseline). n8n 2.x activates in the background after the
		// REST call returns: wait for that poll, or "after activation" would be a race.
		const callsBeforeActivation = await listCalls();
		await n8n.activateWorkflow(created.id);
		await waitFor(
			'the activation poll',
			async () => (await listCalls()) > callsBeforeActivation,
			30_000,
			250,
		);
		await sleep(1000);

		// 1. finalized after activation → delivered by the next poll, merged with the lead's details
		const first = await add([{}, {}]);
		await waitFor(
			'the first two leads at the sink',
			async () => (await deliveredIds()).length >= 2,
			100_000,
		);
		await sleep(3000);
		expect((await deliveredIds()).sort()).toEqual([...first].sort());
		const { leads: truth } = await wc().get('leads');
		for (const item of await delivered()) {
			const lead = truth.find(
				(candidate: any) => candidate.weclever_lead_id === item.weclever_lead_id,
			);
			expect(item).toEqual({
				weclever_lead_id: lead.weclever_lead_id,
				mapped_status: lead.mapped_status,
				client_lead_id: lead.client_lead_id,
				...lead.lead,
			});
		}

		// 2. finalized 3 minutes ago (before the last poll) but visible only now: inside the overlap window
		const callsBeforeLate = await listCalls();
		const late = await add([{ finalizedAt: new Date(Date.now() - 3 * 60_000).toISOString() }]);
		await waitFor(
			'the late lead at the sink',
			async () => (await listCalls()) > callsBeforeLate && (await deliveredIds()).length >= 3,
			100_000,
		);

		// 3. one added while n8n restarts, one after: each delivered once, nothing repeated
		const duringRestart = await add([{}]);
		await n8n.restart();
		const callsAfterRestart = await listCalls();
		const afterRestart = await add([{}]);
		await waitFor(
			'a scheduled poll after the restart',
			async () => (await listCalls()) > callsAfterRestart && (await deliveredIds()).length >= 5,
			100_000,
		);
		await sleep(3000);
		const ids = await deliveredIds();
		expect([...ids].sort()).toEqual([...first, ...late, ...duringRestart, ...afterRestart].sort());
		expect(ids).not.toContain(before[0]);
		expect(n8n.packageLoadErrors()).toEqual([]);
	}, 500_000);
});
