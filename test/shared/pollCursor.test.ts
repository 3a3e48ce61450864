import { CredentialStore, Poller } from '../harness';
import { CursorProbe, probe, resetProbe, type ProbeItem } from '../fixtures/CursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const store = new CredentialStore([]);
const emittedIds = (result: { items: Array<{ json: { id?: unknown } }> }) =>
	result.items.map((item) => String(item.json.id));

beforeEach(() => resetProbe(T0));

function add(...items: ProbeItem[]) {
	probe.items.push(...items);
}

describe('shared poll cursor engine', () => {
	it('baselines, then emits only later items, oldest first, each once', async () => {
		add({ id: 'old', at: T0 - 1000 });
		const trigger = new Poller({ nodeType: CursorProbe, store });
		expect((await trigger.activate()).result).toBeNull();
		probe.now = T0 + 10_000;
		add({ id: 'b', at: T0 + 5000 }, { id: 'a', at: T0 + 2000 });
		expect(emittedIds(await trigger.poll())).toEqual(['a', 'b']);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('queries from the newest item time minus the late-arrival window, never from "now"', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 600_000;
		add({ id: 'x', at: T0 + 30_000 });
		await trigger.poll();
		probe.now = T0 + 700_000;
		await trigger.poll();
		expect(probe.windows.at(-1)).toEqual([T0 + 30_000 - 60_000, T0 + 700_000]);
	});

	it('an idle poll changes no state; a repeated poll emits nothing', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 5000;
		add({ id: 'a', at: T0 + 1000 });
		await trigger.poll();
		const idle = await trigger.poll();
		expect(idle.staticDataChanged).toBe(false);
		expect(idle.result).toBeNull();
	});

	it('leaves the state untouched when the read fails', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		const before = JSON.stringify(trigger.staticData);
		probe.fail = true;
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toContain('vendor down');
		expect(JSON.stringify(trigger.staticData)).toBe(before);
	});

	it('works for vendors without timestamps: overlapping windows, dedupe by id', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		add({ id: 'before' });
		await trigger.activate();
		probe.now = T0 + 30_000;
		add({ id: 'n1' });
		expect(emittedIds(await trigger.poll())).toEqual(['n1']);
		probe.now = T0 + 60_000;
		add({ id: 'n2' });
		expect(emittedIds(await trigger.poll())).toEqual(['n2']);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('remembers every item of the late-arrival window, however many, and forgets older ones', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 50_000;
		for (let i = 0; i < 3000; i++)
			add({ id: `burst-${i}`, at: T0 + 10_000 + (i % 40) * 1000 + (i % 7) });
		expect(new Set(emittedIds(await trigger.poll())).size).toBe(3000);
		// Late arrival behind all 3,000: still inside the window, so still emitted, once.
		add({ id: 'late', at: T0 + 9_500 });
		expect(emittedIds(await trigger.poll())).toEqual(['late']);
		expect((await trigger.poll()).result).toBeNull();
		const state = () =>
			(
				trigger.staticData['node:Cursor Probe'] as {
					pollCursor: { v: number; cursor: number; seen: Record<string, number> };
				}
			).pollCursor;
		expect(Object.keys(state().seen)).toHaveLength(3001);
		// Times are kept as whole seconds before the cursor's second, rounded so no item leaves early.
		expect(state().v).toBe(2);
		expect(state().seen['late']).toBe(
			Math.floor((T0 + 49_006) / 1000) - Math.ceil((T0 + 9_500) / 1000),
		);
		// Once the cursor moves a window further, the burst is forgotten.
		probe.now = T0 + 200_000;
		add({ id: 'next', at: T0 + 150_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['next']);
		expect(Object.keys(state().seen)).toEqual(['next']);
	});

	it('emits an item stamped in the same whole second as the cursor, even without a late-arrival window', async () => {
		probe.lookbackMs = 0;
		probe.now = T0 + 5700;
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 9000;
		add({ id: 'same-second', at: T0 + 5000 });
		// The API, filtering by whole seconds, returns it for a window that starts at T0 + 5.7 s.
		const polled = await trigger.poll();
		expect(emittedIds(polled)).toEqual(['same-second']);
		expect((await trigger.poll()).result).toBeNull();
	});

	it("keeps the activation baseline in the workflow's global static data, for n8n's durable poll cursors", async () => {
		add({ id: 'old', at: T0 - 1000 });
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		// With durable cursors n8n does not save the node's static data of the activation poll.
		delete trigger.savedStaticData['node:Cursor Probe'];
		probe.now = T0 + 10_000;
		add({ id: 'new', at: T0 + 5000 });
		expect(emittedIds(await trigger.restart())).toEqual(['new']);
		expect((await trigger.poll()).result).toBeNull();
		expect(trigger.staticData.global).toEqual({ pollCursorBaselines: {} });
	});

	it('stores long ids as short hashes', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 5000;
		const long = 'a08013f9-5458-4f14-a4c8-fc41b451dbe4';
		add({ id: long, at: T0 + 1000 });
		await trigger.poll();
		const text = JSON.stringify(trigger.staticData);
		expect(text).not.toContain(long);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('"Fetch Test Event" returns a sample and saves nothing', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		add({ id: 'latest', at: T0 - 5 });
		const sample = await trigger.manual();
		expect(emittedIds(sample)).toEqual(['latest']);
		expect(trigger.savedStaticData).toEqual({});
	});

	it('with Start From, emits the whole backlog since then on activation, each item once', async () => {
		add(
			{ id: 'before', at: T0 - 7_200_000 },
			{ id: 'b', at: T0 - 1_800_000 },
			{ id: 'a', at: T0 - 3_000_000 },
		);
		probe.startFrom = T0 - 3_600_000;
		const trigger = new Poller({ nodeType: CursorProbe, store });
		expect(emittedIds(await trigger.activate())).toEqual(['a', 'b']);
		expect(probe.windows[0]).toEqual([T0 - 3_600_000, T0]);
		expect((await trigger.poll()).result).toBeNull();
		probe.now = T0 + 5_000;
		add({ id: 'c', at: T0 + 1_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['c']);
	});

	it('with Start From in the future, emits nothing before it, then everything from it on', async () => {
		add({ id: 'published', at: T0 - 60_000 });
		probe.startFrom = T0 + 3_600_000;
		const trigger = new Poller({ nodeType: CursorProbe, store });
		expect((await trigger.activate()).result).toBeNull();
		probe.now = T0 + 1_800_000;
		add({ id: 'too early', at: T0 + 1_700_000 });
		expect((await trigger.poll()).result).toBeNull();
		expect(probe.windows).toEqual([]);
		probe.now = T0 + 3_700_000;
		add({ id: 'a minute before', at: T0 + 3_540_000 }, { id: 'on time', at: T0 + 3_650_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['on time']);
		expect(probe.windows).toEqual([[T0 + 3_600_000, T0 + 3_700_000]]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('starts again as newly activated when the query fingerprint changes, and only then', async () => {
		add({ id: 'old', at: T0 - 30_000 });
		probe.fingerprint = 'filters-1';
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 10_000;
		add({ id: 'new', at: T0 + 5_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['new']);

		// The same query after a restart goes on where it was.
		const restarted = await trigger.restart();
		expect(restarted.result).toBeNull();

		// Another query: a new baseline from Start From (here: the last minute), old ids forgotten.
		probe.fingerprint = 'filters-2';
		probe.startFrom = T0 - 60_000;
		const changed = await trigger.poll();
		expect(emittedIds(changed)).toEqual(['old', 'new']);
		expect(
			(trigger.staticData['node:Cursor Probe'] as { pollCursor: { f: string } }).pollCursor.f,
		).toBe('filters-2');
		expect((await trigger.poll()).result).toBeNull();
	});
});
