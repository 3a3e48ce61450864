import type { INodeParameters } from 'n8n-workflow';

import { WeCleverTrigger } from '../../nodes/WeClever/WeCleverTrigger.node';
import { Poller } from '../harness';
import {
	addFault,
	addLeads,
	apiDateTime,
	entryOf,
	expectedListed,
	expectedSimplified,
	rawRecord,
	requests,
	stats,
	WeCleverSetup,
} from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** The lead IDs of a poll's items (Output Simplified, the default). */
const ids = (items: Array<{ json: Record<string, unknown> }>) =>
	items.map((item) => item.json.leadId);
const listCalls = async () =>
	(await requests(setup.sb)).filter((request) => request.path.startsWith('/lead/find/finalized/'));
const clearRequests = async () =>
	void (await fetch(`${setup.sb.url}/__control/requests`, { method: 'DELETE' }));

/** The trigger as n8n starts it again after being stopped for `ms`: its saved poll cursor moved back that much. */
function restartedAfter(poller: Poller, ms: number, parameters: INodeParameters = {}): Poller {
	const saved = JSON.parse(JSON.stringify(poller.savedStaticData)) as Record<
		string,
		{ pollCursor?: { cursor: number } }
	>;
	for (const node of Object.values(saved)) if (node?.pollCursor) node.pollCursor.cursor -= ms;
	return new Poller(
		{
			nodeType: WeCleverTrigger,
			parameters,
			store: setup.store,
			credentials: { weCleverApi: setup.credentialId },
		},
		saved,
	);
}

/** How many lead ids the saved poll state remembers. */
const rememberedIds = (poller: Poller) =>
	Object.values(poller.savedStaticData as Record<string, { pollCursor?: { seen: object } }>).reduce(
		(sum, node) => sum + Object.keys(node?.pollCursor?.seen ?? {}).length,
		0,
	);

describe('WeClever Trigger: New Finalized Lead', () => {
	it('starts from a baseline, then emits each new lead once', async () => {
		await addLeads(setup.sb, [{ finalizedAt: ago(2 * MINUTE) }, { finalizedAt: ago(MINUTE) }]);
		const poller = setup.poller();
		const first = await poller.activate();
		expect(first.result).toBeNull();
		expect(first.staticDataChanged).toBe(true);

		expect((await poller.poll()).result).toBeNull();

		const [added] = await addLeads(setup.sb, [{}]);
		const next = await poller.poll();
		expect(next.items.map((item) => item.json)).toEqual([expectedListed(added)]);
		expect(next.saved).toBe(true);

		const again = await poller.poll();
		expect(again.result).toBeNull();
		expect(again.saved).toBe(false);
	});

	it('emits a lead that shows up late but still inside the overlap window, and only once', async () => {
		const poller = setup.poller();
		await poller.activate();
		await poller.poll();
		const polledAt = Date.now();

		// Finalized 3 minutes before the last poll, but visible in the API only now.
		const [late] = await addLeads(setup.sb, [
			{ finalizedAt: new Date(polledAt - 3 * MINUTE).toISOString() },
		]);
		// Later than the 10-minute window allows: treated as already handled.
		await addLeads(setup.sb, [{ finalizedAt: new Date(polledAt - 30 * MINUTE).toISOString() }]);
		await fetch(`${setup.sb.url}/__control/requests`, { method: 'DELETE' });

		const result = await poller.poll();
		expect(ids(result.items)).toEqual([late.weclever_lead_id]);
		const [call] = await listCalls();
		const first = decodeURIComponent(call.path.split('/')[4]);
		expect(first <= apiDateTime(new Date(polledAt - 10 * MINUTE))).toBe(true);

		expect((await poller.poll()).result).toBeNull();
		expect((await poller.poll()).result).toBeNull();
	});

	it('honours a longer Late Arrival Window', async () => {
		const poller = setup.poller({ options: { lookbackMinutes: 60 } });
		await poller.activate();
		const [late] = await addLeads(setup.sb, [{ finalizedAt: ago(45 * MINUTE) }]);
		expect(ids((await poller.poll()).items)).toEqual([late.weclever_lead_id]);
	});

	it('keeps its memory across a restart of n8n', async () => {
		const poller = setup.poller();
		await poller.activate();
		const [one] = await addLeads(setup.sb, [{ finalizedAt: ago(MINUTE) }]);
		expect(ids((await poller.poll()).items)).toEqual([one.weclever_lead_id]);
		await poller.restart();
		expect(ids((await poller.poll()).items)).toEqual([]);
		const [two] = await addLeads(setup.sb, [{}]);
		expect(ids((await poller.poll()).items)).toEqual([two.weclever_lead_id]);
	});

	it('with Include Details and Output Raw, emits each lead merged with its details, at most 4 detail calls at a time', async () => {
		const poller = setup.poller({ output: 'raw', options: { includeDetails: true } });
		await poller.activate();
		const added = await addLeads(
			setup.sb,
			Array.from({ length: 9 }, (_, index) => ({ finalizedAt: ago((9 - index) * 1000) })),
		);
		const result = await poller.poll();
		const expected = added
			.map(rawRecord)
			.sort((a, b) => String(a.weclever_lead_id).localeCompare(String(b.weclever_lead_id)));
		expect(result.items.map((item) => item.json)).toEqual(expected);
		const counted = await stats(setup.sb);
		expect(counted.detailCalls).toBe(9);
		expect(counted.maxDetailConcurrency).toBeLessThanOrEqual(4);
		expect(counted.maxDetailConcurrency).toBeGreaterThan(1);
	});

	it('with Include Details and Output Simplified (the default), emits flat lead records', async () => {
		const poller = setup.poller({ options: { includeDetails: true } });
		await poller.activate();
		const added = await addLeads(setup.sb, [
			{
				finalizedAt: ago(2000),
				lead: {
					feelings: {
						total_messages: 5,
						positive_feeling: 0,
						neutral_feeling: 1,
						negative_feeling: 4,
					},
				},
			},
			{ finalizedAt: ago(1000) },
		]);
		const result = await poller.poll();
		expect(result.items.map((item) => item.json)).toEqual(
			added.map((lead) => expectedSimplified(lead)),
		);
		expect(result.items[0].json).toMatchObject({
			sentiment: 'negative',
			negativeMessages: 4,
			feelingMessages: 5,
		});
	});

	it('with Output Selected Fields, emits only the chosen fields', async () => {
		const poller = setup.poller({
			output: 'selected',
			fields: ['leadId', 'score_*', 'sentiment'],
			options: { includeDetails: true },
		});
		await poller.activate();
		const [lead] = await addLeads(setup.sb, [
			{ lead: { csat: { message: 'Nota?', rating: '4' } } },
		]);
		const result = await poller.poll();
		const { sentiment } = expectedSimplified(lead);
		expect(result.items.map((item) => item.json)).toEqual([
			{ leadId: lead.weclever_lead_id, score_csat: 4, sentiment },
		]);
	});

	it('with Output Raw and no details, emits the list entries as sent', async () => {
		const poller = setup.poller({ output: 'raw' });
		await poller.activate();
		const [lead] = await addLeads(setup.sb, [{}]);
		expect((await poller.poll()).items.map((item) => item.json)).toEqual([entryOf(lead)]);
		expect((await stats(setup.sb)).detailCalls).toBe(0);
	});

	it('fails the poll, before any request and without touching its state, for a Selected Field that needs Include Details', async () => {
		const working = setup.poller();
		await working.activate();
		const saved = working.savedStaticData;
		await clearRequests();
		const poller = setup.poller({ output: 'selected', fields: ['comment'] }, saved);
		await expect(poller.activate()).rejects.toThrow(
			'Invalid "Fields": Comment needs Include Details',
		);
		expect(poller.savedStaticData).toEqual(saved);
		expect(await requests(setup.sb)).toEqual([]);
	});

	it('does not lose a lead whose details fail: it comes again on the next poll', async () => {
		const poller = setup.poller({ output: 'raw', options: { includeDetails: true } });
		await poller.activate();
		const before = poller.staticData;
		const [lead] = await addLeads(setup.sb, [{}]);
		await addFault(setup.sb, {
			path: `/lead/find/weclever_id/${lead.weclever_lead_id}`,
			kind: 'status',
			status: 404,
		});

		const failed = await poller.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'WeClever found nothing for "Trigger: New Finalized Lead" (HTTP 404): Not Found',
		);
		expect(failed.result).toBeNull();
		expect(poller.staticData).toEqual(before);

		const retried = await poller.poll();
		expect(retried.items.map((item) => item.json)).toEqual([rawRecord(lead)]);
	});

	it('keeps its state when the list call fails', async () => {
		const poller = setup.poller();
		await poller.activate();
		const before = poller.staticData;
		const [lead] = await addLeads(setup.sb, [{}]);
		await addFault(setup.sb, { path: '^/lead/find/finalized/', kind: 'status', status: 403 });
		const failed = await poller.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'WeClever did not accept the credential for "Trigger: New Finalized Lead" (HTTP 403): Forbidden',
		);
		expect(poller.staticData).toEqual(before);
		expect(ids((await poller.poll()).items)).toEqual([lead.weclever_lead_id]);
	});

	it('"Fetch Test Event" shows the newest recent lead, looking further back when needed, without touching the poll state', async () => {
		const poller = setup.poller({ output: 'raw', options: { includeDetails: true } });
		const empty = await poller.manual();
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);

		const added = await addLeads(setup.sb, [
			{ finalizedAt: ago(3 * 86_400_000) },
			{ finalizedAt: ago(2 * 86_400_000) },
		]);
		await clearRequests();
		const sample = await poller.manual();
		expect(sample.items.map((item) => item.json)).toEqual([rawRecord(added[1])]);
		expect(poller.savedStaticData).toEqual({});
		// The last day holds no lead, the last week both: the last one listed is the newest.
		expect(await listCalls()).toHaveLength(2);

		const [fresh] = await addLeads(setup.sb, [{ finalizedAt: ago(60_000) }]);
		await clearRequests();
		const simplified = setup.poller({ options: { includeDetails: true } });
		expect((await simplified.manual()).items.map((item) => item.json)).toEqual([
			expectedSimplified(fresh),
		]);
		expect(await listCalls()).toHaveLength(1);

		// An active workflow still starts from its own baseline afterwards.
		expect((await poller.activate()).result).toBeNull();
	});

	describe('after n8n was stopped (the window is longer than twice the late-arrival window)', () => {
		const HOUR = 3_600_000;

		it('emits the backlog once with two list calls and remembers only the leads of the last window', async () => {
			const running = setup.poller();
			await running.activate();
			await running.poll();
			const now = Date.now();
			const backlog = await addLeads(
				setup.sb,
				Array.from({ length: 1200 }, (_, index) => ({
					finalizedAt: new Date(now - 2 * HOUR + (index + 1) * 6000).toISOString(),
				})),
			);
			const trigger = restartedAfter(running, 2 * HOUR);
			await clearRequests();

			const catchUp = await trigger.activate('init');
			expect(catchUp.error).toBeUndefined();
			expect(ids(catchUp.items).sort()).toEqual(
				backlog.map((lead) => lead.weclever_lead_id).sort(),
			);
			expect(await listCalls()).toHaveLength(2);
			const lastWindow = backlog.filter(
				(lead) => Date.parse(lead.finalizedAt) >= Date.now() - 10 * MINUTE - 3000,
			).length;
			expect(rememberedIds(trigger)).toBeLessThanOrEqual(lastWindow + 1);
			expect(rememberedIds(trigger)).toBeLessThan(backlog.length / 5);

			// The next poll reads the last window again: nothing twice, one call.
			await clearRequests();
			expect((await trigger.poll()).result).toBeNull();
			expect(await listCalls()).toHaveLength(1);
			const [added] = await addLeads(setup.sb, [{}]);
			expect(ids((await trigger.poll()).items)).toEqual([added.weclever_lead_id]);
		}, 60_000);

		it('when the last window of the pause had no lead, still moves on and emits nothing twice', async () => {
			const running = setup.poller();
			await running.activate();
			const now = Date.now();
			const backlog = await addLeads(
				setup.sb,
				Array.from({ length: 300 }, (_, index) => ({
					finalizedAt: new Date(now - 2 * HOUR + index * 20_000).toISOString(),
				})),
			);
			const trigger = restartedAfter(running, 2 * HOUR);
			const catchUp = await trigger.activate('init');
			expect(ids(catchUp.items).sort()).toEqual(
				backlog.map((lead) => lead.weclever_lead_id).sort(),
			);
			expect(rememberedIds(trigger)).toBe(1);
			await clearRequests();
			expect((await trigger.poll()).result).toBeNull();
			expect(await listCalls()).toHaveLength(1);
		});

		it('a quiet spell costs one list call per poll; the first lead after it is emitted once', async () => {
			const running = setup.poller();
			await running.activate();
			const trigger = restartedAfter(running, 2 * HOUR);
			await clearRequests();
			expect((await trigger.activate('init')).result).toBeNull();
			expect((await trigger.poll()).result).toBeNull();
			expect(await listCalls()).toHaveLength(2);

			const [lead] = await addLeads(setup.sb, [{}]);
			await clearRequests();
			expect(ids((await trigger.poll()).items)).toEqual([lead.weclever_lead_id]);
			expect(await listCalls()).toHaveLength(2);
			await clearRequests();
			expect((await trigger.poll()).result).toBeNull();
			expect(await listCalls()).toHaveLength(1);
		});

		it('keeps its state when the second list call fails, and emits the backlog on the next poll', async () => {
			const running = setup.poller();
			await running.activate();
			const now = Date.now();
			const backlog = await addLeads(
				setup.sb,
				Array.from({ length: 50 }, (_, index) => ({
					finalizedAt: new Date(now - HOUR + index * 60_000).toISOString(),
				})),
			);
			const trigger = restartedAfter(running, 2 * HOUR);
			const before = trigger.savedStaticData;
			await clearRequests();
			await addFault(setup.sb, { path: '^/lead/find/finalized/', kind: 'delay', delayMs: 0 });
			await addFault(setup.sb, { path: '^/lead/find/finalized/', kind: 'status', status: 403 });
			// n8n's activation poll throws when the poll fails.
			await expect(trigger.activate('init')).rejects.toThrow(
				'WeClever did not accept the credential for "Trigger: New Finalized Lead" (HTTP 403): Forbidden',
			);
			expect(await listCalls()).toHaveLength(2);
			expect(trigger.staticData).toEqual(before);
			expect(trigger.savedStaticData).toEqual(before);
			expect(ids((await trigger.poll()).items).sort()).toEqual(
				backlog.map((lead) => lead.weclever_lead_id).sort(),
			);
		});
	});
});
