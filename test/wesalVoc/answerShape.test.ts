import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { getAllParameters, SEARCH, VENDOR, WesalVocFixture, type EmulatorSurvey } from './fixture';

/**
 * Survey → Get Many checks the search answer as the doc describes it. With Output → Raw only what
 * paging needs (each survey's `_id`) is checked and every survey is passed on as the API sent it;
 * Simplified and Selected Fields read the fields, so those are checked too.
 */
let fx: WesalVocFixture;
let sample: EmulatorSurvey[];

beforeAll(async () => {
	fx = await WesalVocFixture.start();
	await fx.reset();
	sample = (await fx.surveys()).slice(0, 3);
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const NOT_THE_SHAPE = 'Wesal VoC answered "Survey: Get Many" in an unexpected shape (HTTP 200)';

/** A one-page answer holding `surveys` (changed by `change`), served instead of the next `count` searches. */
async function serve(change: (surveys: IDataObject[]) => unknown, count: number) {
	const surveys = sample.map((survey) => structuredClone(survey) as unknown as IDataObject);
	const answer = { surveys: change(surveys) ?? surveys, total: 3, pageTotal: 1, result: 'OK' };
	await fx.emulator.fault({
		vendor: VENDOR,
		path: SEARCH,
		kind: 'status',
		status: 200,
		body: answer,
		count,
	});
	return answer;
}

const run = (output: string) =>
	fx.run(
		getAllParameters('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', {
			output,
			...(output === 'selected' ? { fields: ['surveyId', 'agent'] } : {}),
		}),
	);

const wrongTypes = (surveys: IDataObject[]) => {
	surveys[1].agent = { name: 'an object' };
	surveys[2].answers = { q1: { nested: true } };
};

it('with Output → Raw only the ids are checked: fields of another type are passed on as sent', async () => {
	const served = await serve(wrongTypes, 1);
	const { items, error } = await run('raw');
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual(served.surveys);
	expect(items[1].json.agent).toEqual({ name: 'an object' });
	expect(await fx.searches()).toHaveLength(1);
});

it.each(['simplified', 'selected'])(
	'with Output → %s the fields are checked: the same answer is not the documented shape',
	async (output) => {
		await serve(wrongTypes, 4);
		const { error } = await run(output);
		expect(error?.message).toBe(NOT_THE_SHAPE);
		expect(error?.description).toMatch(/^The answer did not have the documented shape \(/);
		// An answer of a read is retried like any transient failure.
		expect(await fx.searches()).toHaveLength(4);
	},
);

it.each<[string, (surveys: IDataObject[]) => unknown]>([
	['a survey without an _id', (surveys) => void delete surveys[1]._id],
	['an _id that is a number', (surveys) => void (surveys[1]._id = 7)],
	['an _id that is null', (surveys) => void (surveys[1]._id = null)],
	[
		'a survey that is not an object',
		(surveys) => void (surveys[1] = 'survey' as unknown as IDataObject),
	],
	['surveys that are not a list', (surveys) => ({ 0: surveys[0] })],
])('with Output → Raw, %s is still not the documented shape', async (_name, change) => {
	await serve(change, 4);
	const { error } = await run('raw');
	expect(error?.message).toBe(NOT_THE_SHAPE);
	expect(error?.description).toContain('It was tried 4 times.');
	expect((error as unknown as NodeApiError).httpCode).toBe('200');
});
