import type { SandboxHandle } from '../../sandbox/server';
import {
	WESAL_VOC_AGENTS,
	WESAL_VOC_DEFAULTS,
	WESAL_VOC_QUEUES,
	type WesalVocSurvey,
} from '../../sandbox/vendors/wesalVoc';
import { ANCHOR, call, groundTruth, login, search, searchAll, start } from './helpers';

let sb: SandboxHandle;
let token: string;
let truth: WesalVocSurvey[];
beforeAll(async () => {
	sb = await start();
	truth = await groundTruth(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
	await call(sb, 'POST', '/__control/reset');
	token = await login(sb);
});

const setPageSize = (pageSize: number) =>
	call(sb, 'POST', '/__control/wesal-voc/config', { pageSize });
const ids = (surveys: WesalVocSurvey[]) => surveys.map((s) => s._id);
const ms = (surveyDate: string) => Date.parse(`${surveyDate}Z`);
const inRange = (from: string, to: string) => (s: WesalVocSurvey) =>
	ms(s.surveyDate) >= Date.parse(from) && ms(s.surveyDate) <= Date.parse(to);

describe('seed data', () => {
	it('holds 6,000 doc-shaped surveys over the 180 days before the anchor', () => {
		expect(truth).toHaveLength(6000);
		const first = ANCHOR.getTime() - 180 * 86_400_000;
		for (const s of truth) {
			expect(Object.keys(s)).toEqual([
				'_id',
				'interactionId',
				'surveyDate',
				'type',
				'number',
				'direction',
				'queue',
				'agent',
				'answers',
			]);
			expect(s._id).toMatch(/^[0-9a-f]{24}$/);
			expect(s.interactionId).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
			expect(s.surveyDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect(ms(s.surveyDate)).toBeGreaterThanOrEqual(first);
			expect(ms(s.surveyDate)).toBeLessThan(ANCHOR.getTime());
			expect(s.number).toMatch(/^tel:\+9665\d{8}$/);
			expect(['inbound', 'outbound']).toContain(s.direction);
			expect(Object.values(s.answers).every((a) => typeof a === 'string')).toBe(true);
		}
		expect(new Set(ids(truth)).size).toBe(6000);
		expect(new Set(truth.map((s) => s.agent)).size).toBeGreaterThanOrEqual(6);
		expect(new Set(truth.map((s) => s.queue)).size).toBeGreaterThanOrEqual(4);
		expect(new Set(truth.map((s) => s.type))).toEqual(new Set(['voice', 'chat', 'email']));
		expect(truth.some((s) => s.answers.AgentSatisfaction === undefined)).toBe(true);
	});

	it('has bursts sharing one surveyDate, ordered newest first then by _id', () => {
		const perDate = new Map<string, number>();
		truth.forEach((s) => perDate.set(s.surveyDate, (perDate.get(s.surveyDate) ?? 0) + 1));
		expect([...perDate.values()].filter((n) => n >= 3).length).toBeGreaterThan(20);
		for (let i = 1; i < truth.length; i++) {
			const [a, b] = [truth[i - 1], truth[i]];
			expect(a.surveyDate > b.surveyDate || (a.surveyDate === b.surveyDate && a._id < b._id)).toBe(
				true,
			);
		}
	});

	it('is the same for the same seed and anchor, different for another seed', async () => {
		const twin = await start();
		const other = await start({ seed: 7 });
		try {
			expect(await groundTruth(twin)).toEqual(truth);
			expect(ids(await groundTruth(other))).not.toEqual(ids(truth));
		} finally {
			await twin.close();
			await other.close();
		}
	});
});

describe('paging', () => {
	it('pages of the default size add up to total; a page beyond the end is empty', async () => {
		const range = { startDate: '2025-11-01T00:00:00', endDate: '2025-11-12T23:59:59' };
		const expected = truth.filter(inRange('2025-11-01T00:00:00Z', '2025-11-12T23:59:59Z'));
		const first = await search(sb, token, range);
		expect(first.json).toMatchObject({
			total: expected.length,
			pageTotal: WESAL_VOC_DEFAULTS.pageSize,
			result: 'success',
		});
		expect(Object.keys(first.json)).toEqual(['surveys', 'total', 'pageTotal', 'result']);
		const all = await searchAll(sb, token, range);
		expect(all.total).toBe(expected.length);
		expect(ids(all.surveys)).toEqual(ids(expected));
		const beyond = await search(sb, token, { ...range, page: 999 });
		expect(beyond.json).toEqual({
			surveys: [],
			total: expected.length,
			pageTotal: 0,
			result: 'success',
		});
	});

	it('follows the page size set via config', async () => {
		await setPageSize(1000);
		const r = await search(sb, token);
		expect(r.json.surveys).toHaveLength(1000);
		const all = await searchAll(sb, token);
		expect(ids(all.surveys)).toEqual(ids(truth));
	});
});

describe('filters', () => {
	beforeEach(() => setPageSize(1000));

	it.each([
		[
			'no zone',
			'2025-10-01T00:00:00',
			'2025-10-10T23:59:59',
			'2025-10-01T00:00:00Z',
			'2025-10-10T23:59:59Z',
		],
		[
			'Z and ms',
			'2025-10-01T00:00:00.000Z',
			'2025-10-10T23:59:59.999Z',
			'2025-10-01T00:00:00Z',
			'2025-10-10T23:59:59.999Z',
		],
		[
			'offset',
			'2025-10-01T03:00:00+03:00',
			'2025-10-11T02:59:59+03:00',
			'2025-10-01T00:00:00Z',
			'2025-10-10T23:59:59Z',
		],
	])('date range with %s, inclusive', async (_f, startDate, endDate, from, to) => {
		const all = await searchAll(sb, token, { startDate, endDate });
		expect(ids(all.surveys)).toEqual(ids(truth.filter(inRange(from, to))));
	});

	it('includes both bounds exactly', async () => {
		const target = truth[100].surveyDate;
		const all = await searchAll(sb, token, { startDate: target, endDate: target });
		expect(all.total).toBe(truth.filter((s) => s.surveyDate === target).length);
		expect(all.total).toBeGreaterThan(0);
	});

	it('agents and queues by name; empty lists do not filter', async () => {
		const agents = [WESAL_VOC_AGENTS[0], WESAL_VOC_AGENTS[3]];
		const queues = [WESAL_VOC_QUEUES[1]];
		const all = await searchAll(sb, token, { agents, queues });
		expect(ids(all.surveys)).toEqual(
			ids(truth.filter((s) => agents.includes(s.agent) && queues.includes(s.queue))),
		);
		expect((await searchAll(sb, token, { agents: [], queues: [] })).total).toBe(6000);
		expect((await search(sb, token, { agents: ['Nobody'] })).json.total).toBe(0);
	});

	it('answers by question value and interactionType; unanswered never match a value filter', async () => {
		const answers = { AgentSatisfaction: ['1', '2'], NPS: [], interactionType: ['voice', 'chat'] };
		const all = await searchAll(sb, token, { answers });
		const expected = truth.filter(
			(s) => ['1', '2'].includes(s.answers.AgentSatisfaction) && s.type !== 'email',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(ids(all.surveys)).toEqual(ids(expected));
		const everyRating = await searchAll(sb, token, {
			answers: { AgentSatisfaction: ['1', '2', '3', '4', '5'] },
		});
		expect(everyRating.total).toBe(
			truth.filter((s) => s.answers.AgentSatisfaction !== undefined).length,
		);
		expect(everyRating.total).toBeLessThan(6000);
	});

	it('may omit agents, queues and answers', async () => {
		const r = await call(
			sb,
			'POST',
			'/wesal-voc/api/v1/survey/queries/surveys',
			{
				startDate: '2025-01-01',
				endDate: '2026-01-01',
				companyId: WESAL_VOC_DEFAULTS.companyId,
				page: 1,
			},
			{ Authorization: token },
		);
		expect(r.json.total).toBe(6000);
	});
});

describe('validation', () => {
	it.each([
		[{ startDate: undefined }, 'startDate is required'],
		[{ endDate: 'yesterday' }, 'endDate must be an ISO 8601 date string'],
		[{ agents: 'Ahmed' }, 'agents must be an array'],
		[{ answers: { NPS: '9' } }, 'answers.NPS: must be an array of strings'],
		[{ companyId: undefined }, 'companyId is required'],
		[{ page: 0 }, 'page must be a positive integer'],
		[{ page: '1' }, 'page must be a positive integer'],
		[{ page: undefined }, 'page is required'],
	])('%j → 400 %s', async (override, message) => {
		const r = await search(sb, token, override);
		expect(r).toMatchObject({ status: 400, json: { result: 'error', message } });
	});

	it('answers another company with 404', async () => {
		const r = await search(sb, token, { companyId: '0123456789abcdef01234567' });
		expect(r).toMatchObject({
			status: 404,
			json: { result: 'error', message: 'Company not found' },
		});
	});
});

describe('control: surveys', () => {
	it('adds surveys with defaults filled, visible to search and ground truth', async () => {
		const r = await call(sb, 'POST', '/__control/wesal-voc/surveys', {
			surveys: [
				{ agent: 'Zed', answers: { NPS: 10 } },
				{ queue: 'Sales', surveyDate: '2025-11-16T14:00:00+03:00' },
			],
			surveyDate: '2025-11-16T10:00:00Z',
		});
		expect(r.status).toBe(201);
		const [a, b] = r.json.surveys as WesalVocSurvey[];
		expect(a).toMatchObject({
			agent: 'Zed',
			answers: { NPS: '10' },
			surveyDate: '2025-11-16T10:00:00',
		});
		expect(b).toMatchObject({ queue: 'Sales', surveyDate: '2025-11-16T11:00:00' });
		expect(b.interactionId).toMatch(/^[0-9a-f-]{36}$/);
		const found = await search(sb, token, {
			startDate: '2025-11-16T10:00:00Z',
			endDate: '2025-11-16T11:00:00Z',
		});
		expect(ids(found.json.surveys)).toEqual([b._id, a._id]);
		expect((await groundTruth(sb))[0]).toEqual(b);
	});

	it('adds count surveys at the emulator clock, then clears all', async () => {
		const r = await call(sb, 'POST', '/__control/wesal-voc/surveys', { count: 3 });
		expect(r.json.surveys).toHaveLength(3);
		expect(Math.abs(ms(r.json.surveys[0].surveyDate) - Date.now())).toBeLessThan(5000);
		expect((await call(sb, 'DELETE', '/__control/wesal-voc/surveys')).json).toEqual({
			removed: 6003,
		});
		expect((await search(sb, token)).json.total).toBe(0);
	});

	it('adds the same surveys after a reset (deterministic)', async () => {
		const body = { count: 2, surveyDate: '2025-11-14T00:00:00Z' };
		const a = (await call(sb, 'POST', '/__control/wesal-voc/surveys', body)).json;
		await call(sb, 'POST', '/__control/reset');
		expect((await call(sb, 'POST', '/__control/wesal-voc/surveys', body)).json).toEqual(a);
	});
});
