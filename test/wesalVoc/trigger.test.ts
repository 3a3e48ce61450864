import type { INodeParameters } from 'n8n-workflow';

import { WesalVocTrigger } from '../../nodes/WesalVoc/WesalVocTrigger.node';
import { Poller } from '../harness';
import { SEARCH, VENDOR, WesalVocFixture, type EmulatorSurvey } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

function poller(parameters: INodeParameters = {}) {
	return new Poller({
		nodeType: WesalVocTrigger,
		parameters: { event: 'newSurvey', ...parameters },
		store: fx.store,
		credentials: { wesalVocApi: fx.credentialId },
	});
}

/** A UTC timestamp the way the API writes survey dates, `secondsAgo` before now. */
function stamp(secondsAgo = 0): string {
	return new Date(Date.now() - secondsAgo * 1000).toISOString().slice(0, 19);
}

async function add(
	count: number,
	surveyDate = stamp(),
	extra: Partial<EmulatorSurvey> = {},
): Promise<EmulatorSurvey[]> {
	const surveys = Array.from({ length: count }, () => ({ surveyDate, ...extra }));
	return (
		await fx.emulator.control<{ surveys: EmulatorSurvey[] }>('POST', 'wesal-voc/surveys', {
			surveys,
		})
	).surveys;
}

const idsOf = (items: Array<{ json: { _id?: unknown } }>) =>
	items.map((item) => String(item.json._id));

describe('Wesal VoC Trigger', () => {
	it('sets a baseline on first activation: nothing that already exists is emitted', async () => {
		await add(3, stamp(30));
		const trigger = poller();
		const first = await trigger.activate();
		expect(first.result).toBeNull();
		expect(first.saved).toBe(true);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits each new survey exactly once, oldest first, and an idle poll writes nothing', async () => {
		const trigger = poller();
		await trigger.activate();
		const older = await add(2, stamp(20));
		const newer = await add(1, stamp(5));
		const polled = await trigger.poll();
		expect(idsOf(polled.items)).toEqual([...older.map((s) => s._id).sort(), newer[0]._id]);
		const idle = await trigger.poll();
		expect(idle.result).toBeNull();
		expect(idle.staticDataChanged).toBe(false);
		expect((await fx.searches()).length).toBeGreaterThan(0);
	});

	it('never repeats or loses surveys that share one timestamp across polls', async () => {
		const trigger = poller();
		await trigger.activate();
		const at = stamp(2);
		const firstHalf = await add(3, at);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(firstHalf.map((s) => s._id).sort());
		const secondHalf = await add(4, at);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(secondHalf.map((s) => s._id).sort());
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits a survey that reaches the API late, inside the late-arrival window', async () => {
		const trigger = poller({ options: { lookbackMinutes: 10 } });
		await trigger.activate();
		await add(1, stamp(1));
		await trigger.poll();
		const late = await add(1, stamp(5 * 60));
		expect(idsOf((await trigger.poll()).items)).toEqual([late[0]._id]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('pages through a backlog', async () => {
		const trigger = poller();
		await trigger.activate();
		const { pageSize } = await fx.emulator.control<{ pageSize: number }>('GET', 'wesal-voc/config');
		const backlog = await add(pageSize * 2 + 3, stamp(60));
		await fx.emulator.clearRequests();
		const polled = await trigger.poll();
		expect(idsOf(polled.items).sort()).toEqual(backlog.map((s) => s._id).sort());
		expect(await fx.searches()).toHaveLength(3);
	});

	it('survives an n8n restart without repeating or losing surveys', async () => {
		const trigger = poller();
		await trigger.activate();
		const before = await add(2, stamp(10));
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(before.map((s) => s._id).sort());
		const during = await add(2, stamp(3));
		const restarted = await trigger.restart();
		expect(idsOf(restarted.items).sort()).toEqual(during.map((s) => s._id).sort());
		expect((await trigger.poll()).result).toBeNull();
	});

	it('changes nothing when a poll fails, then delivers everything once the API recovers', async () => {
		const trigger = poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		const waiting = await add(3, stamp(10));
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 500,
			count: 4,
		});
		const failed = await trigger.poll();
		expect(failed.error?.message).toContain('Wesal VoC Trigger: New Survey failed: HTTP 500');
		expect(failed.staticDataChanged).toBe(false);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		const more = await add(1, stamp(1));
		const recovered = await trigger.poll();
		expect(idsOf(recovered.items).sort()).toEqual([...waiting, ...more].map((s) => s._id).sort());
	});

	it('returns the newest survey for "Fetch Test Event" without touching the saved state', async () => {
		const trigger = poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		const newest = await add(1, stamp(1));
		const sample = await trigger.manual();
		expect(idsOf(sample.items)).toEqual([newest[0]._id]);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		// The survey is still new for the active workflow.
		expect(idsOf((await trigger.poll()).items)).toEqual([newest[0]._id]);
	});

	it('applies the filters and can simplify', async () => {
		const trigger = poller({ filters: { agents: 'Reem' }, options: { simplify: true } });
		await trigger.activate();
		const reem = await add(2, stamp(5), { agent: 'Reem' });
		await add(2, stamp(5), { agent: 'Omar' });
		const polled = await trigger.poll();
		expect(polled.items.map((item) => item.json.surveyId).sort()).toEqual(
			reem.map((s) => s._id).sort(),
		);
		expect(polled.items[0].json).toMatchObject({ source: 'wesalVoc', agent: 'Reem' });
	});

	it('keeps its state small whatever the volume', async () => {
		const trigger = poller();
		await trigger.activate();
		await add(1500, stamp(30));
		const polled = await trigger.poll();
		expect(polled.items).toHaveLength(1500);
		expect(JSON.stringify(trigger.savedStaticData).length).toBeLessThan(64 * 1024);
	});
});
