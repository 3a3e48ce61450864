import type { IDataObject } from 'n8n-workflow';

import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { engineLogs } from '../harness';
import {
	COMPANY,
	idsOf,
	scoreFieldOf,
	SEARCH,
	VENDOR,
	WesalPortalFixture,
	type WesalPortalSurvey,
} from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const poller = (parameters: IDataObject = {}, saved?: IDataObject) => fx.poller(parameters, saved);

/** When a survey was answered, `secondsAgo` before now (the seeded data set ends long before). */
const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();

async function add(
	count: number,
	createdAt: string,
	companyId: number = COMPANY.id,
): Promise<WesalPortalSurvey[]> {
	return await fx.addSurveys({
		companyId,
		surveys: Array.from({ length: count }, () => ({ createdAt })),
	});
}

const sorted = (surveys: WesalPortalSurvey[]) => surveys.map((survey) => survey.id).sort();

describe('Wesal Portal Trigger', () => {
	it('sets a baseline on first activation: nothing that already exists is emitted', async () => {
		await add(3, at(30));
		const trigger = poller();
		const first = await trigger.activate();
		expect(first.result).toBeNull();
		expect(first.saved).toBe(true);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('counts a survey answered within the second before activation as existing', async () => {
		// The API takes whole seconds: the window must still reach the exact time of the poll.
		await add(1, new Date().toISOString());
		const trigger = poller();
		expect((await trigger.activate()).result).toBeNull();
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits each new survey exactly once, oldest first, and an idle poll writes nothing', async () => {
		const trigger = poller();
		await trigger.activate();
		const older = await add(2, at(20));
		const newer = await add(1, at(5));
		const polled = await trigger.poll();
		const emitted = idsOf(polled.items);
		// The two older ones share their time, so their order between them is not defined.
		expect(emitted.slice(0, 2).sort()).toEqual(sorted(older));
		expect(emitted[2]).toBe(newer[0].id);
		const idle = await trigger.poll();
		expect(idle.result).toBeNull();
		expect(idle.staticDataChanged).toBe(false);
	});

	it('never repeats or loses surveys answered in the same millisecond across polls', async () => {
		const trigger = poller();
		await trigger.activate();
		const when = at(3);
		const firstHalf = await add(3, when);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(firstHalf));
		const secondHalf = await add(4, when);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(secondHalf));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('emits a survey that reaches the API late, inside the late-arrival window', async () => {
		const trigger = poller({ options: { lookbackMinutes: 10 } });
		await trigger.activate();
		await add(1, at(2));
		await trigger.poll();
		const late = await add(1, at(5 * 60));
		expect(idsOf((await trigger.poll()).items)).toEqual([late[0].id]);
		expect((await trigger.poll()).result).toBeNull();
	});

	it('pages through a backlog with the largest page size, the pages after the first a few at a time', async () => {
		const trigger = poller();
		await trigger.activate();
		const backlog = await add(250, at(4));
		await fx.emulator.clearRequests();
		// Every page after the first takes a second to answer: pages sent together arrive together.
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 1 });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'delay',
			delayMs: 1000,
			count: 2,
		});
		const polled = await trigger.poll();
		expect(idsOf(polled.items).sort()).toEqual(sorted(backlog));
		const pages = await fx.emulator.requests(VENDOR, { path: SEARCH });
		expect((pages[0].body as IDataObject).offset).toBe(0);
		expect(Math.abs(Date.parse(pages[2].at) - Date.parse(pages[1].at))).toBeLessThan(900);
		expect(
			pages
				.map((request) => [
					(request.body as IDataObject).offset as number,
					(request.body as IDataObject).limit as number,
				])
				.sort((a, b) => a[0] - b[0]),
		).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
	});

	it('only emits surveys of the chosen company', async () => {
		const trigger = poller();
		await trigger.activate();
		await add(2, at(5), WESAL_PORTAL_COMPANIES[1].id);
		const mine = await add(1, at(5));
		expect(idsOf((await trigger.poll()).items)).toEqual([mine[0].id]);
	});

	it('survives an n8n restart without repeating or losing surveys', async () => {
		const trigger = poller();
		await trigger.activate();
		const before = await add(2, at(10));
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(before));
		const during = await add(2, at(3));
		const restarted = await trigger.restart();
		expect(idsOf(restarted.items).sort()).toEqual(sorted(during));
		expect((await trigger.poll()).result).toBeNull();
	});

	it('changes nothing when a poll fails, and emits the surveys on the next poll', async () => {
		const trigger = poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		const fresh = await add(2, at(5));
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 400,
			body: { success: false, code: 'X004', message: 'Invalid request' },
		});
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal Portal refused "Trigger: New Survey" (HTTP 400): X004 (the request is invalid): Invalid request',
		);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(sorted(fresh));
	});

	it('Fetch Test Event returns the newest survey without touching the state', async () => {
		const trigger = poller();
		await trigger.activate();
		const saved = JSON.stringify(trigger.savedStaticData);
		await add(1, at(120));
		const newest = await add(1, at(60));
		const manual = await trigger.manual();
		expect(idsOf(manual.items)).toEqual([newest[0].id]);
		expect(JSON.stringify(trigger.savedStaticData)).toBe(saved);
		// The poll still emits both: the sample consumed nothing.
		expect((await trigger.poll()).items).toHaveLength(2);
	});

	it('Fetch Test Event looks further back only while it finds nothing', async () => {
		const trigger = poller();
		await trigger.activate();
		await add(1, at(4 * 86_400));
		const newestOfWeek = await add(1, at(3 * 86_400));
		await fx.emulator.clearRequests();
		expect(idsOf((await trigger.manual()).items)).toEqual([newestOfWeek[0].id]);
		// The last hour, the last day, then the last week.
		expect(await fx.searches()).toHaveLength(3);
	});

	it('emits the flat survey row by default (Output → Simplified), with extended details', async () => {
		const trigger = poller({ options: { extended: true } });
		await trigger.activate();
		const [survey] = await add(1, at(5));
		const [item] = (await trigger.poll()).items;
		expect(item.json).toMatchObject({
			source: 'wesalPortal',
			surveyId: survey.id,
			queue: survey.conversation.queueName,
			queueId: survey.conversation.queueId,
			agent: survey.conversation.agentName,
			date: survey.answers.at(-1)!.createdAt,
			lowestScore: Math.min(...survey.answers.map((answer) => answer.answerValue)),
		});
		for (const answer of survey.answers)
			expect(item.json[scoreFieldOf(answer.questionName)]).toBe(answer.answerValue);
		expect(item.json).not.toHaveProperty('scores');
	});

	it('emits the surveys as sent with Output → Raw', async () => {
		const trigger = poller({ output: 'raw', options: { extended: true } });
		await trigger.activate();
		const added = await add(2, at(5));
		const polled = await trigger.poll();
		expect(
			polled.items
				.map((item) => item.json)
				.sort((a, b) => String(a.id).localeCompare(String(b.id))),
		).toEqual([...added].sort((a, b) => a.id.localeCompare(b.id)));
	});

	it('emits only the chosen fields with Output → Selected Fields', async () => {
		const trigger = poller({ output: 'selected', fields: ['surveyId', 'averageScore'] });
		await trigger.activate();
		const [survey] = await add(1, at(5));
		const values = survey.answers.map((answer) => answer.answerValue);
		const average = values.reduce((sum, value) => sum + value, 0) / values.length;
		expect((await trigger.poll()).items.map((item) => item.json)).toEqual([
			{ surveyId: survey.id, averageScore: Math.round(average * 100) / 100 },
		]);
	});
});

describe('Wesal Portal Trigger: Start From', () => {
	it('starts from the last hours on first activation, emitting a backlog of several pages once', async () => {
		const old = await add(3, at(5 * 3600));
		const backlog = [...(await add(150, at(3600))), ...(await add(120, at(1800)))];
		await fx.emulator.clearRequests();
		const trigger = poller({ startFrom: 'lastHours', startHours: 2 });
		const first = await trigger.activate();
		expect(idsOf(first.items).sort()).toEqual(sorted(backlog));
		expect(idsOf(first.items)).not.toEqual(expect.arrayContaining([old[0].id]));
		// Oldest first.
		expect(idsOf(first.items).slice(0, 150).sort()).toEqual(sorted(backlog.slice(0, 150)));
		expect((await fx.searches()).length).toBe(3);
		expect((await trigger.poll()).result).toBeNull();
		const later = await add(1, at(2));
		expect(idsOf((await trigger.poll()).items)).toEqual([later[0].id]);
	});

	it('starts from a date and time on first activation', async () => {
		await add(1, at(3 * 3600));
		const after = await add(2, at(3600));
		const startDate = new Date(Date.now() - 2 * 3600_000).toISOString();
		const trigger = poller({ startFrom: 'dateTime', startDate });
		expect(idsOf((await trigger.activate()).items).sort()).toEqual(sorted(after));
	});

	it('starts again from Start From when the company changes, and says so in its log', async () => {
		const other = WESAL_PORTAL_COMPANIES[1];
		const mine = await add(2, at(600));
		const theirs = await add(1, at(600), other.id);
		const trigger = poller({ startFrom: 'lastHours', startHours: 1 });
		expect(idsOf((await trigger.activate()).items).sort()).toEqual(sorted(mine));
		expect((await trigger.poll()).result).toBeNull();

		const changed = poller(
			{
				startFrom: 'lastHours',
				startHours: 1,
				company: { __rl: true, mode: 'id', value: String(other.id) },
			},
			trigger.savedStaticData,
		);
		engineLogs().clear();
		expect(idsOf((await changed.activate()).items)).toEqual([theirs[0].id]);
		expect(engineLogs().text()).toContain('starts again as newly activated');
		expect((await changed.poll()).result).toBeNull();

		// The same company in another mode of the locator is the same query: nothing starts again.
		const same = poller(
			{
				startFrom: 'lastHours',
				startHours: 1,
				company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
			},
			trigger.savedStaticData,
		);
		expect((await same.activate()).result).toBeNull();
	});

	it('offers Start From and the reset notice, and no Simplify option', () => {
		const names = new WesalPortalTrigger().description.properties.map((property) => property.name);
		expect(names).toEqual(
			expect.arrayContaining(['startFrom', 'startHours', 'startDate', 'resetNotice', 'output']),
		);
		const options = new WesalPortalTrigger().description.properties.find(
			(property) => property.name === 'options',
		);
		expect(options?.options?.map((option) => option.name)).toEqual([
			'extended',
			'lookbackMinutes',
			'timeout',
		]);
	});
});

describe('Wesal Portal Trigger: what is checked in the answer', () => {
	it('checks every documented field (it reads the answers for the survey time), not only the ids', async () => {
		const trigger = poller();
		await trigger.activate();
		const before = trigger.staticData;
		const survey = {
			id: '9000001',
			conversation: { createdAt: 'now' },
			answers: { createdAt: at(5) },
		};
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 200,
			body: { success: true, data: { surveys: [survey] } },
			count: 4,
		});
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal Portal answered "Trigger: New Survey" in an unexpected shape (HTTP 200)',
		);
		expect(trigger.staticData).toEqual(before);
		expect((await trigger.poll()).result).toBeNull();
	});
});
