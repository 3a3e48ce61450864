import { CredentialStore, Poller } from '../harness';
import { CoarseCursorProbe, coarseProbe } from '../fixtures/CoarseCursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const store = new CredentialStore([]);
const emittedIds = (result: { items: Array<{ json: { id?: unknown } }> }) =>
	result.items.map((item) => String(item.json.id));

beforeEach(() =>
	Object.assign(coarseProbe, { items: [], now: T0, lookbackMs: 60_000, windows: [] }),
);

describe('shared poll cursor engine: a vendor that filters by whole minutes', () => {
	it('does not emit again the items it answers from before the window, forgotten by then', async () => {
		const trigger = new Poller({ nodeType: CoarseCursorProbe, store });
		await trigger.activate();
		coarseProbe.now = T0 + 100_000;
		coarseProbe.items.push({ id: 'a', at: T0 + 65_000 }, { id: 'b', at: T0 + 95_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['a', 'b']);
		coarseProbe.now = T0 + 140_000;
		coarseProbe.items.push({ id: 'c', at: T0 + 130_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['c']);
		// The window now starts at T0 + 70 s; the vendor answers from T0 + 60 s, with "a" again.
		coarseProbe.now = T0 + 150_000;
		expect((await trigger.poll()).result).toBeNull();
		expect(coarseProbe.windows.at(-1)).toEqual([T0 + 70_000, T0 + 150_000]);
	});

	it('still emits a late item stamped one second before the window (the margin for whole-second filters)', async () => {
		const trigger = new Poller({ nodeType: CoarseCursorProbe, store });
		await trigger.activate();
		coarseProbe.now = T0 + 100_000;
		coarseProbe.items.push({ id: 'a', at: T0 + 90_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['a']);
		// The window is [T0 + 30 s, now]; the late item is stamped T0 + 29 s.
		coarseProbe.now = T0 + 110_000;
		coarseProbe.items.push({ id: 'late', at: T0 + 29_000 });
		expect(emittedIds(await trigger.poll())).toEqual(['late']);
		expect((await trigger.poll()).result).toBeNull();
	});
});
