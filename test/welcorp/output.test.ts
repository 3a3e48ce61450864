import { LOGINS, WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const iso = (ms: number) => new Date(ms).toISOString();

describe('Output of the job reads', () => {
	it('Job → Get: flat fields, numbers, UTC dates and the delivery counts by default', async () => {
		const created = await fx.api('POST', '/jobs', 'user', {
			job_type: 'sms',
			job_name: 'Parcel',
			message: 'Your parcel is on its way',
			manual_sender_id: 'ACME',
			recipients: [
				{ destination: '61411111111' },
				{ destination: '61422222222' },
				{ destination: '61433333399' },
			],
		});
		const id = created.json.data as number;
		await fx.emulator.advanceClock(2 * 60_000);
		const [truth] = await fx.truthJobs(LOGINS.user.user_id);
		expect(truth.job_id).toBe(id);
		const { items } = await fx.run({ resource: 'job', operation: 'get', jobId: String(id) });
		// The emulator sends 5 s after submission and completes 60 s later; numbers ending in 99 fail.
		expect(items.map((item) => item.json)).toEqual([
			{
				jobId: id,
				jobName: 'Parcel',
				jobType: 'SMS',
				status: 'Complete',
				userId: 421,
				userCode: 'au/testuser',
				startedAt: iso(truth.startMs),
				sentAt: iso(truth.startMs + 5_000),
				completedAt: iso(truth.startMs + 65_000),
				scheduledAt: null,
				recipients: 3,
				delivered: 2,
				failed: 1,
				pending: 0,
				cost: 0.26,
				durationSeconds: 2,
				message: 'Your parcel is on its way',
				subject: null,
				senderId: 'ACME',
				callbackUrl: null,
				userListIds: null,
				reportCount: 3,
				replyCount: 0,
			},
		]);
	});

	it('Job → Get Many: the same fields for each listed job, or only the fields chosen', async () => {
		const truth = (await fx.truthJobs(LOGINS.user.user_id)).slice(0, 3);
		const simplified = await fx.run({
			resource: 'job',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(simplified.items.map((item) => item.json)).toEqual(
			truth.map((job) => ({
				jobId: job.job_id,
				jobName: job.job_name,
				jobType: job.job_type,
				status: job.job_status,
				userId: 421,
				userCode: 'au/testuser',
				startedAt: iso(job.startMs),
				sentAt: expect.any(String),
				completedAt: job.job_status === 'Complete' ? iso(job.completeMs) : null,
				scheduledAt: job.scheduled_date === null ? null : expect.any(String),
				recipients: job.total_recipients,
				delivered: job.sent_recipients,
				failed: job.failed_recipients,
				pending:
					Number(job.total_recipients) -
					Number(job.sent_recipients) -
					Number(job.failed_recipients),
				cost: job.total_amount,
			})),
		);
		const selected = await fx.run({
			resource: 'job',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			output: 'selected',
			fields: ['jobId', 'delivered', 'completedAt'],
		});
		expect(selected.items.map((item) => item.json)).toEqual(
			truth.map((job) => ({
				jobId: job.job_id,
				completedAt: job.job_status === 'Complete' ? iso(job.completeMs) : null,
				delivered: job.sent_recipients,
			})),
		);
	});

	it('refuses Selected Fields without a field, before any request', async () => {
		const { error } = await fx.run({
			resource: 'job',
			operation: 'getAll',
			returnAll: true,
			output: 'selected',
			fields: [],
		});
		expect(error?.message).toBe('Invalid "Fields": choose at least one field');
		expect(await fx.requests()).toEqual([]);
	});
});

describe('Output of the user reads', () => {
	/** The doc's example user; added 2014-05-14 09:04:00 in Sydney (+10:00 in May). */
	const JANE = {
		userId: 421,
		userCode: 'au/testuser',
		name: 'Jane Smith',
		firstName: 'Jane',
		lastName: 'Smith',
		email: 'jsmith@mydomain.com',
		phone: '0312323434',
		mobile: '0487 654 432',
		fax: '0355667788',
		accountType: 'Acct',
		live: true,
		companyId: 1,
		companyName: 'Generic Computer Corp',
		agentId: 91,
		distributorId: 1,
		monthlyLimit: 8888,
		receiveReports: true,
		reportType: 'Detailed',
		addedAt: '2014-05-13T23:04:00.000Z',
	};

	it('User → Get: the simplified user by default', async () => {
		const { items } = await fx.run({ resource: 'user', operation: 'get', userId: '421' });
		expect(items.map((item) => item.json)).toEqual([JANE]);
	});

	it('User → Get Many: simplified, raw or selected fields for every user', async () => {
		const simplified = await fx.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(simplified.items.map((item) => item.json)).toEqual([JANE]);
		const raw = await fx.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			output: 'raw',
		});
		expect(raw.items.map((item) => item.json)).toEqual([
			(await fx.api('GET', '/users/421')).json.data,
		]);
		fx.useLogin('admin');
		const selected = await fx.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			output: 'selected',
			fields: ['userId', 'companyName'],
		});
		expect(selected.items.map((item) => item.json)).toEqual([
			{ userId: 1, companyName: 'Generic Computer Corp' },
			{ userId: 91, companyName: 'Generic Computer Corp' },
		]);
	});
});
