import { WESAL_VOC_QUESTIONS } from '../../sandbox/vendors/wesalVoc';
import {
	getAllParameters,
	ids,
	inRange,
	VENDOR,
	WesalVocFixture,
	type EmulatorSurvey,
} from './fixture';

let fx: WesalVocFixture;
let all: EmulatorSurvey[];
let start: string;
let end: string;

beforeAll(async () => {
	fx = await WesalVocFixture.start();
	await fx.reset();
	all = await fx.surveys();
	// A 20-day window ending at the newest seeded survey: several pages of data.
	const newest = all
		.map((survey) => survey.surveyDate)
		.sort()
		.at(-1)!;
	end = newest;
	start = new Date(Date.parse(`${newest}Z`) - 20 * 86_400_000).toISOString().slice(0, 19);
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Survey → Get Many', () => {
	it('returns every survey of the range with Return All, one item per survey, each paged once', async () => {
		const expected = inRange(all, start, end);
		expect(expected.length).toBeGreaterThan(100);
		const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(ids(expected));
		const pages = (await fx.searches()).map((request) => (request.body as { page: number }).page);
		expect(pages).toEqual(Array.from({ length: pages.length }, (_, i) => i + 1));
		expect(
			items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	it('returns exactly Limit surveys and stops paging once it has them', async () => {
		const { items } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 30 }),
		);
		expect(items).toHaveLength(30);
		const { pageSize } = await fx.emulator.control<{ pageSize: number }>('GET', 'wesal-voc/config');
		expect(await fx.searches()).toHaveLength(Math.ceil(30 / pageSize));
		expect(new Set(ids(items)).size).toBe(30);
	});

	it('sends agents, queues, interaction types and answer filters and returns what matches', async () => {
		const agent = all[0].agent;
		const queue = all[0].queue;
		const question = WESAL_VOC_QUESTIONS[0].id;
		const filters = {
			agents: `${agent}, Nobody`,
			queues: queue,
			interactionTypes: 'voice, chat',
			answers: { answer: [{ question, values: '1, 2, 3' }] },
		};
		const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`, { filters }));
		expect(error).toBeUndefined();
		const expected = inRange(all, start, end).filter(
			(survey) =>
				survey.agent === agent &&
				survey.queue === queue &&
				['voice', 'chat'].includes(survey.type) &&
				['1', '2', '3'].includes(survey.answers[question]),
		);
		expect(ids(items)).toEqual(ids(expected));
		const body = (await fx.searches())
			.map((request) => request.body as Record<string, unknown>)
			.find((sent) => sent.startDate === start)!;
		expect(body).toMatchObject({
			agents: [agent, 'Nobody'],
			queues: [queue],
			answers: { [question]: ['1', '2', '3'], interactionType: ['voice', 'chat'] },
			page: 1,
			startDate: start,
			endDate: end,
		});
		expect(typeof body.companyId).toBe('string');
	});

	it('simplifies to the normalized feedback record with one numeric score per answered question', async () => {
		const { items } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, {
				returnAll: false,
				limit: 5,
				options: { simplify: true },
			}),
		);
		expect(items).toHaveLength(5);
		const byId = new Map(all.map((survey) => [survey._id, survey]));
		for (const { json } of items) {
			const raw = byId.get(json.surveyId as string)!;
			expect(json).toMatchObject({
				source: 'wesalVoc',
				interactionId: raw.interactionId,
				date: new Date(`${raw.surveyDate}Z`).toISOString(),
				channel: raw.type,
				direction: raw.direction,
				agent: raw.agent,
				queue: raw.queue,
				customerNumber: raw.number,
			});
			const scores = json.scores as Array<{ questionId: string; question: string; value: number }>;
			expect(scores.map((entry) => entry.questionId).sort()).toEqual(
				Object.keys(raw.answers).sort(),
			);
			for (const entry of scores) {
				expect(entry.value).toBe(Number(raw.answers[entry.questionId]));
				expect(entry.question).toBe(
					WESAL_VOC_QUESTIONS.find((question) => question.id === entry.questionId)?.name,
				);
			}
		}
	});

	it('logs in once for several executions and pages', async () => {
		await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		await fx.run(getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 3 }));
		expect((await fx.stats()).logins).toBe(1);
		expect(fx.store.stats.preAuthentications).toBe(1);
	});

	it('logs in again once when the token expires in the middle of a multi-page read, losing nothing', async () => {
		await fx.emulator.control('POST', 'wesal-voc/expire-tokens', { afterRequests: 2 });
		const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(ids(inRange(all, start, end)));
		expect((await fx.stats()).logins).toBe(2);
		const statuses = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		expect(statuses.filter((path) => path === '/auth/login')).toHaveLength(2);
	});
});
