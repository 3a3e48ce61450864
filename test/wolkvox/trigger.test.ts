import type { IDataObject } from 'n8n-workflow';

import { WolkvoxTrigger } from '../../nodes/Wolkvox/WolkvoxTrigger.node';
import { WOLKVOX_TOKEN, type WolkvoxSurveyRow } from '../../sandbox/vendors/wolkvox';
import type { FaultSpec } from '../helpers/emulator';
import { keyOf, outputKey, REPORT, rowDate, VENDOR, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;

beforeAll(async () => (fx = await WolkvoxFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

/** A row date the way the report writes it, `secondsAgo` before now. */
const stamp = (secondsAgo = 0) => rowDate(Date.now() - secondsAgo * 1000);

async function add(
	count: number,
	date = stamp(),
	extra: Partial<WolkvoxSurveyRow> = {},
): Promise<WolkvoxSurveyRow[]> {
	return await fx.add(Array.from({ length: count }, () => ({ date, ...extra })));
}

const keysOf = (items: Array<{ json: IDataObject }>) => items.map((item) => outputKey(item.json));
const sorted = (rows: WolkvoxSurveyRow[]) => rows.map(keyOf).sort();

type Poller = ReturnType<WolkvoxFixture['poller']>;

/** One poll while every read of the report meets `fault`: it fails, and its saved cursor stays as it was. */
async function pollFailing(trigger: Poller, fault: Omit<FaultSpec, 'vendor' | 'path' | 'count'>) {
	const saved = JSON.stringify(trigger.savedStaticData);
	await fx.emulator.fault({ vendor: VENDOR, path: REPORT, count: 4, ...fault });
	const failed = await trigger.poll({ expectError: true });
	expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
	return failed;
}

describe('Wolkvox Trigger', () => {
	it('tells users to poll at most every 5 minutes', () => {
		const notice = new WolkvoxTrigger().description.properties.find(
			(property) => property.type === 'notice',
		);
		expect(notice?.displayName).toContain('once every 5 minutes');
	});

	it('sets a baseline on first activation: nothing that already exists is emitted', async () => {
		await add(3, stamp(30));
		const trigger = fx.poller();
		const first = await trigger.activate();
		expect(first.result).toBeNull();
		expect(first.saved).toBe(true);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits each new response exactly once, oldest first, and an idle poll writes nothing', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const older = await add(2, stamp(20));
		const newer = await add(1, stamp(5));
		const polled = await trigger.poll();
		const emitted = keysOf(polled.items);
		expect(emitted.slice(0, 2).sort()).toEqual(sorted(older));
		expect(emitted[2]).toBe(keyOf(newer[0]));
		expect(emitted).toHaveLength(3);
		expect(polled.items[0].json).toHaveProperty('lowestScore');
		const idle = await trigger.poll();
		expect(idle.result).toBeNull();
		expect(idle.staticDataChanged).toBe(false);
	});

	it('never repeats or loses responses that share one second across polls', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const at = stamp(2);
		const firstHalf = await add(3, at);
		expect(keysOf((await trigger.poll()).items).sort()).toEqual(sorted(firstHalf));
		const secondHalf = await add(4, at);
		expect(keysOf((await trigger.poll()).items).sort()).toEqual(sorted(secondHalf));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('treats a call surveyed twice as two responses (conn_id + date + customer)', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const at = stamp(3);
		const first = await add(1, at, { conn_id: '9990001', customer_id: '111' });
		const sameCallOtherCustomer = await add(1, at, { conn_id: '9990001', customer_id: '222' });
		const sameCallLater = await add(1, stamp(1), { conn_id: '9990001', customer_id: '111' });
		const polled = await trigger.poll();
		expect(keysOf(polled.items).sort()).toEqual(
			sorted([...first, ...sameCallOtherCustomer, ...sameCallLater]),
		);
	});

	it('emits a response that reaches the report late, inside the late-arrival window', async () => {
		const trigger = fx.poller({ options: { lookbackMinutes: 10 } });
		await trigger.activate();
		await add(1, stamp(1));
		await trigger.poll();
		const late = await add(1, stamp(5 * 60));
		expect(keysOf((await trigger.poll()).items)).toEqual([keyOf(late[0])]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('survives an n8n restart without repeating or losing responses', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const before = await add(2, stamp(10));
		expect(keysOf((await trigger.poll()).items).sort()).toEqual(sorted(before));
		const during = await add(2, stamp(3));
		const restarted = await trigger.restart();
		expect(keysOf(restarted.items).sort()).toEqual(sorted(during));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('changes nothing when a poll fails, then delivers everything once the API recovers', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const waiting = await add(3, stamp(10));
		const failed = await pollFailing(trigger, { kind: 'status', status: 500 });
		expect(failed.error?.message).toContain(
			'Wolkvox could not serve "Trigger: New Survey Response" (HTTP 500)',
		);
		expect(failed.staticDataChanged).toBe(false);
		const more = await add(1, stamp(1));
		expect(keysOf((await trigger.poll()).items).sort()).toEqual(sorted([...waiting, ...more]));
	});

	it('waits for each answer as long as Options → Timeout says, then fails the poll and keeps its cursor', async () => {
		const trigger = fx.poller({ options: { timeout: 300 } });
		await trigger.activate();
		const failed = await pollFailing(trigger, { kind: 'delay', delayMs: 2000 });
		expect(failed.error?.message).toContain(
			'Wolkvox did not answer "Trigger: New Survey Response" within 0.3 s',
		);
	});

	it('waits for a busy token and still delivers, one request at a time', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const waiting = await add(2, stamp(5));
		await fx.hold(400);
		const polled = await trigger.poll();
		expect(polled.error).toBeUndefined();
		expect(keysOf(polled.items).sort()).toEqual(sorted(waiting));
		const usage = (await fx.stats()).tokens[WOLKVOX_TOKEN];
		expect(usage.rejected).toBeGreaterThanOrEqual(1);
	});

	it('returns the newest response for "Fetch Test Event", looking further back when needed, without touching the state', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		await add(1, stamp(4 * 86_400));
		const newestOfWeek = await add(1, stamp(3 * 86_400));
		const sample = await trigger.manual();
		expect(keysOf(sample.items)).toEqual([keyOf(newestOfWeek[0])]);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);

		const fresh = await add(1, stamp(1));
		expect(keysOf((await trigger.manual()).items)).toEqual([keyOf(fresh[0])]);
		// Still new for the active workflow.
		expect(keysOf((await trigger.poll()).items)).toEqual([keyOf(fresh[0])]);
	});

	it('"Fetch Test Event" looks back as far as a month for a sample', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const threeWeeksOld = await add(1, stamp(20 * 86_400));
		expect(keysOf((await trigger.manual()).items)).toEqual([keyOf(threeWeeksOld[0])]);
	});

	it('applies the filters and outputs the flat record', async () => {
		const trigger = fx.poller({ filters: { skills: 'Ventas' } });
		await trigger.activate();
		const sales = await add(2, stamp(5), { skill_id: '301', skill_name: 'Ventas' });
		await add(2, stamp(5), { skill_id: '302', skill_name: 'Soporte' });
		const polled = await trigger.poll();
		expect(polled.items.map((item) => item.json.surveyId).sort()).toEqual(sorted(sales));
		expect(polled.items[0].json).toMatchObject({
			source: 'wolkvox',
			queue: 'Ventas',
			queueId: '301',
		});
	});

	it('keeps its state small whatever the volume', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		await add(1500, stamp(30));
		const polled = await trigger.poll();
		expect(polled.items).toHaveLength(1500);
		expect(JSON.stringify(trigger.savedStaticData).length).toBeLessThan(64 * 1024);
		expect((await fx.stats()).maxConcurrency).toBe(1);
	});

	it('emits the rows as sent with Output → Raw', async () => {
		const trigger = fx.poller({ output: 'raw' });
		await trigger.activate();
		const rows = await add(1, stamp(5));
		expect((await trigger.poll()).items.map((item) => item.json)).toEqual(rows);
	});

	it('starts from the last hours on first activation, emitting each response of the backlog once', async () => {
		const old = await add(1, stamp(5 * 3600));
		const recent = await add(3, stamp(3600));
		const trigger = fx.poller({ startFrom: 'lastHours', startHours: 2 });
		const first = await trigger.activate();
		expect(keysOf(first.items).sort()).toEqual(sorted(recent));
		expect(keysOf(first.items)).not.toContain(keyOf(old[0]));
		expect((await trigger.poll()).result).toBeNull();
		const later = await add(1, stamp(2));
		expect(keysOf((await trigger.poll()).items)).toEqual([keyOf(later[0])]);
	});

	it('starts from a date and time on first activation', async () => {
		await add(1, rowDate(Date.now() - 3 * 3600_000));
		const after = await add(2, rowDate(Date.now() - 3600_000));
		const start = new Date(Date.now() - 2 * 3600_000).toISOString();
		const trigger = fx.poller({ startFrom: 'dateTime', startDate: start });
		expect(keysOf((await trigger.activate()).items).sort()).toEqual(sorted(after));
	});

	it('starts again from Start From when a filter changes, and says so in its log', async () => {
		const trigger = fx.poller({ startFrom: 'lastHours', startHours: 1 });
		const sales = await add(1, stamp(600), { skill_id: '301', skill_name: 'Ventas' });
		const support = await add(1, stamp(600), { skill_id: '302', skill_name: 'Soporte' });
		expect(keysOf((await trigger.activate()).items).sort()).toEqual(sorted([...sales, ...support]));
		expect((await trigger.poll()).result).toBeNull();

		const changed = fx.poller(
			{ startFrom: 'lastHours', startHours: 1, filters: { skills: 'Ventas' } },
			trigger.savedStaticData,
		);
		expect(keysOf((await changed.activate()).items)).toEqual([keyOf(sales[0])]);
		expect((await changed.poll()).result).toBeNull();
	});
});
