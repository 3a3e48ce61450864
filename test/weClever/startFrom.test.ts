import type { IDataObject } from 'n8n-workflow';

import { engineLogs, type Poller } from '../harness';
import {
	addLeads,
	apiDateTime,
	rawRecord,
	requests,
	WeCleverSetup,
	type TruthLead,
} from './helpers';

/**
 * Start From on a list without timestamps: the first poll after activation reads [Start From, now]
 * and must emit each lead of that backlog once, remember only the leads of its last late-arrival
 * window, and never emit a lead of the backlog again on later polls.
 */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ids = (items: Array<{ json: IDataObject }>) =>
	items.map((item) => Number(item.json.leadId)).sort((a, b) => a - b);
const idsOf = (leads: TruthLead[]) =>
	leads.map((lead) => lead.weclever_lead_id).sort((a, b) => a - b);
const listCalls = async () =>
	(await requests(setup.sb)).filter((request) => request.path.startsWith('/lead/find/finalized/'));
const clearRequests = async () =>
	void (await fetch(`${setup.sb.url}/__control/requests`, { method: 'DELETE' }));
/** The first date of a list call, as sent (YYYY-MM-DD+HH:mm:ss). */
const firstDateOf = (path: string) => decodeURIComponent(path.split('/')[4]);

/** How many lead ids the saved poll state remembers. */
const rememberedIds = (poller: Poller) =>
	Object.values(poller.savedStaticData as Record<string, { pollCursor?: { seen: object } }>).reduce(
		(sum, node) => sum + Object.keys(node?.pollCursor?.seen ?? {}).length,
		0,
	);

describe('WeClever Trigger: Start From', () => {
	it('The Last Hours: emits each lead of the backlog once, not the older ones, and remembers only the last window', async () => {
		const now = Date.now();
		const [older] = await addLeads(setup.sb, [{ finalizedAt: ago(3 * HOUR) }]);
		// One lead every 29 s, from 119 to about 3 minutes ago.
		const backlog = await addLeads(
			setup.sb,
			Array.from({ length: 240 }, (_, index) => ({
				finalizedAt: new Date(now - 2 * HOUR + MINUTE + index * 29_000).toISOString(),
			})),
		);
		const trigger = setup.poller({ startFrom: 'lastHours', startHours: 2 });
		await clearRequests();
		const before = Date.now();
		const first = await trigger.activate();
		const after = Date.now();

		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(backlog.length);
		expect(ids(first.items)).toEqual(idsOf(backlog));
		expect(ids(first.items)).not.toContain(older.weclever_lead_id);
		// The whole window, then its last late-arrival window again.
		const calls = await listCalls();
		expect(calls).toHaveLength(2);
		expect(firstDateOf(calls[0].path) >= apiDateTime(new Date(before - 2 * HOUR))).toBe(true);
		expect(firstDateOf(calls[0].path) <= apiDateTime(new Date(after - 2 * HOUR))).toBe(true);
		const lastWindow = backlog.filter(
			(lead) => Date.parse(lead.finalizedAt) >= Date.now() - 10 * MINUTE - 3000,
		).length;
		expect(rememberedIds(trigger)).toBeLessThanOrEqual(lastWindow + 1);
		expect(rememberedIds(trigger)).toBeLessThan(backlog.length / 5);

		await clearRequests();
		expect((await trigger.poll()).result).toBeNull();
		expect(await listCalls()).toHaveLength(1);
		const [added] = await addLeads(setup.sb, [{}]);
		expect(ids((await trigger.poll()).items)).toEqual([added.weclever_lead_id]);
		expect((await trigger.restart()).result).toBeNull();
		expect((await trigger.poll()).result).toBeNull();
	}, 60_000);

	it('A Date and Time: emits every lead from that second on, once', async () => {
		const start = new Date(Math.floor((Date.now() - 90 * MINUTE) / 1000) * 1000);
		const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
		await addLeads(setup.sb, [{ finalizedAt: at(-1000) }]);
		const backlog = await addLeads(setup.sb, [
			{ finalizedAt: at(0) },
			{ finalizedAt: at(30 * MINUTE) },
			{ finalizedAt: at(60 * MINUTE) },
			{ finalizedAt: at(85 * MINUTE) },
		]);
		const trigger = setup.poller({ startFrom: 'dateTime', startDate: start.toISOString() });
		await clearRequests();
		expect(ids((await trigger.activate()).items)).toEqual(idsOf(backlog));
		expect(firstDateOf((await listCalls())[0].path)).toBe(apiDateTime(start));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('reads a backlog shorter than two late-arrival windows with one call, and remembers it', async () => {
		const backlog = await addLeads(setup.sb, [
			{ finalizedAt: ago(50 * MINUTE) },
			{ finalizedAt: ago(10 * MINUTE) },
		]);
		const trigger = setup.poller({
			startFrom: 'lastHours',
			startHours: 1,
			options: { lookbackMinutes: 60 },
		});
		await clearRequests();
		expect(ids((await trigger.activate()).items)).toEqual(idsOf(backlog));
		expect(await listCalls()).toHaveLength(1);
		expect(rememberedIds(trigger)).toBe(2);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('a Start From in the future sends no reversed range and emits nothing', async () => {
		await addLeads(setup.sb, [{ finalizedAt: ago(MINUTE) }]);
		const trigger = setup.poller({
			startFrom: 'dateTime',
			startDate: new Date(Date.now() + 86_400_000).toISOString(),
		});
		await clearRequests();
		const first = await trigger.activate();
		expect(first.error).toBeUndefined();
		expect(first.result).toBeNull();
		expect(await listCalls()).toHaveLength(0);
	});
});

describe('WeClever Trigger: a change of the query starts it again', () => {
	it('starts again from Start From when Start From changes, and says so in its log', async () => {
		const older = await addLeads(setup.sb, [{ finalizedAt: ago(150 * MINUTE) }]);
		const recent = await addLeads(setup.sb, [
			{ finalizedAt: ago(30 * MINUTE) },
			{ finalizedAt: ago(20 * MINUTE) },
		]);
		const trigger = setup.poller({ startFrom: 'lastHours', startHours: 1 });
		expect(ids((await trigger.activate()).items)).toEqual(idsOf(recent));
		expect((await trigger.poll()).result).toBeNull();

		engineLogs().clear();
		const changed = setup.poller(
			{ startFrom: 'lastHours', startHours: 3 },
			trigger.savedStaticData,
		);
		expect(ids((await changed.activate()).items)).toEqual(idsOf([...older, ...recent]));
		expect(engineLogs().text()).toContain(
			'WeClever Trigger: its event, filters or Start From changed, so it starts again as newly activated',
		);
		expect((await changed.poll()).result).toBeNull();
	});

	it('keeps its place when only the Output or Include Details changes', async () => {
		const recent = await addLeads(setup.sb, [{ finalizedAt: ago(30 * MINUTE) }]);
		const trigger = setup.poller({ startFrom: 'lastHours', startHours: 1 });
		expect(ids((await trigger.activate()).items)).toEqual(idsOf(recent));

		const edited = setup.poller(
			{ startFrom: 'lastHours', startHours: 1, output: 'raw', options: { includeDetails: true } },
			trigger.savedStaticData,
		);
		expect((await edited.activate()).result).toBeNull();
		const [added] = await addLeads(setup.sb, [{}]);
		expect((await edited.poll()).items.map((item) => item.json)).toEqual([rawRecord(added)]);
	});
});
