import type { IDataObject } from 'n8n-workflow';

import {
	ANCHOR,
	COMPANY,
	scoreFieldOf,
	surveyParameters,
	VENDOR,
	WesalPortalFixture,
	type WesalPortalSurvey,
} from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const END = ANCHOR.toISOString();
const START = new Date(ANCHOR.getTime() - 10 * 86_400_000).toISOString();
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The questions list of the doc numbers the best answer 1 ("high", "yes"): on these 3- and 2-point
 * scales CSAT is the share of 1s and the worst answer is the largest value.
 */
function expectedRow(surveys: WesalPortalSurvey[], keys: IDataObject): IDataObject {
	const row: IDataObject = { ...keys, responses: surveys.length };
	for (const question of COMPANY.questions) {
		const values = surveys.flatMap((survey) => {
			const answers = survey.answers.filter(
				(answer) => String(answer.questionId) === String(question.id),
			);
			const latest = answers
				.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
				.at(-1);
			return latest ? [Number(latest.answerValue)] : [];
		});
		const count = values.length;
		const worst = count ? Math.max(...values) : null;
		const field = scoreFieldOf(question.name);
		row[`${field}_responses`] = count;
		row[`${field}_average`] = count ? round2(values.reduce((a, b) => a + b, 0) / count) : null;
		row[`${field}_csat`] = count
			? round2((values.filter((value) => value === 1).length / count) * 100)
			: null;
		row[`${field}_nps`] = null;
		row[`${field}_lowest`] = worst;
		row[`${field}_lowestCount`] = values.filter((value) => value === worst).length;
	}
	return row;
}

const summary = (extra: IDataObject = {}) => ({
	...surveyParameters(START, END),
	operation: 'getSummary',
	returnAll: undefined,
	...extra,
});
const strip = ({ from: _from, to: _to, ...rest }: IDataObject) => rest;

describe('Wesal Portal: Survey → Get Summary', () => {
	it('gives per queue the figures of each question on the scale of the questions list', async () => {
		const surveys = await fx.truth({ startTime: START, endTime: END });
		expect(surveys.length).toBeGreaterThan(1000);
		const { items, error } = await fx.run(summary({ groupBy: ['queue'] }));
		expect(error).toBeUndefined();
		const queues = [...new Set(surveys.map((survey) => survey.conversation.queueName))].sort();
		expect(items.map((item) => item.json.queue)).toEqual(queues);
		for (const item of items) {
			const mine = surveys.filter((survey) => survey.conversation.queueName === item.json.queue);
			expect(strip(item.json)).toEqual(expectedRow(mine, { queue: item.json.queue }));
		}
	});

	it('groups by agent × channel, and by nothing', async () => {
		const surveys = await fx.truth({ startTime: START, endTime: END });
		const all = await fx.run(summary());
		expect(strip(all.items[0].json)).toEqual(expectedRow(surveys, {}));
		const { items } = await fx.run(summary({ groupBy: ['agent', 'channel'] }));
		for (const item of items) {
			const mine = surveys.filter(
				(survey) =>
					survey.conversation.agentName === item.json.agent &&
					survey.conversation.mediaType === item.json.channel,
			);
			expect(strip(item.json)).toEqual(
				expectedRow(mine, { agent: item.json.agent, channel: item.json.channel }),
			);
		}
		expect(items.reduce((sum, item) => sum + Number(item.json.responses), 0)).toBe(surveys.length);
	});

	it('sends Get Many’s requests and one read of the questions list', async () => {
		await fx.run(surveyParameters(START, END));
		const many = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		await fx.reset();
		await fx.run(summary({ groupBy: ['week'] }));
		const summed = (await fx.emulator.requests(VENDOR)).map((request) => request.path);
		expect(summed.sort()).toEqual([...many, `/survey/queries/questions/${COMPANY.id}`].sort());
	});
});
