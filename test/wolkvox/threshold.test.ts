import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REPORT, rowDate, VENDOR, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;

beforeAll(async () => (fx = await WolkvoxFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

/** Responses one second apart, oldest first, ending `secondsAgo` before now, in a probe skill. */
async function scores(skill: string, values: number[], secondsAgo = 0) {
	const end = Date.now() - secondsAgo * 1000;
	return await fx.add(
		values.map((value, index) => ({
			date: rowDate(end - (values.length - index) * 1000),
			skill_id: `9${skill.length}`,
			skill_name: skill,
			q1: String(value),
			q2: '5',
		})),
	);
}

const LAST_FIVE: INodeParameters = {
	event: 'csatBelowThreshold',
	thresholdGroup: 'queue',
	windowType: 'responses',
	windowSize: 5,
	threshold: 60,
	recoveryMargin: 20,
	minResponses: 5,
	question: 'q1',
};

const fired = (result: { items: Array<{ json: IDataObject }> }) =>
	result.items.map((item) => `${item.json.group}:${item.json.csat}`);

describe('Wolkvox Trigger: CSAT Below Threshold', () => {
	it('fires once per crossing, with hysteresis, 1–5 assumed', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe', [5, 4, 5, 4]);
		expect((await trigger.poll()).result).toBeNull();
		const tipping = await scores('Probe', [2, 3]);
		const crossing = await trigger.poll(); // [4, 5, 4, 2, 3]: 3 of 5 = 60 % (not below)
		expect(crossing.result).toBeNull();
		await scores('Probe', [3]); // [5, 4, 2, 3, 3]: 40 %
		const polled = await trigger.poll();
		expect(fired(polled)).toEqual(['Probe:40']);
		expect((polled.items[0].json.surveys as IDataObject[]).map((row) => row.score_q1)).toEqual([3]);
		expect(tipping).toHaveLength(2);
		await scores('Probe', [1, 5]);
		expect((await trigger.poll()).result).toBeNull(); // below or not recovered: no repeat
		await scores('Probe', [5, 5, 5]); // [1, 5, 5, 5, 5] = 80 %: recovered
		expect((await trigger.poll()).result).toBeNull();
		await scores('Probe', [1, 1, 1]);
		expect(fired(await trigger.poll())).toEqual(['Probe:40']);
	});

	it('reads answers on the scale set in Options (0–10: top two are 9 and 10)', async () => {
		const trigger = fx.poller({ ...LAST_FIVE, options: { scaleMin: 0, scaleMax: 10 } });
		await trigger.activate();
		await scores('Probe Ten', [10, 9, 8, 8, 8]); // 1–5 would call all of them satisfied
		expect(fired(await trigger.poll())).toEqual(['Probe Ten:40']);
	});

	it('survives restarts and a failed poll without losing or repeating a crossing', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe', [5, 5, 5]);
		expect((await trigger.poll()).result).toBeNull();
		await trigger.restart();
		await scores('Probe', [1, 1, 1]);
		await fx.emulator.fault({
			vendor: VENDOR,
			path: REPORT,
			kind: 'status',
			status: 500,
			count: 4,
		});
		const before = JSON.stringify(trigger.staticData);
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect(fired(await trigger.poll())).toEqual(['Probe:40']);
		await trigger.restart();
		expect((await trigger.poll()).result).toBeNull();
	});

	it('starts again when a threshold setting changes: what is already below the new threshold is the baseline', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe', [5, 5, 5, 5, 1]); // 80 %: above 60
		expect((await trigger.poll()).result).toBeNull();
		const edited = fx.poller({ ...LAST_FIVE, threshold: 90 }, trigger.savedStaticData);
		expect((await edited.activate()).result).toBeNull(); // as newly published: a new baseline
		// 80 % was below 90 % before the edit took effect: not a crossing of its own
		expect((await edited.poll()).result).toBeNull();
		await scores('Probe', [5, 5, 5, 5, 5]); // 100 %: recovered
		expect((await edited.poll()).result).toBeNull();
		await scores('Probe', [1]); // [5, 5, 5, 5, 1] = 80 %: below 90 again
		expect(fired(await edited.poll())).toEqual(['Probe:80']);
	});
});
