import type { IDataObject, NodeApiError } from 'n8n-workflow';

import {
	WESAL_PORTAL_MAX_LIMIT,
	WESAL_PORTAL_SURVEY_TOTAL,
} from '../../sandbox/vendors/wesalPortal';
import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import {
	COMPANY,
	idsOf,
	scoreFieldOf,
	SEARCH,
	surveyParameters,
	VENDOR,
	WesalPortalFixture,
	type WesalPortalSurvey,
} from './fixture';

let fx: WesalPortalFixture;
let all: WesalPortalSurvey[];
/** Three days at the end of the data set, in the API's own format (UTC, no zone). */
let start: string;
let end: string;

const noZone = (iso: string) => iso.slice(0, 19);

beforeAll(async () => {
	fx = await WesalPortalFixture.start();
	await fx.reset();
	const newest = (await fx.truth({ startTime: '2025-11-14T00:00:00' })).at(-1)!;
	end = noZone(newest.answers.at(-1)!.createdAt);
	start = noZone(new Date(Date.parse(`${end}Z`) - 3 * 86_400_000).toISOString());
	all = await fx.truth({ startTime: start, endTime: end });
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Survey → Get Many', () => {
	it(`reads every survey of the company, ${WESAL_PORTAL_SURVEY_TOTAL} as the doc says, with pages of ${WESAL_PORTAL_MAX_LIMIT}`, async () => {
		const truth = await fx.truthIds();
		expect(truth.total).toBe(WESAL_PORTAL_SURVEY_TOTAL);
		const { items, error } = await fx.run(
			surveyParameters('2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z', { output: 'raw' }),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(WESAL_PORTAL_SURVEY_TOTAL);
		expect(idsOf(items)).toEqual(truth.ids);
		const searches = await fx.searches();
		expect(searches).toHaveLength(Math.ceil(WESAL_PORTAL_SURVEY_TOTAL / WESAL_PORTAL_MAX_LIMIT));
		// The first page alone, then the others a few at a time: they may reach the API in another order.
		const offsets = searches.map((request) => (request.body as IDataObject).offset as number);
		expect(offsets[0]).toBe(0);
		expect([...offsets].sort((a, b) => a - b)).toEqual(
			searches.map((_, page) => page * WESAL_PORTAL_MAX_LIMIT),
		);
		expect(
			searches.every((request) => (request.body as IDataObject).limit === WESAL_PORTAL_MAX_LIMIT),
		).toBe(true);
	}, 120_000);

	it('sends the doc request: dateTime filter in UTC without zone, company as a number, the token as is', async () => {
		const { error } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 5 }),
		);
		expect(error).toBeUndefined();
		const [request] = await fx.searches();
		expect(request.body).toEqual({
			filters: [{ dimension: 'dateTime', value: { startTime: start, endTime: end } }],
			companyId: COMPANY.id,
			extended: false,
			offset: 0,
			limit: 5,
		});
		expect(request.headers.authorization).toBe(fx.token());
		expect(request.headers.authorization).not.toMatch(/^Bearer /);
	});

	it('Output → Raw returns exactly the surveys of the range, in the short form unless Extended Details is on', async () => {
		const short = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { output: 'raw' }));
		expect(idsOf(short.items)).toEqual(all.map((survey) => survey.id));
		expect(short.items[0].json.conversation).not.toHaveProperty('queueId');

		const extended = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { output: 'raw', options: { extended: true } }),
		);
		expect(extended.items.map((item) => item.json)).toEqual(all);
	});

	it('stops at the limit, reading no more pages than needed', async () => {
		const { items } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 150 }),
		);
		expect(idsOf(items)).toEqual(all.slice(0, 150).map((survey) => survey.id));
		expect(
			(await fx.searches()).map((request) => [
				(request.body as IDataObject).offset,
				(request.body as IDataObject).limit,
			]),
		).toEqual([
			[0, 100],
			[100, 50],
		]);
	});

	it('reads a date range in the workflow time zone', async () => {
		const local = new Date(Date.parse(`${end}Z`) + 3 * 3_600_000).toISOString().slice(0, 19);
		const { items } = await fx.run(surveyParameters(`${start}Z`, local), {
			settings: { timezone: 'Asia/Riyadh' },
		});
		expect(idsOf(items)).toEqual(all.map((survey) => survey.id));
	});

	it('accepts the company by ID, also from an expression', async () => {
		const byId = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, {
				company: { __rl: true, mode: 'id', value: '={{ $json.company }}' },
			}),
			{
				items: [{ json: { company: COMPANY.id } }],
			},
		);
		expect(byId.error).toBeUndefined();
		expect(idsOf(byId.items)).toEqual(all.map((survey) => survey.id));
	});

	it('Output → Simplified (the default) gives one flat row per survey, one score field per question', async () => {
		const { items } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { options: { extended: true } }),
		);
		expect(items).toHaveLength(all.length);
		for (const [index, item] of items.entries()) {
			const survey = all[index];
			const { conversation, answers } = survey;
			const values = answers.map((answer) => answer.answerValue);
			const lowest = answers.find((answer) => answer.answerValue === Math.min(...values))!;
			const sum = values.reduce((total, value) => total + value, 0);
			const caller = conversation.callerId;
			expect(item.json).toEqual({
				source: 'wesalPortal',
				surveyId: survey.id,
				interactionId: conversation.id,
				date: answers.at(-1)!.createdAt,
				channel: conversation.mediaType,
				direction: conversation.direction,
				agentId: conversation.agentId,
				agent: conversation.agentName,
				queueId: conversation.queueId,
				queue: conversation.queueName,
				customerId: /^(tel|mailto):/.test(caller) ? null : caller,
				customerName: null,
				customerNumber: caller.startsWith('tel:') ? caller.slice(4) : null,
				customerEmail: caller.startsWith('mailto:') ? caller.slice(7) : null,
				comment: null,
				averageScore: Math.round((sum / values.length) * 100) / 100,
				lowestScore: lowest.answerValue,
				lowestQuestion: lowest.questionName,
				...Object.fromEntries(
					answers.map((answer) => [scoreFieldOf(answer.questionName), answer.answerValue]),
				),
				questions: Object.fromEntries(
					answers.map((answer) => [scoreFieldOf(answer.questionName), answer.questionName]),
				),
				sentiment: null,
				conversationDate: conversation.createdAt,
				durationSeconds: conversation.durationSeconds,
				wrapUpCode: conversation.wrapUpCode,
				conversationUrl: conversation.url,
			});
		}
	});

	it('Output → Selected Fields returns only the chosen fields, every score field with score_*', async () => {
		const { items, error } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, {
				returnAll: false,
				limit: 20,
				output: 'selected',
				fields: ['surveyId', 'lowestScore', 'score_*'],
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(20);
		for (const [index, item] of items.entries()) {
			const survey = all[index];
			expect(item.json).toEqual({
				surveyId: survey.id,
				lowestScore: Math.min(...survey.answers.map((answer) => answer.answerValue)),
				...Object.fromEntries(
					survey.answers.map((answer) => [scoreFieldOf(answer.questionName), answer.answerValue]),
				),
			});
		}
	});

	it('Output → Selected Fields without any field is refused before anything is sent', async () => {
		const { error } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { output: 'selected', fields: [] }),
		);
		expect(error?.message).toBe('Invalid "Fields": choose at least one field');
		expect(await fx.searches()).toHaveLength(0);
	});

	it('has no Simplify option any more and keeps Limit 50 by default', () => {
		const properties = new WesalPortal().description.properties;
		const options = properties.find(
			(property) =>
				property.name === 'options' && property.displayOptions?.show?.resource?.includes('survey'),
		);
		expect(options?.options?.map((option) => option.name)).toEqual(['extended', 'timeout']);
		const limit = properties.find(
			(property) =>
				property.name === 'limit' && property.displayOptions?.show?.resource?.includes('survey'),
		);
		expect(limit?.default).toBe(50);
	});

	it('returns nothing for a company without surveys', async () => {
		const { items, error } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, {
				company: { __rl: true, mode: 'id', value: '100303' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('Survey → Get Many: what is checked in the answer', () => {
	/** One hour at the end of the data set: a single page. */
	let hourStart: string;
	let hour: WesalPortalSurvey[];
	beforeAll(async () => {
		hourStart = noZone(new Date(Date.parse(`${end}Z`) - 3_600_000).toISOString());
		hour = await fx.truth({ startTime: hourStart, endTime: end });
		expect(hour.length).toBeGreaterThan(3);
		expect(hour.length).toBeLessThan(100);
	});

	/** The API's own answer for the hour, changed by `change`, served instead of the next `count` answers. */
	async function serveChanged(
		change: (answer: IDataObject & { data: { surveys: IDataObject[] } }) => void,
		count: number,
	) {
		const filters = [{ dimension: 'dateTime', value: { startTime: hourStart, endTime: end } }];
		const { json } = await fx.api('POST', SEARCH, {
			filters,
			companyId: COMPANY.id,
			extended: true,
			offset: 0,
			limit: 100,
		});
		change(json as IDataObject & { data: { surveys: IDataObject[] } });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 200,
			body: json,
			count,
		});
		await fx.emulator.clearRequests();
		return json as IDataObject & { data: { surveys: IDataObject[] } };
	}
	const wrongTypes = (answer: { data: { surveys: IDataObject[] } }) => {
		answer.data.surveys[1].conversation = 'not an object';
		answer.data.surveys[2].answers = { questionId: 7 };
	};
	const run = (options: IDataObject = {}, output = 'simplified') =>
		fx.run(
			surveyParameters(`${hourStart}Z`, `${end}Z`, {
				output,
				fields: ['surveyId'],
				options: { extended: true, ...options },
			}),
		);
	const NOT_THE_SHAPE =
		'Wesal Portal answered "Survey: Get Many" in an unexpected shape (HTTP 200)';
	const expectShapeError = (description: string | null | undefined) => {
		expect(description).toMatch(/^The answer did not have the documented shape \(/);
		expect(description).toContain('It was tried 4 times.');
	};

	it('with Output → Raw only the ids are checked: a field of another type is passed on as sent', async () => {
		const served = await serveChanged(wrongTypes, 1);
		const { items, error } = await run({}, 'raw');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(served.data.surveys);
		expect(items[1].json.conversation).toBe('not an object');
		expect(await fx.searches()).toHaveLength(1);
	});

	it.each(['simplified', 'selected'])(
		'with Output → %s every documented field is checked: the same answer is not the documented shape',
		async (output) => {
			await serveChanged(wrongTypes, 4);
			const { error } = await run({}, output);
			expect(error?.message).toBe(NOT_THE_SHAPE);
			expectShapeError(error?.description);
			// The answer of a read is retried like any transient failure.
			expect(await fx.searches()).toHaveLength(4);
		},
	);

	it('with Output → Simplified the API answer as documented reads fine (fields checked)', async () => {
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.surveyId)).toEqual(hour.map((survey) => survey.id));
	});

	it.each<[string, (answer: IDataObject & { data: { surveys: IDataObject[] } }) => void]>([
		['a survey without an id', (answer) => delete answer.data.surveys[1].id],
		['an id that is an object', (answer) => void (answer.data.surveys[1].id = { value: 1 })],
		['an id that is null', (answer) => void (answer.data.surveys[1].id = null)],
		[
			'a survey that is not an object',
			(answer) => void (answer.data.surveys[1] = 'survey' as unknown as IDataObject),
		],
		[
			'surveys that are not a list',
			(answer) =>
				void (answer.data.surveys = { 0: answer.data.surveys[0] } as unknown as IDataObject[]),
		],
		['no data', (answer) => delete (answer as IDataObject).data],
	])(
		'with Output → Raw, %s is still not the documented shape, with the same error',
		async (_name, change) => {
			await serveChanged(change, 4);
			const { error } = await run({}, 'raw');
			expect(error?.message).toBe(NOT_THE_SHAPE);
			expectShapeError(error?.description);
			expect((error as unknown as NodeApiError).httpCode).toBe('200');
		},
	);

	it('an answer that is not the documented shape on a later page fails the read the same way', async () => {
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 2 });
		// Every later answer (pages are read a few at a time: each one is retried 4 times).
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 200,
			body: { success: true, data: { surveys: [{ answers: [] }] } },
			count: 100,
		});
		const { error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { output: 'raw' }));
		expect(error?.message).toBe(NOT_THE_SHAPE);
		expectShapeError(error?.description);
	});
});

describe('Survey → Get Many: pages after the first, a few at a time', () => {
	const pages = () => Math.ceil(all.length / WESAL_PORTAL_MAX_LIMIT);
	beforeAll(() => expect(all.length).toBeGreaterThan(5 * WESAL_PORTAL_MAX_LIMIT));

	it('reads the first page alone, then at most 4 pages at the same time', async () => {
		// Every page after the first takes a second to answer: those sent together arrive together.
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 1 });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'delay',
			delayMs: 1000,
			count: 100,
		});
		const { items, error } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 600 }),
		);
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual(all.slice(0, 600).map((survey) => survey.id));
		const arrived = (await fx.searches()).map((request) => Date.parse(request.at));
		expect(arrived).toHaveLength(6);
		// Pages 2 to 5 were sent before any of them was answered; page 6 only once one was.
		expect(Math.max(...arrived.slice(1, 5)) - arrived[1]).toBeLessThan(900);
		expect(arrived[5] - arrived[1]).toBeGreaterThanOrEqual(950);
	}, 60_000);

	it('Limit: the same requests as one page after the other, cut to the limit', async () => {
		const { items } = await fx.run(
			surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 350 }),
		);
		expect(idsOf(items)).toEqual(all.slice(0, 350).map((survey) => survey.id));
		const requests = (await fx.searches()).map((request) => [
			(request.body as IDataObject).offset,
			(request.body as IDataObject).limit,
		]);
		expect(requests[0]).toEqual([0, 100]);
		expect(requests.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
			[300, 50],
		]);
	});

	it('honours a 429 with Retry-After on a later page and returns every survey in order', async () => {
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 2 });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '1' },
		});
		const { items, error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual(all.map((survey) => survey.id));
		const searches = await fx.searches();
		expect(searches).toHaveLength(pages() + 1);
		const limited = searches.find((request) => request.fault === 'status')!;
		const offset = (limited.body as IDataObject).offset;
		const retried = searches.filter(
			(request) => (request.body as IDataObject).offset === offset && request.seq > limited.seq,
		);
		expect(retried).toHaveLength(1);
		expect(Date.parse(retried[0].at) - Date.parse(limited.at)).toBeGreaterThanOrEqual(950);
	}, 60_000);

	it('fails with the error of the failing page, as when reading in turn, and starts no page after it', async () => {
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 2 });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 400,
			body: { success: false, code: 'X004', message: 'Invalid request' },
		});
		const { error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`));
		expect(error?.message).toBe(
			'Wesal Portal refused "Survey: Get Many" (HTTP 400): X004 (the request is invalid): Invalid request',
		);
		expect((error as unknown as NodeApiError).httpCode).toBe('400');
		expect((await fx.searches()).length).toBeLessThan(pages());
	});

	it('renews an expired token in the middle of the pages and still returns every survey', async () => {
		await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 1 }));
		await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs: 0, count: 3 });
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 400,
			body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
		});
		const { items, error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`));
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual(all.map((survey) => survey.id));
		expect((await fx.stats()).logins).toBe(2);
	});
});
