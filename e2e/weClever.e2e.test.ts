/**
 * WeClever end-to-end: our tarball in a real n8n against the emulator. The credential test as the
 * editor runs it, and an active polling trigger (with details) delivering finalized leads to a sink
 * exactly once: leads added while n8n runs, a lead that shows up late inside the overlap window,
 * and a lead added while n8n restarts.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const { vendorSuite, TriggerToSink, version, waitFor } = require('./lib/vendorSuite');

const VENDOR = 'weclever';
const CREDENTIAL = { id: 'weCleverE2eTrig1', name: 'WeClever (E2E trigger)', type: 'weCleverApi' };

describe(`WeClever on n8n ${version}`, () => {
	// WeClever's region: dates must not depend on n8n's time zone
	const suite = vendorSuite({ timeZone: 'America/Sao_Paulo', credential: CREDENTIAL });
	const wc = () => suite.control.vendor(VENDOR);

	test('credential test, as the editor runs it: a good credential passes, a wrong password fails clearly', async () => {
		const wrong = await suite.testCredential({ password: 'not-the-password' });
		expect(wrong.message).toMatch(/^WeClever refused the login/);
		expect(wrong.message).not.toContain('not-the-password');
	});

	test('an active polling trigger: finalized leads reach a sink exactly once, with details, also late ones and across a restart', async () => {
		await suite.control.reset();
		const listCalls = async (): Promise<number> => (await wc().get('stats')).listCalls;
		// the first scheduled poll ~25 s after activation
		const trigger = new TriggerToSink(suite, {
			sink: `weclever-trigger-${version}`,
			keyOf: (item: any) => item.weclever_lead_id,
			polls: listCalls,
			leadSeconds: 25,
		});
		const add = async (leads: Array<Record<string, unknown>>): Promise<number[]> =>
			(await wc().post('leads', { leads })).leads.map((lead: any) => lead.weclever_lead_id);

		const before = await add([{ finalizedAt: new Date(Date.now() - 60_000).toISOString() }]);
		await trigger.activate({
			name: `E2E: WeClever trigger to sink (${version})`,
			trigger: {
				name: 'New finalized lead',
				type: 'weCleverTrigger',
				parameters: {
					pollTimes: trigger.pollTimes(),
					event: 'newFinalizedLead',
					options: { includeDetails: true },
				},
				credentials: { weCleverApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		});

		// 1. finalized after activation → delivered by the next poll, merged with the lead's details
		const first = await add([{}, {}]);
		await trigger.delivered('the first two leads at the sink', 2, 100_000);
		await trigger.expectKeys(first);
		const { leads: truth } = await wc().get('leads');
		for (const item of await suite.control.sink(trigger.sink)) {
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
			async () => (await listCalls()) > callsBeforeLate && (await trigger.keys()).length >= 3,
			100_000,
		);

		// 3. one added while n8n restarts, one after: each delivered once, nothing repeated
		let callsAfterRestart = 0;
		const restarted = await trigger.acrossRestart(
			() => add([{}]),
			async () => {
				callsAfterRestart = await listCalls();
				return add([{}]);
			},
		);
		await trigger.delivered(
			'a scheduled poll after the restart',
			5,
			100_000,
			async () => (await listCalls()) > callsAfterRestart,
		);
		await trigger.expectExactlyOnce([...first, ...late, ...restarted], before);
	}, 500_000);
});
