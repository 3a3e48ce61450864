import type { IDataObject } from 'n8n-workflow';

import {
	getAllParameters,
	inRange,
	SEARCH,
	VENDOR,
	WesalVocFixture,
	type EmulatorSurvey,
} from './fixture';

let fx: WesalVocFixture;
let all: EmulatorSurvey[];
let start: string;
let end: string;

/** The emulator's question schema (doc: minAnswer/maxAnswer), written out here on purpose. */
const QUESTIONS = [
	{ id: 'AgentSatisfaction', field: 'score_agent_satisfaction', min: 1, max: 5 },
	{ id: 'ServiceSatisfaction', field: 'score_service_satisfaction', min: 1, max: 5 },
	{ id: 'NPS', field: 'score_net_promoter_score', min: 0, max: 10 },
];

beforeAll(async () => {
	fx = await WesalVocFixture.start();
	await fx.reset();
	all = await fx.surveys();
	const newest = all
		.map((survey) => survey.surveyDate)
		.sort()
		.at(-1)!;
	end = newest;
	start = new Date(Date.parse(`${newest}Z`) - 20 * 86_400_000).toISOString().slice(0, 19);
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The figures of one question over some surveys, computed from the ground truth. */
function expected(surveys: EmulatorSurvey[], question: (typeof QUESTIONS)[number]) {
	const values = surveys
		.map((survey) => survey.answers[question.id])
		.filter((answer) => answer !== undefined)
		.map(Number);
	const count = values.length;
	const lowest = count ? Math.min(...values) : null;
	const topTwo = values.filter((value) => value >= question.max - 1).length;
	const promoters = values.filter((value) => value >= 9).length;
	const detractors = values.filter((value) => value <= 6).length;
	return {
		[`${question.field}_responses`]: count,
		[`${question.field}_average`]: count ? round2(values.reduce((a, b) => a + b, 0) / count) : null,
		[`${question.field}_csat`]: count ? round2((topTwo / count) * 100) : null,
		[`${question.field}_nps`]:
			question.max === 10 && count ? round2(((promoters - detractors) / count) * 100) : null,
		[`${question.field}_lowest`]: lowest,
		[`${question.field}_lowestCount`]: values.filter((value) => value === lowest).length,
	};
}

function expectedRow(surveys: EmulatorSurvey[], keys: IDataObject = {}): IDataObject {
	return Object.assign(
		{ ...keys, responses: surveys.length },
		...QUESTIONS.map((question) => expected(surveys, question)),
	);
}

const summary = (extra: IDataObject = {}) => ({
	resource: 'survey',
	operation: 'getSummary',
	startDate: `${start}Z`,
	endDate: `${end}Z`,
	...extra,
});

function without(row: IDataObject, ...names: string[]): IDataObject {
	const copy = { ...row };
	for (const name of names) delete copy[name];
	return copy;
}

describe('Wesal VoC: Survey → Get Summary', () => {
	it('gives one overall row: responses, average, CSAT, NPS and lowest per question, as the ground truth says', async () => {
		const surveys = inRange(all, start, end);
		expect(surveys.length).toBeGreaterThan(100);
		const { items, error } = await fx.run(summary());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(without(items[0].json, 'from', 'to')).toEqual(expectedRow(surveys));
		expect(items[0].json.from).toBe(`${start}.000Z`);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('groups by queue and by agent × channel, one row per combination, sorted', async () => {
		const surveys = inRange(all, start, end);
		const byQueue = await fx.run(summary({ groupBy: ['queue'] }));
		const queues = [...new Set(surveys.map((survey) => survey.queue))].sort();
		expect(byQueue.items.map((item) => item.json.queue)).toEqual(queues);
		for (const item of byQueue.items) {
			const mine = surveys.filter((survey) => survey.queue === item.json.queue);
			expect(without(item.json, 'from', 'to')).toEqual(
				expectedRow(mine, { queue: item.json.queue }),
			);
		}
		const byTwo = await fx.run(summary({ groupBy: ['channel', 'agent'] }));
		const pairs = new Set(surveys.map((survey) => `${survey.agent}|${survey.type}`));
		expect(byTwo.items).toHaveLength(pairs.size);
		for (const item of byTwo.items) {
			const mine = surveys.filter(
				(survey) => survey.agent === item.json.agent && survey.type === item.json.channel,
			);
			expect(without(item.json, 'from', 'to')).toEqual(
				expectedRow(mine, { agent: item.json.agent, channel: item.json.channel }),
			);
		}
		const keys = byTwo.items.map((item) => `${item.json.agent}|${item.json.channel}`);
		expect(keys).toEqual([...keys].sort());
	});

	it("groups by day and by week in the workflow's time zone (n8n's default, New York): ISO dates, weeks from Monday", async () => {
		const surveys = inRange(all, start, end);
		const days = await fx.run(summary({ groupBy: ['day'] }));
		const dayOf = (survey: EmulatorSurvey) =>
			new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
				new Date(`${survey.surveyDate}Z`),
			);
		expect(days.items.map((item) => item.json.day)).toEqual(
			[...new Set(surveys.map(dayOf))].sort(),
		);
		for (const item of days.items)
			expect(item.json.responses).toBe(
				surveys.filter((survey) => dayOf(survey) === item.json.day).length,
			);
		const weeks = await fx.run(summary({ groupBy: ['week'] }));
		const mondayOf = (survey: EmulatorSurvey) => {
			const date = new Date(`${dayOf(survey)}T00:00:00Z`);
			date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
			return date.toISOString().slice(0, 10);
		};
		for (const item of weeks.items) {
			const mine = surveys.filter((survey) => mondayOf(survey) === item.json.week);
			expect(without(item.json, 'from', 'to')).toEqual(expectedRow(mine, { week: item.json.week }));
		}
		expect(weeks.items.reduce((sum, item) => sum + Number(item.json.responses), 0)).toBe(
			surveys.length,
		);
	});

	it('applies the same filters as Get Many', async () => {
		const surveys = inRange(all, start, end).filter((survey) => survey.queue === 'Support');
		const { items } = await fx.run(
			summary({ filters: { queues: ['Support'] }, groupBy: ['agent'] }),
		);
		for (const item of items) {
			const mine = surveys.filter((survey) => survey.agent === item.json.agent);
			expect(without(item.json, 'from', 'to')).toEqual(
				expectedRow(mine, { agent: item.json.agent }),
			);
		}
		expect(items.reduce((sum, item) => sum + Number(item.json.responses), 0)).toBe(surveys.length);
	});

	it('reads with the same requests as Get Many', async () => {
		await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		const getMany = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		const manyPages = (await fx.searches()).length;
		await fx.reset();
		await fx.run(summary({ groupBy: ['queue'] }));
		const summaryRequests = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		expect(summaryRequests.sort()).toEqual(getMany.sort());
		expect((await fx.searches()).length).toBe(manyPages);
		expect(manyPages).toBeGreaterThan(3);
		expect(SEARCH).toBe('/survey/queries/surveys');
	});

	it('counts NPS from 0–10 answers and the lowest answer with its count, on known data', async () => {
		const day = '2020-01-06';
		const answers = [10, 9, 9, 8, 7, 6, 0, 0].map((nps, index) => ({
			queue: 'Probe',
			agent: 'Probe Agent',
			type: 'chat',
			surveyDate: `${day}T10:00:0${index}`,
			answers: { NPS: String(nps), AgentSatisfaction: String((index % 5) + 1) },
		}));
		await fx.add(answers);
		const { items } = await fx.run(
			summary({ startDate: `${day}T00:00:00Z`, endDate: `${day}T23:59:59Z` }),
		);
		expect(items).toHaveLength(1);
		const row = items[0].json;
		expect(row.responses).toBe(8);
		// 3 promoters (10, 9, 9), 3 detractors (6, 0, 0): (3 - 3) / 8 = 0
		expect(row.score_net_promoter_score_nps).toBe(0);
		expect(row.score_net_promoter_score_csat).toBe(37.5);
		expect(row.score_net_promoter_score_lowest).toBe(0);
		expect(row.score_net_promoter_score_lowestCount).toBe(2);
		// Agent satisfaction 1,2,3,4,5,1,2,3 on 1–5: top two (4, 5) = 2 of 8; no NPS on a 1–5 scale
		expect(row.score_agent_satisfaction_csat).toBe(25);
		expect(row.score_agent_satisfaction_nps).toBeNull();
		expect(row.score_agent_satisfaction_lowestCount).toBe(2);
		// A question nobody answered still has its columns, for a stable sheet
		expect(row.score_service_satisfaction_responses).toBe(0);
		expect(row.score_service_satisfaction_average).toBeNull();
	});

	it('gives one row with zero responses for an empty range, and refuses an unknown Group By', async () => {
		const empty = await fx.run(
			summary({ startDate: '2001-01-01T00:00:00Z', endDate: '2001-01-02T00:00:00Z' }),
		);
		expect(empty.items).toHaveLength(1);
		expect(empty.items[0].json.responses).toBe(0);
		const wrong = await fx.run(summary({ groupBy: ['region'] }));
		expect(wrong.error?.message).toContain('Invalid "Group By"');
	});
});
