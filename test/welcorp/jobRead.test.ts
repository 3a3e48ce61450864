import { LOGINS, WelcorpFixture, type TruthJob } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const getMany = { resource: 'job', operation: 'getAll', output: 'raw' };
const strip = ({ startMs: _s, completeMs: _c, ...row }: TruthJob) => row;

describe('Job → Get Many', () => {
	it('sends Content-Type and Accept application/json on reads too, as the doc asks of every request', async () => {
		await fx.run({ ...getMany, returnAll: false, limit: 1 });
		const [read] = await fx.requests({ path: '/jobs' });
		expect(read.method).toBe('GET');
		expect(read.headers['content-type']).toBe('application/json');
		expect(read.headers.accept).toBe('application/json');
	});

	it('returns every job of the user, newest first, in pages of 100', async () => {
		const truth = await fx.truthJobs(LOGINS.user.user_id);
		expect(truth).toHaveLength(2406);
		const { items, error } = await fx.run({ ...getMany, returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(truth.map(strip));
		const log = await fx.requests({ path: '/jobs' });
		// 2406 jobs: 25 pages of 100, each asked for once (after the first, four at a time).
		expect(log).toHaveLength(25);
		const pages = log.map((entry) => Number(entry.query.page)).sort((a, b) => a - b);
		expect(pages).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		expect(log[0].query.page).toBe('1');
		expect(new Set(log.map((entry) => entry.query.page_size))).toEqual(new Set(['100']));
	});

	it('stops at the limit with one request sized to it', async () => {
		const truth = await fx.truthJobs(LOGINS.user.user_id);
		const { items } = await fx.run({ ...getMany, returnAll: false, limit: 25 });
		expect(items.map((item) => item.json)).toEqual(truth.slice(0, 25).map(strip));
		const log = await fx.requests({ path: '/jobs' });
		expect(log.map((entry) => entry.query)).toEqual([{ page: '1', page_size: '25' }]);
	});

	it('sends every filter, dates in the account time zone, and gets what the emulator holds', async () => {
		const after = Date.parse('2025-10-01T00:00:00Z');
		const before = Date.parse('2025-11-10T00:00:00Z');
		const { items } = await fx.run({
			...getMany,
			returnAll: true,
			filters: {
				jobType: 'Sms',
				jobStatus: 'complete',
				jobName: 'Quick Send',
				startAfter: '2025-10-01T00:00:00Z',
				startBefore: '2025-11-10T00:00:00Z',
			},
		});
		const truth = (await fx.truthJobs(LOGINS.user.user_id)).filter(
			(job) =>
				job.job_type === 'SMS' &&
				job.job_status === 'Complete' &&
				job.job_name === 'Quick Send' &&
				job.startMs > after &&
				job.startMs < before,
		);
		expect(truth.length).toBeGreaterThan(10);
		expect(items.map((item) => item.json)).toEqual(truth.map(strip));
		const [first] = await fx.requests({ path: '/jobs' });
		// 00:00 UTC is 10:00 in Sydney on 1 October (+10:00) and 11:00 on 10 November (+11:00).
		expect(first.query).toEqual({
			job_name: 'Quick Send',
			job_type: 'Sms',
			job_status: 'complete',
			start_after: '2025-10-01 10:00:00',
			start_before: '2025-11-10 11:00:00',
			page: '1',
			page_size: '100',
		});
	});

	it('lets an admin list the jobs of one user, by id or by user code', async () => {
		fx.useLogin('admin');
		const owner = (await fx.truthJobs()).find(
			(job) => job.user_id !== LOGINS.user.user_id && job.user_id >= 100 && job.user_id < 3000,
		)!;
		const truth = (await fx.truthJobs(owner.user_id)).map(strip);
		const byId = await fx.run({
			...getMany,
			returnAll: true,
			filters: { userId: { mode: 'id', value: String(owner.user_id) } },
		});
		expect(byId.items.map((item) => item.json)).toEqual(truth);
		expect((await fx.requests({ path: '/jobs' }))[0].query.user_id).toBe(String(owner.user_id));
		// A workflow saved when User ID was a number field still filters the same way.
		const byNumber = await fx.run({
			...getMany,
			returnAll: true,
			filters: { userId: owner.user_id },
		});
		expect(byNumber.items.map((item) => item.json)).toEqual(truth);
		const byCode = await fx.run({
			...getMany,
			returnAll: true,
			filters: { userCode: String(owner.user_code) },
		});
		expect(byCode.items.map((item) => item.json)).toEqual(truth);
	});

	it('shows an agent only the jobs of the users linked to the agent', async () => {
		fx.useLogin('agent');
		const linked = new Set(
			(await fx.accounts())
				.filter((a) => a.agent_id === LOGINS.agent.user_id || a.user_id === LOGINS.agent.user_id)
				.map((a) => a.user_id),
		);
		const truth = (await fx.truthJobs()).filter((job) => linked.has(job.user_id)).map(strip);
		const { items } = await fx.run({ ...getMany, returnAll: true });
		expect(items.map((item) => item.json)).toEqual(truth);
		expect(new Set(items.map((item) => item.json.user_id)).size).toBeGreaterThan(1);
	});

	it('refuses a date range that ends before it starts, before any request', async () => {
		const { error } = await fx.run({
			...getMany,
			returnAll: true,
			filters: { startAfter: '2025-10-02T00:00:00Z', startBefore: '2025-10-01T00:00:00Z' },
		});
		expect(error?.message).toBe('Invalid "Started Before": it must be later than "Started After"');
		expect(await fx.requests()).toEqual([]);
	});
});

describe('Job → Get', () => {
	it('returns the job with its recipients and delivery reports', async () => {
		const [newest] = await fx.truthJobs(LOGINS.user.user_id);
		const { items } = await fx.run({
			resource: 'job',
			operation: 'get',
			jobId: { mode: 'id', value: String(newest.job_id) },
			output: 'raw',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(await fx.truthJob(newest.job_id));
		expect((items[0].json.reports as unknown[]).length).toBe(newest.total_recipients);
	});

	it('says what Welcorp said for an unknown job or one of another user', async () => {
		const missing = await fx.run({ resource: 'job', operation: 'get', jobId: '1' });
		expect(missing.error?.message).toBe(
			'Welcorp found nothing for "Job: Get" (HTTP 404): Job not found',
		);
		const other = (await fx.truthJobs()).find((job) => job.user_id !== LOGINS.user.user_id)!;
		const hidden = await fx.run({ resource: 'job', operation: 'get', jobId: String(other.job_id) });
		expect(hidden.error?.message).toBe(
			'Welcorp did not accept the credential for "Job: Get" (HTTP 403): Permission denied',
		);
	});

	it('checks the job id before any request', async () => {
		const { error } = await fx.run({ resource: 'job', operation: 'get', jobId: 'abc' });
		expect(error?.message).toBe('Invalid "Job ID": "abc" is not a whole number, e.g. 60276558');
		expect(await fx.requests()).toEqual([]);
	});
});

describe('faults: reads are retried, writes never', () => {
	it('retries a read after a 503, a reset connection and a malformed answer', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/jobs',
			kind: 'status',
			status: 503,
		});
		await fx.emulator.fault({ vendor: 'welcorp', method: 'GET', path: '/jobs', kind: 'reset' });
		await fx.emulator.fault({ vendor: 'welcorp', method: 'GET', path: '/jobs', kind: 'malformed' });
		const { items, error } = await fx.run({ ...getMany, returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect((await fx.requests({ path: '/jobs' })).map((entry) => entry.fault)).toEqual([
			'status',
			'reset',
			'malformed',
			undefined,
		]);
	});

	it('never sends a job twice: a 503, a dropped connection or a malformed answer fails the node after one request', async () => {
		const parameters = {
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			destination: '61411111111',
			message: 'Hi',
		};
		const notices = {
			status: 'This request changes data, so it was not retried.',
			// Without an answer, or with one we cannot read, the job may exist: the user must check.
			reset:
				'This request changes data and may have been carried out: check in Welcorp before sending it again. It was not retried.',
			malformed:
				'This request changes data and may have been carried out: check in Welcorp before sending it again. It was not retried.',
		};
		for (const kind of ['status', 'reset', 'malformed'] as const) {
			await fx.emulator.clearRequests();
			await fx.emulator.fault({
				vendor: 'welcorp',
				method: 'POST',
				path: '/jobs',
				kind,
				...(kind === 'status' ? { status: 503 } : {}),
			});
			const { error } = await fx.run(parameters);
			expect(`${kind}: ${error?.message} ${error?.description}`).toContain(notices[kind]);
			expect(await fx.jobPosts()).toHaveLength(1);
		}
		expect((await fx.stats()).jobsCreated).toBe(0);
	});

	it('fails a read after a bounded number of attempts', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/jobs',
			kind: 'status',
			status: 500,
			count: 10,
		});
		const { error } = await fx.run({ ...getMany, returnAll: false, limit: 5 });
		expect(error?.message).toContain('Welcorp could not serve "Job: Get Many" (HTTP 500)');
		expect(error?.description).toContain('It was tried 4 times.');
		expect(await fx.requests({ path: '/jobs' })).toHaveLength(4);
	});

	it("reports a wrong password in Welcorp's words", async () => {
		fx.useLogin('user', { password: 'wrong-password' });
		const { error } = await fx.run({ ...getMany, returnAll: false, limit: 5 });
		expect(error?.message).toBe(
			'Welcorp refused the credentials: Invalid credentials. (HTTP 401). Check Username, Password and Base URL.',
		);
		// The request, its repetition that lets n8n check the login again, and that check: refused, never retried.
		const log = await fx.requests();
		expect(log).toHaveLength(3);
		expect((await fx.stats()).authFailures).toBe(log.length);
	});
});
