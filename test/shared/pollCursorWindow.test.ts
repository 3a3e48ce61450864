import { CredentialStore, Poller } from '../harness';
import { CursorProbe, probe, resetProbe } from '../fixtures/CursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const store = new CredentialStore([]);
const emittedIds = (result: { items: Array<{ json: { id?: unknown } }> }) =>
	result.items.map((item) => String(item.json.id));

beforeEach(() => resetProbe(T0));

describe('shared poll cursor engine: the late-arrival window changed on a published trigger', () => {
	it('made longer, emits nothing a second time, and still emits what is new', async () => {
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 10 * MINUTE;
		probe.items.push(
			{ id: 'a', at: T0 + 1 * MINUTE },
			{ id: 'b', at: T0 + 5 * MINUTE },
			{ id: 'c', at: T0 + 9 * MINUTE },
		);
		expect(emittedIds(await trigger.poll())).toEqual(['a', 'b', 'c']);

		// from 1 to 10 minutes: the window now reaches a and b again, no longer remembered
		probe.lookbackMs = 10 * MINUTE;
		probe.now = T0 + 11 * MINUTE;
		probe.items.push({ id: 'd', at: T0 + 10.5 * MINUTE }, { id: 'late', at: T0 + 8.5 * MINUTE });
		expect(emittedIds(await trigger.poll())).toEqual(['late', 'd']);
		expect(probe.windows.at(-1)).toEqual([T0 + 9 * MINUTE - 10 * MINUTE, T0 + 11 * MINUTE]);

		// the longer window is remembered whole from now on: a late item inside it is emitted once
		probe.now = T0 + 12 * MINUTE;
		probe.items.push({ id: 'very late', at: T0 + 4 * MINUTE });
		expect(emittedIds(await trigger.poll())).toEqual(['very late']);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('made shorter, then longer again, emits nothing a second time', async () => {
		probe.lookbackMs = 10 * MINUTE;
		const trigger = new Poller({ nodeType: CursorProbe, store });
		await trigger.activate();
		probe.now = T0 + 10 * MINUTE;
		probe.items.push({ id: 'a', at: T0 + 2 * MINUTE }, { id: 'b', at: T0 + 8 * MINUTE });
		expect(emittedIds(await trigger.poll())).toEqual(['a', 'b']);

		probe.lookbackMs = MINUTE;
		probe.now = T0 + 11 * MINUTE;
		expect((await trigger.poll()).result).toBeNull();

		probe.lookbackMs = 10 * MINUTE;
		probe.now = T0 + 12 * MINUTE;
		probe.items.push({ id: 'c', at: T0 + 11.5 * MINUTE });
		expect(emittedIds(await trigger.poll())).toEqual(['c']);
	});
});

describe("shared poll cursor engine: another trigger's activation baseline", () => {
	it('is kept when this trigger drops its own', async () => {
		const other = { v: 2, cursor: T0 - 5000, seen: { x: 1 } };
		const trigger = new Poller(
			{ nodeType: CursorProbe, store },
			{ global: { pollCursorBaselines: { 'another-trigger': other } } },
		);
		await trigger.activate();
		probe.now = T0 + 5000;
		probe.items.push({ id: 'a', at: T0 + 1000 });
		expect(emittedIds(await trigger.poll())).toEqual(['a']);
		expect(trigger.staticData.global).toEqual({
			pollCursorBaselines: { 'another-trigger': other },
		});
	});
});
