import { CredentialStore, engineLogs, Poller } from '../harness';
import { CursorProbe, probe, resetProbe, type ProbeItem } from '../fixtures/CursorProbe.node';

const T0 = Date.UTC(2026, 0, 1);
const store = new CredentialStore([]);

beforeEach(() => resetProbe(T0));

/** `count` items stamped `at`, ids `prefix-0`, `prefix-1`, … */
function burst(prefix: string, count: number, at: number): ProbeItem[] {
	return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, at }));
}

const warnings = () =>
	engineLogs()
		.lines.filter((line) => line.level === 'warn')
		.map((line) => line.message);

const largeStateWarning = (count: number) =>
	`Cursor Probe remembers ${count} items of its late-arrival window; a shorter "Late Arrival Window" keeps its saved state smaller`;

describe('shared poll cursor engine: a large late-arrival window', () => {
	it('warns once when the activation poll already remembers more than 10,000 items', async () => {
		probe.items.push(...burst('old', 10_001, T0 - 40_000));
		const trigger = new Poller({ nodeType: CursorProbe, store });
		engineLogs().clear();
		expect((await trigger.activate()).result).toBeNull();
		expect(warnings()).toEqual([largeStateWarning(10_001)]);

		// The next poll still remembers them all: no second warning.
		engineLogs().clear();
		probe.now = T0 + 1_000;
		probe.items.push({ id: 'new', at: T0 + 500 });
		expect((await trigger.poll()).items.map((item) => item.json.id)).toEqual(['new']);
		expect(warnings()).toEqual([]);
	});

	it('warns when the remembered items grow past 10,000, not at 10,000, and only once', async () => {
		probe.items.push(...burst('old', 10_000, T0 - 40_000));
		const trigger = new Poller({ nodeType: CursorProbe, store });
		engineLogs().clear();
		await trigger.activate();
		expect(warnings()).toEqual([]);

		probe.now = T0 + 1_000;
		probe.items.push({ id: 'one more', at: T0 + 500 });
		expect((await trigger.poll()).items.map((item) => item.json.id)).toEqual(['one more']);
		expect(warnings()).toEqual([largeStateWarning(10_001)]);

		engineLogs().clear();
		probe.now = T0 + 2_000;
		probe.items.push({ id: 'and another', at: T0 + 1_500 });
		expect((await trigger.poll()).items.map((item) => item.json.id)).toEqual(['and another']);
		expect(warnings()).toEqual([]);
	});

	it('warns again after the window has shrunk below 10,000 and grows past it once more', async () => {
		probe.lookbackMs = 10_000;
		probe.items.push(...burst('first', 10_001, T0 - 5_000));
		const trigger = new Poller({ nodeType: CursorProbe, store });
		engineLogs().clear();
		await trigger.activate();
		expect(warnings()).toEqual([largeStateWarning(10_001)]);

		// A minute later the burst has left the window: only the new item is remembered.
		engineLogs().clear();
		probe.now = T0 + 60_000;
		probe.items.push({ id: 'quiet', at: T0 + 59_000 });
		expect((await trigger.poll()).items.map((item) => item.json.id)).toEqual(['quiet']);
		expect(warnings()).toEqual([]);

		probe.now = T0 + 62_000;
		probe.items.push(...burst('second', 10_000, T0 + 60_000));
		expect((await trigger.poll()).items).toHaveLength(10_000);
		expect(warnings()).toEqual([largeStateWarning(10_001)]);
	});
});
