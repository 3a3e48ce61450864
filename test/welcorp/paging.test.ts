import type { IDataObject } from 'n8n-workflow';

import { LOGINS, VENDOR, WelcorpFixture, type TruthJob } from './fixture';

/** Job → Get Many over the Laravel paginator block, as Welcorp may send it. */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const getAll = { resource: 'job', operation: 'getAll', output: 'raw', returnAll: true };
const strip = ({ startMs: _s, completeMs: _c, ...row }: TruthJob) => row;

/** Five real jobs of the user, as the API lists them. */
async function fiveJobs(): Promise<IDataObject[]> {
	const { json } = await fx.api('GET', '/jobs?page=1&page_size=5');
	expect(json.data).toHaveLength(5);
	return json.data as IDataObject[];
}

/** The next list reads are answered with these pages, in order (only the paging fields given). */
async function servePages(...pages: IDataObject[]) {
	for (const page of pages) {
		await fx.emulator.fault({
			vendor: VENDOR,
			method: 'GET',
			path: '/jobs',
			kind: 'status',
			status: 200,
			body: { status: 200, ...page },
		});
	}
	await fx.emulator.clearRequests();
}

async function pagesAsked(): Promise<string[]> {
	return (await fx.requests({ path: '/jobs' })).map((entry) => String(entry.query.page));
}

describe('Return All reads every page', () => {
	it('when the pages do not say which page they are (no current_page)', async () => {
		const jobs = await fiveJobs();
		await servePages(
			{ data: jobs.slice(0, 3), last_page: 2 },
			{ data: jobs.slice(3), last_page: 2 },
		);
		const { items, error } = await fx.run(getAll);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(jobs);
		expect(await pagesAsked()).toEqual(['1', '2']);
	});

	it('by next_page_url when the answer gives no last_page', async () => {
		const jobs = await fiveJobs();
		const next = `${fx.baseUrl}/jobs?page=2`;
		await servePages(
			{ data: jobs.slice(0, 3), current_page: 1, next_page_url: next },
			{ data: jobs.slice(3), current_page: 2, next_page_url: null },
		);
		const { items, error } = await fx.run(getAll);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(jobs);
		expect(await pagesAsked()).toEqual(['1', '2']);
	});

	it('up to last_page when the answer gives one, whatever next_page_url says', async () => {
		const jobs = await fiveJobs();
		await servePages(
			// last_page says there is more, next_page_url does not: last_page wins...
			{ data: jobs.slice(0, 3), current_page: 1, last_page: 2, next_page_url: null },
			// ...and it says this is the last page, next_page_url does not: last_page wins again.
			{
				data: jobs.slice(3),
				current_page: 2,
				last_page: 2,
				next_page_url: `${fx.baseUrl}/jobs?page=3`,
			},
		);
		const { items, error } = await fx.run(getAll);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(jobs);
		expect(await pagesAsked()).toEqual(['1', '2']);
	});
});

describe('pages after the first', () => {
	it('are asked for four at a time', async () => {
		const holdMs = 1000;
		// Welcorp serves fewer than asked: a limit of 10 takes 5 pages of 2.
		await fx.configure({ maxPageSize: 2 });
		await fx.emulator.fault({
			vendor: VENDOR,
			method: 'GET',
			path: '/jobs',
			kind: 'delay',
			delayMs: holdMs,
			count: 5,
		});
		const truth = await fx.truthJobs(LOGINS.user.user_id);
		const { items, error } = await fx.run({ ...getAll, returnAll: false, limit: 10 });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(truth.slice(0, 10).map(strip));
		const log = await fx.requests({ path: '/jobs' });
		expect(log.map((entry) => entry.query.page_size)).toEqual(['10', '10', '10', '10', '10']);
		expect(log[0].query.page).toBe('1');
		expect(log.map((entry) => String(entry.query.page)).sort()).toEqual(['1', '2', '3', '4', '5']);
		// Pages 2 to 5 are all asked for before any of them is answered (each is held holdMs);
		// one page after another they would arrive holdMs apart.
		const arrivals = log.slice(1).map((entry) => Date.parse(entry.at));
		expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(holdMs);
	});
});
