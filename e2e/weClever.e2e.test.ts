/**
 * WeClever end-to-end: our tarball in a real n8n against the emulator. The credential test as the
 * editor runs it, Lead → Get Summary by local day, and an active polling trigger (with details) delivering finalized leads to a sink
 * exactly once: leads added while n8n runs, a lead that shows up late inside the overlap window,
 * and a lead added while n8n restarts.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import { nodeItems } from './examples.checks';

const {
	vendorSuite,
	TriggerToSink,
	manualWorkflow,
	version,
	waitFor,
} = require('./lib/vendorSuite');

const VENDOR = 'weclever';
const CREDENTIAL = { id: 'weCleverE2eTrig1', name: 'WeClever (E2E trigger)', type: 'weCleverApi' };
const DAY = 86_400_000;
/** São Paulo has had no daylight saving time since 2019: local = UTC - 3 h all year. */
const ZONE_OFFSET_MS = 3 * 3_600_000;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** The CSAT figures of some emulator leads, computed here from their ratings (1–5 scale). */
function csatFigures(leads: any[]) {
	const values: number[] = leads
		.map((lead) => lead.lead.csat.rating)
		.filter((rating) => rating !== null)
		.map(Number);
	const count = values.length;
	const lowest = count ? Math.min(...values) : null;
	return {
		responses: leads.length,
		score_csat_responses: count,
		score_csat_average: count ? round2(values.reduce((a, b) => a + b, 0) / count) : null,
		score_csat_csat: count ? round2((values.filter((v) => v >= 4).length / count) * 100) : null,
		score_csat_nps: null,
		score_csat_lowest: lowest,
		score_csat_lowestCount: values.filter((value) => value === lowest).length,
	};
}

describe(`WeClever on n8n ${version}`, () => {
	// WeClever's region: dates must not depend on n8n's time zone
	const suite = vendorSuite({ timeZone: 'America/Sao_Paulo', credential: CREDENTIAL });
	const wc = () => suite.control.vendor(VENDOR);

	test('credential test, as the editor runs it: a good credential passes, a wrong password fails clearly', async () => {
		const wrong = await suite.testCredential({ password: 'not-the-password' });
		expect(wrong.message).toMatch(/^WeClever refused the login/);
		expect(wrong.message).not.toContain('not-the-password');
	});

	// Before the trigger test: its workflow stays active and would add requests to the log.
	test('Lead → Get Summary: per São Paulo day, the CSAT figures of the leads finalized in the range, from the details of each lead', async () => {
		await suite.control.reset();
		const localDay = (ms: number) => new Date(ms - ZONE_OFFSET_MS).toISOString().slice(0, 10);
		const start = `${localDay(Date.now() - 5 * DAY)}T00:00:00`;
		const end = `${localDay(Date.now() - 3 * DAY)}T23:59:59`;
		await suite.importWorkflow(
			manualWorkflow({
				id: 'e2eWeCleverSummary',
				name: 'E2E: WeClever Get Summary',
				nodes: [
					{
						name: 'Summary',
						type: 'weClever',
						parameters: {
							resource: 'lead',
							operation: 'getSummary',
							startDate: start,
							endDate: end,
							groupBy: ['day'],
							options: {},
						},
						credentials: { weCleverApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
					},
				],
			}),
		);
		const items: any[] = nodeItems(await suite.execute('e2eWeCleverSummary'), 'Summary');

		const from = Date.parse(`${start}Z`) + ZONE_OFFSET_MS;
		const to = Date.parse(`${end}Z`) + ZONE_OFFSET_MS;
		const { leads: truth } = await wc().get('leads');
		const inRange = truth.filter(
			(lead: any) => Date.parse(lead.finalizedAt) >= from && Date.parse(lead.finalizedAt) <= to,
		);
		expect(inRange.length).toBeGreaterThan(10);
		// A lead's day: its chat's last message, in n8n's time zone.
		const dayOf = (lead: any) => {
			const messages = lead.lead.chats.messages;
			const last = messages[messages.length - 1].date_created;
			return localDay(Date.parse(`${last.replace(' ', 'T')}Z`));
		};
		const days = [...new Set<string>(inRange.map(dayOf))].sort();
		expect(days).toHaveLength(3);
		expect(items).toEqual(
			days.map((day) => ({
				day,
				from: new Date(from).toISOString(),
				to: new Date(to).toISOString(),
				...csatFigures(inRange.filter((lead: any) => dayOf(lead) === day)),
			})),
		);

		const requests = await suite.control.requests(VENDOR);
		const paths = requests.map((request: any) => request.path);
		// The exact request count is pinned by test/weClever/getSummary.test.ts. Here the token left by
		// the credential test is void after the emulator's reset: n8n 2.41.1 sends the list request
		// twice with it (refused, 401) before it logs in again, so the requests are compared as sets.
		const distinct = (prefix: string) =>
			[...new Set(paths.filter((path: string) => path.startsWith(prefix)))].sort();
		expect(distinct('/lead/find/finalized/')).toHaveLength(1);
		expect(distinct('/lead/find/weclever_id/')).toEqual(
			inRange.map((lead: any) => `/lead/find/weclever_id/${lead.weclever_lead_id}`).sort(),
		);
	}, 300_000);

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
