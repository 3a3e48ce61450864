import type { IDataObject } from 'n8n-workflow';

import { WESAL_PORTAL_MAX_LIMIT, WESAL_PORTAL_SURVEY_TOTAL } from '../../sandbox/vendors/wesalPortal';
import { COMPANY, idsOf, surveyParameters, WesalPortalFixture, type WesalPortalSurvey } from './fixture';

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
		const { items, error } = await fx.run(surveyParameters('2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z'));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(WESAL_PORTAL_SURVEY_TOTAL);
		expect(idsOf(items)).toEqual(truth.ids);
		const searches = await fx.searches();
		expect(searches).toHaveLength(Math.ceil(WESAL_PORTAL_SURVEY_TOTAL / WESAL_PORTAL_MAX_LIMIT));
		expect(searches.map((request) => (request.body as IDataObject).offset)).toEqual(searches.map((_, page) => page * WESAL_PORTAL_MAX_LIMIT));
		expect(searches.every((request) => (request.body as IDataObject).limit === WESAL_PORTAL_MAX_LIMIT)).toBe(true);
	}, 120_000);

	it('sends the doc request: dateTime filter in UTC without zone, company as a number, the token as is', async () => {
		const { error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 5 }));
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

	it('returns exactly the surveys of the range, in the short form unless Extended Details is on', async () => {
		const short = await fx.run(surveyParameters(`${start}Z`, `${end}Z`));
		expect(idsOf(short.items)).toEqual(all.map((survey) => survey.id));
		expect(short.items[0].json.conversation).not.toHaveProperty('queueId');

		const extended = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { options: { extended: true } }));
		expect(extended.items.map((item) => item.json)).toEqual(all);
	});

	it('stops at the limit, reading no more pages than needed', async () => {
		const { items } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { returnAll: false, limit: 150 }));
		expect(idsOf(items)).toEqual(all.slice(0, 150).map((survey) => survey.id));
		expect((await fx.searches()).map((request) => [(request.body as IDataObject).offset, (request.body as IDataObject).limit])).toEqual([
			[0, 100],
			[100, 50],
		]);
	});

	it('reads a date range in the workflow time zone', async () => {
		const local = new Date(Date.parse(`${end}Z`) + 3 * 3_600_000).toISOString().slice(0, 19);
		const { items } = await fx.run(surveyParameters(`${start}Z`, local), { settings: { timezone: 'Asia/Riyadh' } });
		expect(idsOf(items)).toEqual(all.map((survey) => survey.id));
	});

	it('accepts the company by ID, also from an expression', async () => {
		const byId = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { company: { __rl: true, mode: 'id', value: '={{ $json.company }}' } }), {
			items: [{ json: { company: COMPANY.id } }],
		});
		expect(byId.error).toBeUndefined();
		expect(idsOf(byId.items)).toEqual(all.map((survey) => survey.id));
	});

	it('Simplify maps the answers array to one score per question of the normalized feedback record', async () => {
		const { items } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { options: { simplify: true, extended: true } }));
		expect(items).toHaveLength(all.length);
		for (const [index, item] of items.entries()) {
			const survey = all[index];
			const record = item.json as IDataObject;
			expect(record).toMatchObject({
				source: 'wesalPortal',
				surveyId: survey.id,
				interactionId: survey.conversation.id,
				date: survey.answers.at(-1)!.createdAt,
				channel: survey.conversation.mediaType,
				direction: survey.conversation.direction,
				agentId: survey.conversation.agentId,
				agent: survey.conversation.agentName,
				queueId: survey.conversation.queueId,
				queue: survey.conversation.queueName,
			});
			expect(record.scores).toEqual(
				survey.answers.map((answer) => ({
					questionId: String(answer.questionId),
					question: answer.questionName,
					value: answer.answerValue,
					answer: answer.answerTitle,
				})),
			);
			const caller = survey.conversation.callerId;
			if (caller.startsWith('tel:')) expect(record.customerNumber).toBe(caller.slice(4));
			if (caller.startsWith('mailto:')) expect(record.customerEmail).toBe(caller.slice(7));
		}
	});

	it('returns nothing for a company without surveys', async () => {
		const { items, error } = await fx.run(surveyParameters(`${start}Z`, `${end}Z`, { company: { __rl: true, mode: 'id', value: '100303' } }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});
