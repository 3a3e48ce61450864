import { CredentialStore, Poller } from '../harness';
import { CursorProbe, probe, resetProbe } from '../fixtures/CursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const store = new CredentialStore([]);

beforeEach(() => resetProbe(T0));

const savedSeen = (trigger: Poller) =>
	(trigger.savedStaticData['node:Cursor Probe'] as { pollCursor: { seen: Record<string, number> } })
		.pollCursor.seen;

describe('shared poll cursor engine: the saved state', () => {
	it('saves ids of up to 20 characters as they are, longer ones as the first 16 hex digits of their SHA-1', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 5_000;
		probe.items.push(
			{ id: 'order-2026-000000001', at: T0 + 1_000 }, // 20 characters
			{ id: 'order-2026-0000000001', at: T0 + 2_000 }, // 21 characters
		);
		const polled = await trigger.poll();
		expect(polled.items.map((item) => item.json.id)).toEqual([
			'order-2026-000000001',
			'order-2026-0000000001',
		]);
		expect(polled.saved).toBe(true);
		expect(Object.keys(savedSeen(trigger)).sort()).toEqual([
			'2518f9c2b083f6e4',
			'order-2026-000000001',
		]);
		// After a restart both are still known.
		expect((await trigger.restart()).result).toBeNull();
	});

	it('moves the cursor when an item already emitted is read again with a later time', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 5_000;
		const item = { id: 'a', at: T0 + 1_000 };
		probe.items.push(item);
		expect((await trigger.poll()).items.map((entry) => entry.json.id)).toEqual(['a']);
		// The vendor dates it later now (e.g. a survey that got another answer): not emitted again,
		// but the next windows start from its new time.
		item.at = T0 + 20_000;
		probe.now = T0 + 30_000;
		expect((await trigger.poll()).result).toBeNull();
		probe.now = T0 + 40_000;
		expect((await trigger.poll()).result).toBeNull();
		expect(probe.windows.at(-1)).toEqual([T0 + 20_000 - 60_000, T0 + 40_000]);
	});

	it('emits a late item once when a shortened late-arrival window forgets as many older ones', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 45_000;
		probe.items.push({ id: 'old', at: T0 + 1_000 }, { id: 'newest', at: T0 + 40_000 });
		expect((await trigger.poll()).items.map((entry) => entry.json.id)).toEqual(['old', 'newest']);
		// The user shortens the Late Arrival Window to 20 s; a late item of 10 s before the newest
		// arrives while "old" leaves the window: as many ids remembered as before, other ones.
		probe.lookbackMs = 20_000;
		probe.items.push({ id: 'late', at: T0 + 30_000 });
		probe.now = T0 + 50_000;
		expect((await trigger.poll()).items.map((entry) => entry.json.id)).toEqual(['late']);
		probe.now = T0 + 55_000;
		expect((await trigger.poll()).result).toBeNull();
		expect((await trigger.restart()).result).toBeNull();
	});
});
