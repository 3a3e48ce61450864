import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { Poller } from '../harness';
import { COMPANY, SEARCH, VENDOR, WesalPortalFixture, type WesalPortalSurvey } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

function poller(parameters: IDataObject = {}) {
	return new Poller({
		nodeType: WesalPortalTrigger,
		parameters: {
			event: 'newSurvey',
			company: { __rl: true, mode: 'list', value: String(COMPANY.id) },
			...parameters,
		} as INodeParameters,
		store: fx.store,
		credentials: { wesalPortalApi: fx.credentialId },
	});
}

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

const idsOf = (items: Array<{ json: IDataObject }>) => items.map((item) => String(item.json.id));
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

	it('pages through a backlog with the largest page size', async () => {
		const trigger = poller();
		await trigger.activate();
		const backlog = await add(250, at(4));
		await fx.emulator.clearRequests();
		const polled = await trigger.poll();
		expect(idsOf(polled.items).sort()).toEqual(sorted(backlog));
		const pages = await fx.emulator.requests(VENDOR, { path: SEARCH });
		expect(
			pages.map((request) => [
				(request.body as IDataObject).offset,
				(request.body as IDataObject).limit,
			]),
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
		const failed = await trigger.poll();
		expect(failed.error?.message).toContain('Wesal Portal Trigger: New Survey failed');
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

	it('gives the normalized feedback record with Simplify, with extended details', async () => {
		const trigger = poller({ options: { simplify: true, extended: true } });
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
		});
		expect((item.json.scores as unknown[]).length).toBe(survey.answers.length);
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
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe(
			'Wesal Portal Trigger: New Survey failed: unexpected answer (HTTP 200)',
		);
		expect(trigger.staticData).toEqual(before);
		expect((await trigger.poll()).result).toBeNull();
	});
});
