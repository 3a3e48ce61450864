import { CredentialStore, Poller } from '../harness';
import { CursorProbe, probe, type ProbeItem } from '../fixtures/CursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const store = new CredentialStore([]);
const emittedIds = (result: { items: Array<{ json: { id?: unknown } }> }) => result.items.map((item) => String(item.json.id));

beforeEach(() => Object.assign(probe, { items: [], now: T0, lookbackMs: 60_000, maxSeen: 1000, fail: false, windows: [] }));

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
		const failed = await trigger.poll();
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

	it('keeps the seen set bounded but whole timestamp groups together, and never re-emits', async () => {
		probe.maxSeen = 50;
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 50_000;
		for (let i = 0; i < 200; i++) add({ id: `burst-${i}`, at: T0 + 10_000 + (i % 4) * 1000 });
		expect(new Set(emittedIds(await trigger.poll())).size).toBe(200);
		expect((await trigger.poll()).result).toBeNull();
		const seen = Object.keys((trigger.staticData['node:Cursor Probe'] as { pollCursor: { seen: object } }).pollCursor.seen);
		expect(seen.length).toBeLessThanOrEqual(100);
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
});
