import { writeResult } from './evidence';
import { KNOWN_LOSSES, TRIGGERS, type TriggerUnderTest } from './soak';
import { vendor, type VendorSession } from './vendors';

/**
 * A poll that fails half-way (its first request answered, every later one failing: a page, a
 * detail, a second query) must leave nothing behind: the items it saw are emitted by the next
 * poll, once. The soak meets this by chance; here every trigger meets it on purpose, with a few
 * new items (one page: the later requests are details or follow-up queries) and with many (more
 * than one page for every vendor that pages).
 */
const SIZES = [5, 120];
const outcomes: Array<{ trigger: string; items: number; status: 'pass' | 'fail' | 'known' }> = [];

async function interruptedPoll(trigger: TriggerUnderTest, count: number): Promise<void> {
	const session: VendorSession = await vendor(trigger.vendor).start();
	let passed = false;
	try {
		await session.reset();
		await trigger.prepare?.(session);
		const poller = session.poller({ ...trigger.parameters, output: 'raw' });
		await poller.activate();
		const added = await trigger.add(session, Date.now(), count);

		const target = {
			vendor: vendor(trigger.vendor).emulatorName,
			method: trigger.target.method,
			path: trigger.target.path,
		};
		await session.emulator.fault({ ...target, kind: 'delay', delayMs: 0 });
		await session.emulator.fault({ ...target, kind: 'status', status: 503, count: 1000 });
		// Fails half-way, or succeeds when the poll sends one request only (checked below).
		const interrupted = await poller.poll({ allowError: true });
		const pending = await session.emulator.control<Array<{ remaining: number }>>('GET', 'faults');
		await session.emulator.control('DELETE', 'faults');

		await trigger.settle?.(session);
		const emitted = [...interrupted.items];
		for (let n = 0; n < 3; n++) emitted.push(...(await poller.poll()).items);
		const ids = emitted.map((item) => trigger.idOf(item.json));
		// A poll of one request never meets the fault: then it simply succeeds.
		const interruptedHalfWay =
			pending.length === 0 || pending.some((fault) => fault.remaining < 1000);
		expect(interrupted.error?.message ?? 'no error').toContain(
			interruptedHalfWay ? 'HTTP 503' : 'no error',
		);
		expect(ids.sort()).toEqual([...added].sort());
		passed = true;
	} finally {
		outcomes.push({
			trigger: trigger.name,
			items: count,
			status: passed ? 'pass' : isKnown(trigger.name, count) ? 'known' : 'fail',
		});
		await session.close();
	}
}

/**
 * [trigger, new items] of the cases that meet a bug of KNOWN_LOSSES (with few items the failing
 * request is a detail or follow-up query; with many, often the second page, which fails first).
 */
const KNOWN_CASES: Array<[string, number]> = [];
const isKnown = (name: string, count: number) =>
	KNOWN_CASES.some(([known, size]) => known === name && size === count && KNOWN_LOSSES[name]);

const cases = TRIGGERS.flatMap((trigger) =>
	SIZES.map((count) => [trigger.name, count, trigger] as const),
);
const fine = cases.filter(([name, count]) => !isKnown(name, count));
const known = cases.filter(([name, count]) => isKnown(name, count));

it.each(fine)(
	'%s, %i new items: a poll that fails half-way loses nothing',
	async (_name, count, trigger) => await interruptedPoll(trigger, count),
	60_000,
);

// Reported bugs: these must fail until fixed; then move the trigger out of KNOWN_LOSSES.
if (known.length) {
	it.failing.each(known)(
		'%s, %i new items: a poll that fails half-way loses nothing (known bug)',
		async (_name, count, trigger) => await interruptedPoll(trigger, count),
		60_000,
	);
}

afterAll(() => writeResult('interrupted', { cases: outcomes }));
