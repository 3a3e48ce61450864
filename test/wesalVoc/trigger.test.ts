import type { IDataObject } from 'n8n-workflow';

import { idOf, pagesOf, SEARCH, VENDOR, WesalVocFixture, type EmulatorSurvey } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

/** A UTC timestamp the way the API writes survey dates, `secondsAgo` before now. */
function stamp(secondsAgo = 0): string {
	return new Date(Date.now() - secondsAgo * 1000).toISOString().slice(0, 19);
}

async function add(
	count: number,
	surveyDate = stamp(),
	extra: Partial<EmulatorSurvey> = {},
): Promise<EmulatorSurvey[]> {
	return await fx.add(Array.from({ length: count }, () => ({ surveyDate, ...extra })));
}

const idsOf = (items: Array<{ json: IDataObject }>) => items.map(idOf);
const sorted = (surveys: EmulatorSurvey[]) => surveys.map((survey) => survey._id).sort();

describe('Wesal VoC Trigger', () => {
	it('sets a baseline on first activation: nothing that already exists is emitted', async () => {
		await add(3, stamp(30));
		const trigger = fx.poller();
		const first = await trigger.activate();
		expect(first.result).toBeNull();
		expect(first.saved).toBe(true);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits each new survey exactly once, oldest first, and an idle poll writes nothing', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const older = await add(2, stamp(20));
		const newer = await add(1, stamp(5));
		const polled = await trigger.poll();
		expect(idsOf(polled.items)).toEqual([...sorted(older), newer[0]._id]);
		const idle = await trigger.poll();
		expect(idle.result).toBeNull();
		expect(idle.staticDataChanged).toBe(false);
		expect((await fx.searches()).length).toBeGreaterThan(0);
	});

	it('never repeats or loses surveys that share one timestamp across polls', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const at = stamp(2);
		const firstHalf = await add(3, at);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(firstHalf));
		const secondHalf = await add(4, at);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(secondHalf));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits a survey that reaches the API late, inside the late-arrival window', async () => {
		const trigger = fx.poller({ options: { lookbackMinutes: 10 } });
		await trigger.activate();
		await add(1, stamp(1));
		await trigger.poll();
		const late = await add(1, stamp(5 * 60));
		expect(idsOf((await trigger.poll()).items)).toEqual([late[0]._id]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('pages through a backlog, each page once', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const pageSize = await fx.pageSize();
		const backlog = await add(pageSize * 2 + 3, stamp(60));
		await fx.emulator.clearRequests();
		const polled = await trigger.poll();
		expect(idsOf(polled.items).sort()).toEqual(sorted(backlog));
		expect(pagesOf(await fx.searches()).sort()).toEqual([1, 2, 3]);
	});

	it('survives an n8n restart without repeating or losing surveys', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const before = await add(2, stamp(10));
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(before));
		const during = await add(2, stamp(3));
		const restarted = await trigger.restart();
		expect(idsOf(restarted.items).sort()).toEqual(sorted(during));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('changes nothing when a poll fails, then delivers everything once the API recovers', async () => {
		const trigger = fx.poller();
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
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal VoC could not serve "Trigger: New Survey" (HTTP 500): Internal Server Error',
		);
		expect(failed.staticDataChanged).toBe(false);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		const more = await add(1, stamp(1));
		const recovered = await trigger.poll();
		expect(idsOf(recovered.items).sort()).toEqual(sorted([...waiting, ...more]));
	});

	it('puts the cursor back when the question schema cannot be read after the search', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		const session = fx.store.get(fx.credentialId).data;
		// A session saved without the schema: the search does not log in again, so none comes.
		fx.store.set(fx.credentialId, { ...session, questionsSchema: '' });
		const waiting = await add(2, stamp(10));
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal VoC did not send the question schema with the login answer',
		);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		// Once a login brings the schema, the same surveys come.
		fx.store.set(fx.credentialId, { ...session, sessionToken: '', questionsSchema: '' });
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(waiting));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('returns the newest survey for "Fetch Test Event", looking further back when needed, without touching the state', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		// Nothing in the last day or week of the seeded data but these two.
		await fx.emulator.control('DELETE', 'wesal-voc/surveys');
		await add(1, stamp(4 * 86_400));
		const newestOfWeek = await add(1, stamp(3 * 86_400));
		const saved = JSON.stringify(trigger.savedStaticData);
		expect(idsOf((await trigger.manual()).items)).toEqual([newestOfWeek[0]._id]);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);

		const fresh = await add(1, stamp(1));
		expect(idsOf((await trigger.manual()).items)).toEqual([fresh[0]._id]);
		// Still new for the active workflow.
		expect(idsOf((await trigger.poll()).items)).toEqual([fresh[0]._id]);
	});

	it('applies the agent filter, from the list or as comma-separated text', async () => {
		await fx.emulator.control('DELETE', 'wesal-voc/surveys');
		const reem = await add(2, stamp(5), { agent: 'Reem' });
		const omar = await add(1, stamp(5), { agent: 'Omar' });
		await add(2, stamp(5), { agent: 'Lama' });
		for (const agents of [['Reem', 'Omar'], 'Reem, Omar']) {
			const trigger = fx.poller({ filters: { agents }, startFrom: 'lastHours', startHours: 1 });
			const first = await trigger.activate();
			expect(first.items.map((item) => item.json.surveyId).sort()).toEqual(
				sorted([...reem, ...omar]),
			);
		}
		const sent = (await fx.searches()).map((request) => (request.body as IDataObject).agents);
		expect(sent).toContainEqual(['Reem', 'Omar']);
	});

	it('keeps its state small whatever the volume', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		await add(1500, stamp(30));
		const polled = await trigger.poll();
		expect(polled.items).toHaveLength(1500);
		expect(JSON.stringify(trigger.savedStaticData).length).toBeLessThan(64 * 1024);
	});
});

describe('Wesal VoC Trigger output', () => {
	it('emits one flat row per survey by default, a score field per question', async () => {
		const trigger = fx.poller();
		await trigger.activate();
		const [survey] = await fx.add([
			{
				surveyDate: stamp(5),
				agent: 'Sara',
				queue: 'Support',
				type: 'chat',
				direction: 'inbound',
				number: 'tel:+966500000001',
				answers: { AgentSatisfaction: '2', ServiceSatisfaction: '4', Mood: 'calm' },
			},
		]);
		const { items } = await trigger.poll();
		expect(items.map((item) => item.json)).toEqual([
			{
				source: 'wesalVoc',
				surveyId: survey._id,
				interactionId: survey.interactionId,
				date: new Date(`${survey.surveyDate}Z`).toISOString(),
				channel: 'chat',
				direction: 'inbound',
				agentId: null,
				agent: 'Sara',
				queueId: null,
				queue: 'Support',
				customerId: null,
				customerName: null,
				customerNumber: 'tel:+966500000001',
				customerEmail: null,
				comment: null,
				averageScore: 3,
				lowestScore: 2,
				lowestQuestion: 'Agent Satisfaction',
				score_agent_satisfaction: 2,
				score_service_satisfaction: 4,
				score_mood: 'calm',
				questions: {
					score_agent_satisfaction: 'Agent Satisfaction',
					score_service_satisfaction: 'Service Satisfaction',
					score_mood: 'Mood',
				},
				sentiment: null,
			},
		]);
	});

	it('emits the surveys as sent with Output → Raw', async () => {
		const trigger = fx.poller({ output: 'raw' });
		await trigger.activate();
		const surveys = await add(2, stamp(5));
		const { items } = await trigger.poll();
		const byId = (a: { _id?: unknown }, b: { _id?: unknown }) =>
			String(a._id) < String(b._id) ? -1 : 1;
		expect(items.map((item) => item.json).sort(byId)).toEqual([...surveys].sort(byId));
	});

	it('emits only the chosen fields with Output → Selected Fields', async () => {
		const trigger = fx.poller({ output: 'selected', fields: ['surveyId', 'agent', 'score_*'] });
		await trigger.activate();
		const [survey] = await fx.add([
			{ surveyDate: stamp(5), agent: 'Omar', answers: { NPS: '9', AgentSatisfaction: '5' } },
		]);
		const { items } = await trigger.poll();
		expect(items.map((item) => item.json)).toEqual([
			{
				surveyId: survey._id,
				agent: 'Omar',
				score_agent_satisfaction: 5,
				score_net_promoter_score: 9,
			},
		]);
	});
});

describe('Wesal VoC Trigger Start From', () => {
	// Only the surveys each test adds: the seeded ones reach up to the present hour.
	beforeEach(async () => await fx.emulator.control('DELETE', 'wesal-voc/surveys'));

	it('starts from the last hours on first activation, emitting a backlog of several pages once', async () => {
		const pageSize = await fx.pageSize();
		const old = await add(1, stamp(5 * 3600));
		const recent = await add(pageSize * 2 + 3, stamp(3600));
		await fx.emulator.clearRequests();
		const trigger = fx.poller({ startFrom: 'lastHours', startHours: 2 });
		const first = await trigger.activate();
		const emitted = idsOf(first.items);
		expect(emitted.sort()).toEqual(sorted(recent));
		expect(emitted).not.toContain(old[0]._id);
		expect(pagesOf(await fx.searches()).sort()).toEqual([1, 2, 3]);
		expect((await trigger.poll()).result).toBeNull();
		const later = await add(1, stamp(2));
		expect(idsOf((await trigger.poll()).items)).toEqual([later[0]._id]);
	});

	it('starts from a date and time on first activation', async () => {
		await add(1, stamp(3 * 3600));
		const after = await add(2, stamp(3600));
		const start = new Date(Date.now() - 2 * 3600_000).toISOString();
		const trigger = fx.poller({ startFrom: 'dateTime', startDate: start });
		expect(idsOf((await trigger.activate()).items).sort()).toEqual(sorted(after));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('starts again from Start From when a filter changes', async () => {
		const trigger = fx.poller({ startFrom: 'lastHours', startHours: 1 });
		const sales = await add(1, stamp(600), { queue: 'Sales' });
		const support = await add(1, stamp(600), { queue: 'Support' });
		expect(idsOf((await trigger.activate()).items).sort()).toEqual(sorted([...sales, ...support]));
		expect((await trigger.poll()).result).toBeNull();

		const changed = fx.poller(
			{ startFrom: 'lastHours', startHours: 1, filters: { queues: ['Sales'] } },
			trigger.savedStaticData,
		);
		expect(idsOf((await changed.activate()).items)).toEqual([sales[0]._id]);
		expect((await changed.poll()).result).toBeNull();

		// Unchanged parameters keep the saved cursor: nothing is emitted again.
		const same = fx.poller(
			{ startFrom: 'lastHours', startHours: 1, filters: { queues: ['Sales'] } },
			changed.savedStaticData,
		);
		expect((await same.activate()).result).toBeNull();
	});
});
