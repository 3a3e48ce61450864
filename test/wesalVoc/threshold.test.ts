import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEARCH, VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

/**
 * Surveys are dated one second apart, oldest first, ending `secondsAgo` before now. Their queues
 * are named "Probe …": the seeded surveys (older) have other ones.
 */
async function scores(
	queue: string,
	values: number[],
	secondsAgo = 0,
	agent = 'Probe Agent',
	question = 'AgentSatisfaction',
) {
	const end = Date.now() - secondsAgo * 1000;
	const surveys = values.map((value, index) => ({
		queue,
		agent,
		surveyDate: new Date(end - (values.length - index) * 1000).toISOString().slice(0, 19),
		answers: { [question]: String(value), NPS: '10' },
	}));
	return await fx.add(surveys);
}

/** Window: this queue's last 5 responses; fires below 60 % with 5 of them; recovers at 80 %. */
const LAST_FIVE: INodeParameters = {
	event: 'csatBelowThreshold',
	thresholdGroup: 'queue',
	windowType: 'responses',
	windowSize: 5,
	threshold: 60,
	recoveryMargin: 20,
	minResponses: 5,
	question: 'AgentSatisfaction',
};

const fired = (result: { items: Array<{ json: IDataObject }> }) =>
	result.items.map((item) => `${item.json.group}:${item.json.csat}`);

describe('Wesal VoC Trigger: CSAT Below Threshold', () => {
	it('a queue still below alerts again once a threshold setting changes', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe Sales', [1, 1, 1, 1, 1]);
		expect(fired(await trigger.poll())).toEqual(['Probe Sales:0']);
		// Under the old settings the queue is still below: no second alert would come.
		const edited = fx.poller({ ...LAST_FIVE, threshold: 70 }, trigger.savedStaticData);
		expect((await edited.activate()).result).toBeNull();
		await scores('Probe Sales', [1, 1, 1, 1, 1]);
		expect(fired(await edited.poll())).toEqual(['Probe Sales:0']);
	});

	it('fires once when a queue crosses below, not while it stays below, and again after recovering above threshold + margin', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe Support', [5, 5, 5, 5]);
		expect((await trigger.poll()).result).toBeNull(); // 4 responses: fewer than the minimum
		await scores('Probe Support', [1]);
		expect((await trigger.poll()).result).toBeNull(); // 4 of 5 satisfied = 80 %
		const tipping = await scores('Probe Support', [1, 1]);
		const crossing = await trigger.poll(); // [5, 5, 1, 1, 1] = 40 %
		expect(fired(crossing)).toEqual(['Probe Support:40']);
		const event = crossing.items[0].json;
		expect(event).toMatchObject({
			event: 'csatBelowThreshold',
			per: 'queue',
			satisfied: 2,
			responses: 5,
			threshold: 60,
			recoversAt: 80,
		});
		expect((event.surveys as IDataObject[]).map((survey) => survey.surveyId)).toEqual(
			tipping.map((survey) => survey._id),
		);
		const idle = await trigger.poll();
		expect(idle.result).toBeNull();
		expect(idle.staticDataChanged).toBe(false);
		await scores('Probe Support', [1]);
		expect((await trigger.poll()).result).toBeNull(); // still below: no second alert
		await scores('Probe Support', [5, 5, 5]);
		expect((await trigger.poll()).result).toBeNull(); // 60 %: not yet recovered (80 %)
		await scores('Probe Support', [5]);
		expect((await trigger.poll()).result).toBeNull(); // 80 %: recovered, nothing to emit
		await scores('Probe Support', [1, 1, 1]);
		expect(fired(await trigger.poll())).toEqual(['Probe Support:40']); // a new crossing
	});

	it('does not fire before the minimum number of responses, and keeps each queue apart', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe Billing', [1, 1, 1, 1]);
		await scores('Probe Sales', [5, 5, 5, 5, 5]);
		expect((await trigger.poll()).result).toBeNull();
		await scores('Probe Sales', [1]);
		expect((await trigger.poll()).result).toBeNull(); // Sales 80 %, Billing still 4 responses
		await scores('Probe Billing', [2]);
		expect(fired(await trigger.poll())).toEqual(['Probe Billing:0']);
	});

	it('groups by agent when asked, and counts every rated answer when no question is given', async () => {
		const trigger = fx.poller({ ...LAST_FIVE, thresholdGroup: 'agent', question: '' });
		await trigger.activate();
		// Each survey: AgentSatisfaction and NPS 10 (satisfied): 2 low + 2 high answers per 2 surveys
		await scores('Any', [1, 1, 1], 0, 'Lama');
		const polled = await trigger.poll(); // [1, 10, 1, 10, 1, 10] last 5 = 2 of 5 = 40 %
		expect(fired(polled)).toEqual(['Lama:40']);
		expect(polled.items[0].json.per).toBe('agent');
	});

	it('uses the last N minutes by the responses own times', async () => {
		const trigger = fx.poller({
			...LAST_FIVE,
			windowType: 'minutes',
			windowSize: 10,
			threshold: 40,
			startFrom: 'lastHours',
			startHours: 1,
		});
		await scores('Probe Retention', [5, 5, 5, 5, 5], 30 * 60);
		await scores('Probe Retention', [1, 1, 1, 1], 60);
		await trigger.activate(); // the 5 old + 4 new are read: the old ones are out of the 10 minutes
		expect(trigger.staticData).toBeDefined();
		await scores('Probe Retention', [1]);
		// Within 10 minutes: five 1s = 0 %. Over all nine it would be 5 of 10 = 50 %: no alert.
		expect(fired(await trigger.poll())).toEqual(['Probe Retention:0']);
	});

	it('is lossless across restarts, also after polls whose state was not saved', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe VIP', [5, 5, 5]);
		expect((await trigger.poll()).result).toBeNull(); // not saved: n8n saves only when a poll emits
		await trigger.restart();
		await scores('Probe VIP', [1, 1, 1]);
		expect(fired(await trigger.poll())).toEqual(['Probe VIP:40']); // the 3 high ones read again, once
		await trigger.restart();
		expect((await trigger.poll()).result).toBeNull(); // the crossing was saved: never twice
		await scores('Probe VIP', [1]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('changes nothing when a poll fails, then fires once the API recovers', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe Sales', [5, 5, 5, 1, 1, 1]);
		const before = JSON.stringify(trigger.staticData);
		const saved = JSON.stringify(trigger.savedStaticData);
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 500,
			count: 4,
		});
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		expect(fired(await trigger.poll())).toEqual(['Probe Sales:40']);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('starts again when a threshold setting changes', async () => {
		const trigger = fx.poller(LAST_FIVE);
		await trigger.activate();
		await scores('Probe Sales', [5, 5, 5, 5, 5]);
		await trigger.poll();
		const edited = fx.poller({ ...LAST_FIVE, threshold: 90 }, trigger.savedStaticData);
		expect((await edited.activate()).result).toBeNull(); // as newly published: a new baseline
		await scores('Probe Sales', [5, 5, 5, 5, 1]);
		expect(fired(await edited.poll())).toEqual(['Probe Sales:80']);
	});

	it('shows the lowest queue of the last days for Fetch Test Event, marked as a preview', async () => {
		// A question of their own and "A Score Above a Value": only these surveys count.
		const trigger = fx.poller({
			...LAST_FIVE,
			question: 'Probe',
			satisfiedMeans: 'above',
			satisfiedAbove: 3,
		});
		await scores('Probe Billing', [5, 5, 5, 5, 5, 4], 3600, 'Probe Agent', 'Probe');
		await scores('Probe Sales', [5, 5, 5, 5, 1, 1], 3600, 'Probe Agent', 'Probe');
		const sample = await trigger.manual();
		expect(sample.items).toHaveLength(1);
		expect(sample.items[0].json).toMatchObject({ group: 'Probe Sales', csat: 80, preview: true });
		expect(trigger.staticData).toEqual({});
	});
});
