import type { IDataObject } from 'n8n-workflow';

import { WesalVocTrigger } from '../../nodes/WesalVoc/WesalVocTrigger.node';
import { loadOptions } from '../harness';
import { expectSampleWindows } from '../helpers/sampleWindows';
import { idOf, pagesOf, WesalVocFixture } from './fixture';

/** The Wesal VoC trigger at the edges of its reads: the sample windows, Timeout, Raw output. */
let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
// Only the surveys each test adds.
beforeEach(async () => {
	await fx.reset();
	await fx.emulator.control('DELETE', 'wesal-voc/surveys');
});
afterAll(async () => await fx.close());

const DAY = 86_400_000;
/** A UTC timestamp the way the API writes survey dates, `ms` before now. */
const before = (ms: number) => new Date(Date.now() - ms).toISOString().slice(0, 19);
/** A search's first and last date, in days before `reference` (the API's dates are UTC). */
const daysBefore = (body: IDataObject, reference: number) =>
	[body.startDate, body.endDate].map((date) => (reference - Date.parse(`${date}Z`)) / DAY);

describe('Wesal VoC Trigger: the edges of its reads', () => {
	it('"Fetch Test Event" reads the last day, then the week, then 30 days, and shows a survey 10 days old', async () => {
		const [survey] = await fx.add([{ surveyDate: before(10 * DAY) }]);
		const sample = await fx.poller({ output: 'raw' }).manual();
		const reference = Date.now();
		expect(sample.items.map((item) => item.json)).toEqual([survey]);
		const windows = (await fx.searches()).map((search) =>
			daysBefore(search.body as IDataObject, reference),
		);
		expectSampleWindows(windows);
	});

	it('Options → Timeout bounds each search of a poll', async () => {
		const trigger = fx.poller({ options: { timeout: 200 } });
		await trigger.activate();
		await fx.delaySearches(1000, 4);
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal VoC did not answer "Trigger: New Survey" within 0.2 s',
		);
		expect((await fx.searches()).filter((search) => search.fault)).toHaveLength(4);
	});

	it('emits Raw output without reading the question schema, even one it cannot read', async () => {
		const trigger = fx.poller({ output: 'raw' });
		await trigger.activate();
		const session = fx.store.get(fx.credentialId).data;
		fx.store.set(fx.credentialId, { ...session, questionsSchema: JSON.stringify(['NPS']) });
		const surveys = await fx.add([{ surveyDate: before(5000) }, { surveyDate: before(3000) }]);
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(items.map(idOf)).toEqual(surveys.map(idOf));
	});

	it("reads a backlog's pages after the first a few at a time", async () => {
		const trigger = fx.poller({ output: 'raw' });
		await trigger.activate();
		const backlog = await fx.add(
			Array.from({ length: (await fx.pageSize()) * 3 + 1 }, () => ({ surveyDate: before(60_000) })),
		);
		await fx.emulator.clearRequests();
		// Pages 1 and 2 answer slowly: reading one page at a time, page 3 would wait for page 2.
		await fx.delaySearches(1500, 2);
		const { items } = await trigger.poll();
		expect(items).toHaveLength(backlog.length);
		const searches = await fx.searches();
		const arrival = (page: number) =>
			Date.parse(searches.find((search) => pagesOf([search])[0] === page)!.at);
		expect(arrival(3) - arrival(2)).toBeLessThan(1500);
	});
});

describe('Wesal VoC Trigger dropdowns', () => {
	it("offers the company's questions for the CSAT threshold", async () => {
		const options = await loadOptions({
			nodeType: WesalVocTrigger,
			method: 'getQuestions',
			parameters: { event: 'csatBelowThreshold' },
			store: fx.store,
			credentials: { wesalVocApi: fx.credentialId },
		});
		expect(options.map((option) => [option.value, option.name])).toEqual([
			['AgentSatisfaction', 'Agent Satisfaction'],
			['ServiceSatisfaction', 'Service Satisfaction'],
			['NPS', 'Net Promoter Score'],
		]);
	});
});
