import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { WelcorpFixture } from './fixture';

/**
 * Answers of another shape than the doc's, for jobs, users, writes and the 2FA calls: each is
 * refused as "an unexpected shape", never passed on as if it were the record.
 */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset('admin'));

/** Serves `body` (HTTP 200) for the next `count` requests; Retry-After 0 keeps read retries quick. */
async function serve(method: string, path: string, body: unknown, count = 4): Promise<void> {
	await fx.emulator.fault({
		vendor: 'welcorp',
		method,
		path,
		kind: 'status',
		status: 200,
		body,
		headers: { 'retry-after': '0' },
		count,
	});
}

type Run = Awaited<ReturnType<WelcorpFixture['run']>>;

const WRITE_NOTICE =
	' This request changes data and may have been carried out: check in Welcorp before sending it again. It was not retried.';

/**
 * The run failed with the unexpected-shape error, the schema's finding named in the description:
 * a read after 4 attempts, a write after its only one.
 */
function expectRefused(run: Run, operation: string, found: string, as: 'read' | 'write'): void {
	expect(run.items).toEqual([]);
	expect(run.error?.message).toBe(
		`Welcorp answered "${operation}" in an unexpected shape (HTTP 200)`,
	);
	const tried = as === 'read' ? ' It was tried 4 times.' : '';
	expect(run.error?.description).toBe(
		`The answer did not have the documented shape (${found}).${tried} Check that the Base URL in the "Welcorp API" credential points at the API.${as === 'write' ? WRITE_NOTICE : ''}`,
	);
}

const JOB_ID = 60276558;
const getJob = (output = 'raw'): INodeParameters => ({
	resource: 'job',
	operation: 'get',
	jobId: { mode: 'id', value: String(JOB_ID) },
	output,
});

describe('Job → Get: the answer must be { data: { job_id } }', () => {
	it('accepts a job whose job_id is sent as digits, read as a number', async () => {
		await serve('GET', `/jobs/${JOB_ID}`, { status: 200, data: { job_id: '60276558' } }, 1);
		const { items, error } = await fx.run(getJob());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ job_id: 60276558 }]);
	});

	it.each<[string, unknown, string]>([
		[
			'data without a job_id',
			{ status: 200, data: { job_name: 'Parcel', job_status: 'Complete' } },
			'Invalid input at "data.job_id"',
		],
		['no data at all', { status: 200 }, 'Required at "data"'],
		[
			'a job_id with letters after the digits',
			{ status: 200, data: { job_id: '12abc', job_name: 'Parcel' } },
			'Invalid input at "data.job_id"',
		],
	])('refuses %s', async (_name, body, found) => {
		for (const output of ['raw', 'simplified']) {
			await fx.emulator.clearRequests();
			await serve('GET', `/jobs/${JOB_ID}`, body);
			expectRefused(await fx.run(getJob(output)), 'Job: Get', found, 'read');
			expect(await fx.requests({ path: `/jobs/${JOB_ID}` })).toHaveLength(4);
		}
	});
});

describe('Job → Get Many: a job_id must be only digits', () => {
	it.each(['raw', 'simplified'])('refuses "12abc" with Output → %s', async (output) => {
		const { json } = await fx.api('GET', '/jobs?page=1&page_size=2');
		const jobs = json.data as IDataObject[];
		jobs[1] = { ...jobs[1], job_id: '12abc' };
		await serve('GET', '/jobs', { ...json, data: jobs, last_page: 1, next_page_url: null });
		const run = await fx.run({ resource: 'job', operation: 'getAll', returnAll: true, output });
		expect(run.error?.message).toBe(
			'Welcorp answered "Job: Get Many" in an unexpected shape (HTTP 200)',
		);
		expect(run.error?.description).toContain('It was tried 4 times.');
	});
});

describe('User → Get: the answer must be { data: { user_id } }', () => {
	const getUser = (output: string): INodeParameters => ({
		resource: 'user',
		operation: 'get',
		userId: { mode: 'id', value: '421' },
		output,
	});

	it.each<[string, unknown, string]>([
		[
			'a user without a user_id',
			{ status: 200, data: { user_code: 'au/testuser', first_name: 'Jane' } },
			'Invalid input at "data.user_id"',
		],
		['no data at all', { status: 200 }, 'Required at "data"'],
		[
			'a user_id with letters after the digits',
			{ status: 200, data: { user_id: '421x', user_code: 'au/testuser' } },
			'Invalid input at "data.user_id"',
		],
	])('refuses %s', async (_name, body, found) => {
		for (const output of ['raw', 'simplified']) {
			await fx.emulator.clearRequests();
			await serve('GET', '/users/421', body);
			expectRefused(await fx.run(getUser(output)), 'User: Get', found, 'read');
			expect(await fx.requests({ path: '/users/421' })).toHaveLength(4);
		}
	});
});

describe('User → Get Many: a page of users or one user, each with a user_id', () => {
	const getMany = (output: string): INodeParameters => ({
		resource: 'user',
		operation: 'getAll',
		returnAll: true,
		output,
	});
	const page = (data: unknown) => ({
		status: 200,
		current_page: 1,
		last_page: 1,
		total: 1,
		next_page_url: null,
		data,
	});

	it('reads one user sent instead of a page as a page of one', async () => {
		fx.useLogin('user');
		await serve('GET', '/users', { status: 200, data: { user_id: 421, user_code: 'au/x' } }, 1);
		const { items, error } = await fx.run(getMany('raw'));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ user_id: 421, user_code: 'au/x' }]);
	});

	it('applies User Code Contains itself to one user sent instead of a page', async () => {
		fx.useLogin('user');
		const one = { status: 200, data: { user_id: 421, user_code: 'au/TestUser' } };
		const run = async (userCode: string) => {
			await serve('GET', '/users', one, 1);
			const { items, error } = await fx.run({ ...getMany('raw'), filters: { userCode } });
			expect(error).toBeUndefined();
			return items.map((item) => item.json.user_code);
		};
		expect(await run('jon')).toEqual([]);
		expect(await run('testuser')).toEqual(['au/TestUser']);
	});

	it.each<[string, unknown]>([
		['a page with a user without a user_id', page([{ user_id: 1 }, { user_code: 'au/nobody' }])],
		['a page with a user_id that is not only digits', page([{ user_id: '1e3' }])],
		['one user without a user_id', { status: 200, data: { user_code: 'au/nobody' } }],
		['no data at all', { status: 200, current_page: 1, last_page: 1 }],
		['data that is text', { status: 200, data: 'no users' }],
	])('refuses %s', async (_name, body) => {
		for (const output of ['raw', 'simplified']) {
			await fx.emulator.clearRequests();
			await serve('GET', '/users', body);
			const run = await fx.run(getMany(output));
			expect(run.items).toEqual([]);
			expect(run.error?.message).toBe(
				'Welcorp answered "User: Get Many" in an unexpected shape (HTTP 200)',
			);
			expect(run.error?.description).toContain('It was tried 4 times.');
			expect(await fx.requests({ path: '/users' })).toHaveLength(4);
		}
	});
});

describe('User → Create and Update: the answer must be { data: <user id> }', () => {
	const update: INodeParameters = {
		resource: 'user',
		operation: 'update',
		userId: '100',
		updateFields: { phone: '0300000000' },
	};
	const create: INodeParameters = {
		resource: 'user',
		operation: 'create',
		userCode: 'au/newbie',
		password: 'S3cret-pass',
		firstName: 'Nia',
		lastName: 'Lee',
		email: 'nia@example.com',
		companyMode: 'new',
		companyName: 'Test Company',
	};

	it.each<[string, unknown, string]>([
		['no data', { status: 200 }, 'Invalid input at "data"'],
		['an id with letters', { status: 200, data: '100abc' }, 'Invalid input at "data"'],
		[
			'a record instead of an id',
			{ status: 200, data: { user_id: 100 } },
			'Invalid input at "data"',
		],
	])('refuses %s, sent once', async (_name, body, found) => {
		await serve('PUT', '/users/100', body, 1);
		expectRefused(await fx.run(update), 'User: Update', found, 'write');
		await serve('POST', '/users', body, 1);
		expectRefused(await fx.run(create), 'User: Create', found, 'write');
		expect((await fx.requests()).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'PUT /users/100',
			'POST /users',
		]);
	});
});

describe('Verification: the answer must be { data: <text> }', () => {
	const sendCode: INodeParameters = {
		resource: 'verification',
		operation: 'sendCode',
		clientRef: 'user-123',
		messageType: 'sms',
		destination: '61987654321',
		messageTemplate: 'Your ACME code is [[code]]',
	};
	const validateCode: INodeParameters = {
		resource: 'verification',
		operation: 'validateCode',
		clientRef: 'user-123',
		enteredCode: '123456',
	};

	it.each<[string, unknown, string]>([
		['no data', { status: 200 }, 'Required at "data"'],
		[
			'data that is a number',
			{ status: 200, data: 1 },
			'Expected string, received number at "data"',
		],
		[
			'data that is a record',
			{ status: 200, data: { valid: true } },
			'Expected string, received object at "data"',
		],
	])('refuses %s', async (_name, body, found) => {
		await serve('POST', '/client_verification/sendCode', body, 1);
		expectRefused(await fx.run(sendCode), 'Verification: Send Code', found, 'write');
		await serve('POST', '/client_verification/validateCode', body);
		expectRefused(await fx.run(validateCode), 'Verification: Validate Code', found, 'read');
		expect(await fx.requests({ path: '/client_verification/sendCode' })).toHaveLength(1);
		expect(await fx.requests({ path: '/client_verification/validateCode' })).toHaveLength(4);
	});
});
