import type { IDataObject } from 'n8n-workflow';

import { describeIdsOnlyRaw } from '../helpers/rawIdsOnly';
import { WelcorpFixture } from './fixture';

/** Job → Get Many checks the list answer as the doc describes it (each job's `job_id` for Raw). */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

/** The API's first page of 3 jobs, changed by `change`, served instead of the next `count` list reads. */
async function serve(change: (jobs: IDataObject[]) => unknown, count: number) {
	const { json } = await fx.api('GET', '/jobs?page=1&page_size=3');
	const jobs = json.data as IDataObject[];
	expect(jobs).toHaveLength(3);
	const served = (change(jobs) ?? jobs) as IDataObject[];
	await fx.emulator.fault({
		vendor: 'welcorp',
		method: 'GET',
		path: '/jobs',
		kind: 'status',
		status: 200,
		body: { ...json, data: served, last_page: 1, next_page_url: null },
		count,
	});
	await fx.emulator.clearRequests();
	return served;
}

const run = (output: string) =>
	fx.run({
		resource: 'job',
		operation: 'getAll',
		returnAll: true,
		output,
		...(output === 'selected' ? { fields: ['jobId'] } : {}),
	});

describeIdsOnlyRaw({
	notTheShape: 'Welcorp answered "Job: Get Many" in an unexpected shape (HTTP 200)',
	serve,
	run,
	reads: async () => (await fx.requests({ path: '/jobs' })).length,
	wrongTypes(jobs) {
		jobs[1].job_status = { code: 'an object' };
		jobs[2].start_date = 20251115;
	},
	changed: { index: 1, field: 'job_status', value: { code: 'an object' } },
	brokenIds: [
		['a job without a job_id', (jobs) => void delete jobs[1].job_id],
		['a job_id that is not a number', (jobs) => void (jobs[1].job_id = 'J-12')],
		['a job_id that is null', (jobs) => void (jobs[1].job_id = null)],
		['a job that is not an object', (jobs) => void (jobs[1] = 'job' as unknown as IDataObject)],
		['jobs that are not a list', (jobs) => ({ 0: jobs[0] })],
	],
});

it('with Output → Raw a job id sent as digits is passed on as sent', async () => {
	const served = await serve((jobs) => void (jobs[0].job_id = String(jobs[0].job_id)), 1);
	const { items, error } = await run('raw');
	expect(error).toBeUndefined();
	expect(items[0].json.job_id).toBe(served[0].job_id);
	expect(typeof items[0].json.job_id).toBe('string');
});
