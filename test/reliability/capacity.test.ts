import { writeResult } from './evidence';
import { TRIGGERS } from './soak';
import { vendor, type VendorSession } from './vendors';

/**
 * The cursor engine remembers every item of the late-arrival window, however many (it used to keep
 * at most 1,000 and then dropped an item arriving late behind them). A late item behind thousands
 * of newer ones in the window must still be emitted, once.
 */
const NEWER_ITEMS = 3000;
const trigger = TRIGGERS.find((candidate) => candidate.vendor === 'WesalVoc')!;
let session: VendorSession;
let lateEmitted = false;

beforeAll(async () => {
	session = await vendor(trigger.vendor).start();
	await trigger.prepare?.(session);
});
afterAll(async () => {
	await session?.close();
	writeResult('capacity', { newerItems: NEWER_ITEMS, lateArrivalEmitted: lateEmitted });
});

it(`emits a late arrival behind ${NEWER_ITEMS} newer items of the late-arrival window`, async () => {
	const poller = session.poller({ ...trigger.parameters, output: 'raw' });
	await poller.activate();
	const now = Date.now();
	// 3,000 surveys over the last 5 minutes (10 every second), and one poll emits them all.
	const recent: string[] = [];
	for (let step = 0; step < NEWER_ITEMS / 10; step++)
		recent.push(...(await trigger.add(session, now - 300_000 + step * 1_000, 10)));
	const first = await poller.poll();
	expect(first.items.map((item) => trigger.idOf(item.json)).sort()).toEqual([...recent].sort());

	// A survey from 6 minutes ago reaches the API only now: inside the 10-minute window.
	const late = await trigger.add(session, now - 6 * 60_000, 1);
	const second = await poller.poll();
	lateEmitted = second.items.some((item) => late.includes(trigger.idOf(item.json)));
	expect(second.items.map((item) => trigger.idOf(item.json))).toEqual(late);
}, 120_000);
