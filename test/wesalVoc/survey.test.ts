import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import {
	getAllParameters,
	idOf,
	ids,
	inRange,
	pagesOf,
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

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('Survey → Get Many', () => {
	it('returns every survey of the range with Return All, one item per survey, each page once', async () => {
		const expected = inRange(all, start, end);
		expect(expected.length).toBeGreaterThan(100);
		const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(ids(expected));
		const pages = pagesOf(await fx.searches());
		expect(pages.sort((a, b) => a - b)).toEqual(
			range(1, Math.ceil(expected.length / (await fx.pageSize()))),
		);
		expect(
			items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	it('returns exactly Limit surveys and stops paging once it has them', async () => {
		const { items } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 30 }),
		);
		expect(items).toHaveLength(30);
		const pageSize = await fx.pageSize();
		expect(pagesOf(await fx.searches()).sort()).toEqual(range(1, Math.ceil(30 / pageSize)));
		expect(new Set(ids(items)).size).toBe(30);
	});

	it('sends agents, queues, interaction types and answer filters and returns what matches', async () => {
		const agent = all[0].agent;
		const queue = all[0].queue;
		const question = 'AgentSatisfaction';
		const expected = inRange(all, start, end).filter(
			(survey) =>
				survey.agent === agent &&
				survey.queue === queue &&
				['voice', 'chat'].includes(survey.type) &&
				['1', '2', '3'].includes(survey.answers[question]),
		);
		// From the lists (arrays), and as comma-separated text from an expression.
		for (const [agents, queues] of [
			[[agent, 'Nobody'], [queue]],
			[`${agent}, Nobody`, queue],
		]) {
			await fx.emulator.clearRequests();
			const filters = {
				agents,
				queues,
				interactionTypes: 'voice, chat',
				answers: { answer: [{ question, values: '1, 2, 3' }] },
			};
			const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`, { filters }));
			expect(error).toBeUndefined();
			expect(ids(items)).toEqual(ids(expected));
			// (the first run also logs in with an empty search, for the answer filter's questions)
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
		}
	});

	it('logs in once for several executions and pages', async () => {
		await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		await fx.run(getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 3 }));
		expect((await fx.stats()).logins).toBe(1);
		expect(fx.store.stats.preAuthentications).toBe(1);
	});

	it('logs in again when the token expires in the middle of a multi-page read, losing nothing', async () => {
		await fx.emulator.control('POST', 'wesal-voc/expire-tokens', { afterRequests: 2 });
		const { items, error } = await fx.run(getAllParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(ids(inRange(all, start, end)));
		expect(new Set(ids(items)).size).toBe(items.length);
		// Pages read at the same time each meet the expired token and log in again once (up to 4).
		const logins = (await fx.emulator.requests(VENDOR, { path: '/auth/login' })).length;
		expect(logins).toBeGreaterThanOrEqual(2);
		expect(logins).toBeLessThanOrEqual(1 + 4);
	});
});

describe('Survey → Get Many pages read at the same time', () => {
	it('returns the same items in the same order with the same requests as reading page by page', async () => {
		const expected = inRange(all, start, end);
		const pageSize = await fx.pageSize();
		const pageCount = Math.ceil(expected.length / pageSize);
		expect(pageCount).toBeGreaterThan(5);
		// Log in first, then slow down pages 1 and 2: reading one page at a time, page 3 could only
		// be asked after page 2 was answered.
		await fx.run(getAllParameters(`${start}Z`, `${start}Z`));
		await fx.emulator.clearRequests();
		await fx.delaySearches(1500, 2);

		const { items, error } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { output: 'raw' }),
		);
		expect(error).toBeUndefined();
		// Raw output in page order: the API's own order, every survey once.
		expect(items.map((item) => item.json)).toEqual(expected);

		const searches = await fx.searches();
		expect(pagesOf(searches).sort((a, b) => a - b)).toEqual(range(1, pageCount));
		const bodies = searches.map((request) => ({ ...(request.body as object), page: 0 }));
		expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
		const arrival = (page: number) =>
			Date.parse(searches.find((request) => pagesOf([request])[0] === page)!.at);
		expect(arrival(3) - arrival(2)).toBeLessThan(1500);
		// Page 1 alone, then at most 4 at once: page 6 waits until one of pages 2 to 5 is answered.
		expect(
			pagesOf(searches)
				.slice(0, 5)
				.sort((a, b) => a - b),
		).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('Survey → Get Many output', () => {
	it('returns one flat row per survey by default: a field per question, lowest and average score', async () => {
		const [survey] = await fx.add([
			{
				surveyDate: '2020-03-01T10:00:00',
				agent: 'Nourah',
				queue: 'Sales',
				type: 'voice',
				direction: 'outbound',
				number: 'tel:+966511111111',
				answers: { ServiceSatisfaction: '5', NPS: '3', AgentSatisfaction: '4' },
			},
		]);
		const { items } = await fx.run(
			getAllParameters('2020-03-01T10:00:00Z', '2020-03-01T10:00:00Z'),
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				source: 'wesalVoc',
				surveyId: survey._id,
				interactionId: survey.interactionId,
				date: '2020-03-01T10:00:00.000Z',
				channel: 'voice',
				direction: 'outbound',
				agentId: null,
				agent: 'Nourah',
				queueId: null,
				queue: 'Sales',
				customerId: null,
				customerName: null,
				customerNumber: 'tel:+966511111111',
				customerEmail: null,
				comment: null,
				averageScore: 4,
				lowestScore: 3,
				lowestQuestion: 'Net Promoter Score',
				score_agent_satisfaction: 4,
				score_service_satisfaction: 5,
				score_net_promoter_score: 3,
				questions: {
					score_agent_satisfaction: 'Agent Satisfaction',
					score_service_satisfaction: 'Service Satisfaction',
					score_net_promoter_score: 'Net Promoter Score',
				},
				sentiment: null,
			},
		]);
	});

	it('gives every seeded survey its scores as numbers, named after the questions', async () => {
		const { items } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 40 }),
		);
		expect(items).toHaveLength(40);
		const names: Record<string, string> = {
			AgentSatisfaction: 'score_agent_satisfaction',
			ServiceSatisfaction: 'score_service_satisfaction',
			NPS: 'score_net_promoter_score',
		};
		const byId = new Map(all.map((survey) => [survey._id, survey]));
		for (const { json } of items) {
			const raw = byId.get(idOf({ json }))!;
			const expected = Object.entries(raw.answers).map(([id, answer]) => [
				names[id],
				Number(answer),
			]);
			const got = Object.entries(json).filter(([key]) => key.startsWith('score_'));
			expect(got.sort()).toEqual(expected.sort());
			expect(json.lowestScore).toBe(Math.min(...Object.values(raw.answers).map(Number)));
			expect(json).toMatchObject({ agent: raw.agent, queue: raw.queue, channel: raw.type });
		}
	});

	it('returns each survey exactly as the API sent it with Output → Raw', async () => {
		const { items } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 30, output: 'raw' }),
		);
		expect(items.map((item) => item.json)).toEqual(inRange(all, start, end).slice(0, 30));
	});

	it('returns only the chosen fields with Output → Selected Fields', async () => {
		const [survey] = await fx.add([
			{ surveyDate: '2020-03-01T10:00:00', agent: 'Lama', answers: { AgentSatisfaction: '1' } },
		]);
		const { items } = await fx.run(
			getAllParameters('2020-03-01T10:00:00Z', '2020-03-01T10:00:00Z', {
				output: 'selected',
				fields: ['surveyId', 'agent', 'lowestScore', 'score_*'],
			}),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ surveyId: survey._id, agent: 'Lama', lowestScore: 1, score_agent_satisfaction: 1 },
		]);
	});

	it('refuses Selected Fields without a field, before anything is sent', async () => {
		const { error } = await fx.run(
			getAllParameters(`${start}Z`, `${end}Z`, { output: 'selected', fields: [] }),
		);
		expect(error?.message).toBe('Invalid "Fields": choose at least one field');
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});
});

describe('node description', () => {
	const { description } = new WesalVoc();
	const property = (name: string, operation: string) =>
		description.properties.find(
			(candidate) =>
				candidate.name === name &&
				(candidate.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
		);

	it('is usable as a tool and says what every operation returns', () => {
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((candidate) => candidate.name === 'operation');
		const options = operations.flatMap(
			(candidate) => candidate.options as Array<{ action?: string; description?: string }>,
		);
		expect(options).toHaveLength(6);
		for (const option of options) {
			expect(option.action).toBeTruthy();
			expect(option.description).toMatch(/one item per|returns/);
		}
	});

	it('reads 50 surveys by default, not all of them', () => {
		expect(property('returnAll', 'getAll')?.default).toBe(false);
		expect(property('limit', 'getAll')?.default).toBe(50);
		expect(property('output', 'getAll')?.default).toBe('simplified');
		expect(description.properties.some((candidate) => candidate.name === 'simplify')).toBe(false);
	});
});
