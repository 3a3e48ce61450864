import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WECLEVER_FIRST_LEAD_ID } from '../../sandbox/vendors/weClever';
import { runNode } from '../../test/harness';
import { ANCHOR, RemoteEmulator } from '../lib/emulator';
import { table } from '../lib/measure';
import type { BenchContext, Goal, Section } from '../lib/report';
import { credentialFor, nodeOf, VENDORS, type VendorKey } from '../lib/vendors';

interface Case {
	vendor: VendorKey;
	label: string;
	/** One request per input item. */
	parameters: INodeParameters;
	/** The emulator's own count of logins. */
	emulatorLogins(emulator: RemoteEmulator): Promise<number>;
}

const week = {
	startDate: new Date(ANCHOR.getTime() - 7 * 86_400_000).toISOString(),
	endDate: ANCHOR.toISOString(),
};

const CASES: Case[] = [
	{
		vendor: 'wesalPortal',
		label: 'Wesal Portal, Organization → Get',
		parameters: { resource: 'organization', operation: 'get' },
		emulatorLogins: async (emulator) =>
			(await emulator.control<{ logins: number }>('GET', 'wesal-portal/stats')).logins,
	},
	{
		vendor: 'wesalVoc',
		label: 'Wesal VoC, Survey → Get Many (Limit 1)',
		parameters: { resource: 'survey', operation: 'getAll', ...week, returnAll: false, limit: 1 },
		emulatorLogins: async (emulator) =>
			(await emulator.control<{ logins: number }>('GET', 'wesal-voc/stats')).logins,
	},
	{
		vendor: 'weClever',
		label: 'WeClever, Lead → Get',
		parameters: { resource: 'lead', operation: 'get', leadId: String(WECLEVER_FIRST_LEAD_ID) },
		emulatorLogins: async (emulator) =>
			(await emulator.control<{ tokenCalls: number }>('GET', 'weclever/stats')).tokenCalls,
	},
];

/** Credentials with a login (preAuthentication): one login, then the saved token, however many runs or items. */
export async function logins(ctx: BenchContext): Promise<Section> {
	const emulator = await RemoteEmulator.start();
	const rows: Array<Array<string | number>> = [];
	const goals: Goal[] = [];
	try {
		for (const testCase of CASES) {
			const run = async (setup: ReturnType<typeof credentialFor>, items: INodeExecutionData[]) => {
				const { error } = await runNode({
					nodeType: nodeOf(testCase.vendor),
					store: setup.store,
					credentials: setup.credentials,
					parameters: testCase.parameters,
					items,
				});
				if (error) throw new Error(error.message);
			};
			ctx.log(`logins: ${testCase.label}`);
			await emulator.reset();
			const tenRuns = credentialFor(testCase.vendor, emulator);
			for (let i = 0; i < 10; i++) await run(tenRuns, [{ json: {} }]);
			const afterRuns = {
				store: tenRuns.store.stats.preAuthentications,
				emulator: await testCase.emulatorLogins(emulator),
				requests: (await emulator.requests(VENDORS[testCase.vendor].emulatorName)).length,
			};

			await emulator.reset();
			const hundredItems = credentialFor(testCase.vendor, emulator);
			await run(
				hundredItems,
				Array.from({ length: 100 }, (_, i) => ({ json: { i } })),
			);
			const afterItems = {
				store: hundredItems.store.stats.preAuthentications,
				emulator: await testCase.emulatorLogins(emulator),
				requests: (await emulator.requests(VENDORS[testCase.vendor].emulatorName)).length,
			};

			rows.push([
				testCase.label,
				`${afterRuns.store} / ${afterRuns.emulator}`,
				afterRuns.requests,
				`${afterItems.store} / ${afterItems.emulator}`,
				afterItems.requests,
			]);
			goals.push({
				goal: `${testCase.label}: 10 executions, one credential → 1 login`,
				measured: `${afterRuns.emulator} login(s)`,
				met: afterRuns.store === 1 && afterRuns.emulator === 1,
			});
			goals.push({
				goal: `${testCase.label}: 100 items in one execution → 1 login`,
				measured: `${afterItems.emulator} login(s)`,
				met: afterItems.store === 1 && afterItems.emulator === 1,
			});
		}
	} finally {
		await emulator.stop();
	}
	const body = [
		"Each case starts with a new credential (no token saved yet) in the harness's credential store, which plays n8n's credentials database and CredentialsHelper (preAuthentication, saving the token, the 401 retry). Logins as counted by the store (preAuthentication calls) / by the emulator. Wesal Portal and Wesal VoC log in for a session token; WeClever fetches a token with Basic auth. Welcorp (Basic auth) and Wolkvox (static token) have no login.",
		'',
		table(
			[
				'Case',
				'10 executions: logins (store / emulator)',
				'Requests (logins included)',
				'100 items, one execution: logins (store / emulator)',
				'Requests (logins included)',
			],
			rows,
		),
	].join('\n');
	return { title: 'Login amortisation', body, goals };
}
