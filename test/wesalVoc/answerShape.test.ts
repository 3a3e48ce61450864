import type { IDataObject } from 'n8n-workflow';

import { describeIdsOnlyRaw } from '../helpers/rawIdsOnly';
import { getAllParameters, SEARCH, VENDOR, WesalVocFixture, type EmulatorSurvey } from './fixture';

/** Survey → Get Many checks the search answer as the doc describes it (each survey's `_id` for Raw). */
let fx: WesalVocFixture;
let sample: EmulatorSurvey[];

beforeAll(async () => {
	fx = await WesalVocFixture.start();
	await fx.reset();
	sample = (await fx.surveys()).slice(0, 3);
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describeIdsOnlyRaw({
	notTheShape: 'Wesal VoC answered "Survey: Get Many" in an unexpected shape (HTTP 200)',
	async serve(change, count) {
		const surveys = sample.map((survey) => structuredClone(survey) as unknown as IDataObject);
		const served = (change(surveys) ?? surveys) as IDataObject[];
		const answer = { surveys: served, total: 3, pageTotal: 1, result: 'OK' };
		await fx.emulator.fault({
			vendor: VENDOR,
			path: SEARCH,
			kind: 'status',
			status: 200,
			body: answer,
			count,
		});
		return served;
	},
	run: (output) =>
		fx.run(
			getAllParameters('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', {
				output,
				...(output === 'selected' ? { fields: ['surveyId', 'agent'] } : {}),
			}),
		),
	reads: async () => (await fx.searches()).length,
	wrongTypes(surveys) {
		surveys[1].agent = { name: 'an object' };
		surveys[2].answers = { q1: { nested: true } };
	},
	changed: { index: 1, field: 'agent', value: { name: 'an object' } },
	brokenIds: [
		['a survey without an _id', (surveys) => void delete surveys[1]._id],
		['an _id that is a number', (surveys) => void (surveys[1]._id = 7)],
		['an _id that is null', (surveys) => void (surveys[1]._id = null)],
		[
			'a survey that is not an object',
			(surveys) => void (surveys[1] = 'survey' as unknown as IDataObject),
		],
		['surveys that are not a list', (surveys) => ({ 0: surveys[0] })],
	],
});
