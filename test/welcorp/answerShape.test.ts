import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { WelcorpFixture } from './fixture';

/**
 * Job → Get Many checks the list answer as the doc describes it. With Output → Raw only each
 * job's `job_id` is checked and every job is passed on as the API sent it; Simplified and Selected
 * Fields read the fields, so those are checked too.
 */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const NOT_THE_SHAPE = 'Welcorp answered "Job: Get Many" in an unexpected shape (HTTP 200)';

type JobList = IDataObject & { data: IDataObject[] };

/** The API's first page of 3 jobs, changed by `change`, served instead of the next `count` list reads. */
async function serve(change: (answer: JobList) => void, count: number) {
	const { json } = await fx.api('GET', '/jobs?page=1&page_size=3');
	const answer = { ...json, last_page: 1, next_page_url: null } as JobList;
	expect(answer.data).toHaveLength(3);
	change(answer);
	await fx.emulator.fault({
		vendor: 'welcorp',
		method: 'GET',
		path: '/jobs',
		kind: 'status',
		status: 200,
		body: answer,
		count,
	});
	await fx.emulator.clearRequests();
	return answer;
}

const run = (output: string) =>
	fx.run({
		resource: 'job',
		operation: 'getAll',
		returnAll: true,
		output,
		...(output === 'selected' ? { fields: ['jobId'] } : {}),
	});

const wrongTypes = (answer: JobList) => {
	answer.data[1].job_status = { code: 'an object' };
	answer.data[2].start_date = 20251115;
};

it('with Output → Raw only the job ids are checked: fields of another type are passed on as sent', async () => {
	const served = await serve(wrongTypes, 1);
	const { items, error } = await run('raw');
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual(served.data);
	expect(items[1].json.job_status).toEqual({ code: 'an object' });
	expect(await fx.requests({ path: '/jobs' })).toHaveLength(1);
});

it('with Output → Raw a job id sent as digits is passed on as sent', async () => {
	const served = await serve(
		(answer) => void (answer.data[0].job_id = String(answer.data[0].job_id)),
		1,
	);
	const { items, error } = await run('raw');
	expect(error).toBeUndefined();
	expect(items[0].json.job_id).toBe(served.data[0].job_id);
	expect(typeof items[0].json.job_id).toBe('string');
});

it.each(['simplified', 'selected'])(
	'with Output → %s the fields are checked: the same answer is not the documented shape',
	async (output) => {
		await serve(wrongTypes, 4);
		const { error } = await run(output);
		expect(error?.message).toBe(NOT_THE_SHAPE);
		expect(error?.description).toMatch(/^The answer did not have the documented shape \(/);
		// An answer of a read is retried like any transient failure.
		expect(await fx.requests({ path: '/jobs' })).toHaveLength(4);
	},
);

it.each<[string, (answer: JobList) => void]>([
	['a job without a job_id', (answer) => void delete answer.data[1].job_id],
	['a job_id that is not a number', (answer) => void (answer.data[1].job_id = 'J-12')],
	['a job_id that is null', (answer) => void (answer.data[1].job_id = null)],
	[
		'a job that is not an object',
		(answer) => void (answer.data[1] = 'job' as unknown as IDataObject),
	],
	[
		'jobs that are not a list',
		(answer) => void (answer.data = { 0: answer.data[0] } as unknown as IDataObject[]),
	],
])('with Output → Raw, %s is still not the documented shape', async (_name, change) => {
	await serve(change, 4);
	const { error } = await run('raw');
	expect(error?.message).toBe(NOT_THE_SHAPE);
	expect(error?.description).toContain('It was tried 4 times.');
	expect((error as unknown as NodeApiError).httpCode).toBe('200');
});
