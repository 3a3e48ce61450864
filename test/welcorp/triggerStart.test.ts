import type { IDataObject } from 'n8n-workflow';

import { LOGINS, WelcorpFixture, type TruthJob } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const NODE = 'node:Welcorp Trigger';
const DAY = 86_400_000;

async function submit(extra: IDataObject = {}): Promise<number> {
	const answer = await fx.api('POST', '/jobs', 'user', {
		job_type: 'sms',
		message: 'Hi',
		recipients: [{ destination: '61411111111' }],
		...extra,
	});
	expect(answer.status).toBe(200);
	return answer.json.data as number;
}

const email = {
	job_type: 'email',
	from_email: 'a@b.co',
	text_message: 'x',
	recipients: [{ destination: 'c@d.co' }],
};
const oldestFirst = (a: TruthJob, b: TruthJob) => a.startMs - b.startMs || a.job_id - b.job_id;
const rawIds = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.job_id);
const tracked = (data: IDataObject) =>
	Object.keys(((data[NODE] as IDataObject).welcorpTracking as { jobs: object }).jobs);

describe('Welcorp Trigger: Start From', () => {
	it('New Job from a date and time: the whole backlog once, oldest first, read page by page', async () => {
		const start = '2025-10-15T12:00:00.000Z';
		const truth = (await fx.truthJobs(LOGINS.user.user_id))
			.filter((job) => job.startMs >= Date.parse(start))
			.sort(oldestFirst);
		expect(truth.length).toBeGreaterThan(200);
		const poller = fx.poller({
			event: 'newJob',
			startFrom: 'dateTime',
			startDate: start,
			output: 'raw',
		});
		const first = await poller.activate();
		expect(rawIds(first.items)).toEqual(truth.map((job) => job.job_id));
		const log = await fx.requests({ path: '/jobs' });
		// Pages of 100: every page of the backlog asked for once.
		expect(log).toHaveLength(Math.ceil(truth.length / 100));
		expect(new Set(log.map((entry) => entry.query.page)).size).toBe(log.length);
		// 12:00 UTC is 23:00 in Sydney (+11:00); Welcorp's start_after is strict, so a second earlier.
		expect(new Set(log.map((entry) => entry.query.start_after))).toEqual(
			new Set(['2025-10-15 22:59:59']),
		);
		expect((await poller.poll()).result).toBeNull();
		const later = await submit();
		expect(rawIds((await poller.poll()).items)).toEqual([later]);
	});

	it('New Job from the last hours: jobs submitted before activation are emitted once', async () => {
		const before = [await submit(), await submit()];
		const poller = fx.poller({ event: 'newJob', startFrom: 'lastHours', startHours: 1 });
		const first = await poller.activate();
		expect(first.items.map((item) => item.json.jobId)).toEqual(before);
		expect((await poller.poll()).result).toBeNull();
		// Started from now, the same jobs are only remembered.
		const fromNow = fx.poller({ event: 'newJob', startFrom: 'now' });
		expect((await fromNow.activate()).result).toBeNull();
	});

	it('Job Completed from a date and time: jobs that completed since then, also those started before', async () => {
		const jobs = await fx.truthJobs(LOGINS.user.user_id);
		const newest = jobs.find((job) => job.job_status === 'Complete')!;
		const startMs = newest.startMs + 1000;
		const trackDays = 7;
		const expected = jobs
			.filter(
				(job) =>
					job.job_status === 'Complete' &&
					job.completeMs >= startMs &&
					job.startMs > startMs - trackDays * DAY - 1000,
			)
			.map((job) => job.job_id)
			.sort((a, b) => a - b);
		expect(expected).toContain(newest.job_id);
		const poller = fx.poller({
			event: 'jobCompleted',
			startFrom: 'dateTime',
			startDate: new Date(startMs).toISOString(),
			output: 'raw',
			options: { trackDays },
		});
		const first = await poller.activate();
		expect(rawIds(first.items)).toEqual(expected);
		expect(first.items.every((item) => item.json.job_status === 'Complete')).toBe(true);
		expect((await poller.poll()).result).toBeNull();
	});
});

describe('Welcorp Trigger: a changed filter starts it again', () => {
	it('New Job emits again from Start From what the new filter matches', async () => {
		const sms = await submit();
		const mail = await submit(email);
		const parameters = { event: 'newJob', startFrom: 'lastHours', startHours: 1 };
		const poller = fx.poller(parameters);
		expect((await poller.activate()).items.map((item) => item.json.jobId)).toEqual([sms, mail]);
		expect((await poller.poll()).result).toBeNull();

		const changed = fx.poller(
			{ ...parameters, filters: { jobType: 'Email' } },
			poller.savedStaticData,
		);
		expect((await changed.activate()).items.map((item) => item.json.jobId)).toEqual([mail]);
		expect((await changed.poll()).result).toBeNull();
	});

	it('Job Completed drops the jobs it tracked for the old filter', async () => {
		const sms = await submit();
		const smsOnly = { event: 'jobCompleted', filters: { jobType: 'Sms' } };
		const poller = fx.poller(smsOnly);
		await poller.activate();
		expect(tracked(poller.savedStaticData)).toEqual([String(sms)]);

		const emailOnly = fx.poller(
			{ event: 'jobCompleted', filters: { jobType: 'Email' } },
			poller.savedStaticData,
		);
		await emailOnly.activate();
		expect(tracked(emailOnly.savedStaticData)).toEqual([]);
		await fx.emulator.advanceClock(2 * 60_000);
		expect((await emailOnly.poll()).result).toBeNull();
		// The same workflow with its filter unchanged still emits the SMS job it tracked.
		const unchanged = fx.poller(smsOnly, poller.savedStaticData);
		expect((await unchanged.activate()).items.map((item) => item.json.jobId)).toEqual([sms]);
	});
});

describe('Welcorp Trigger: Output', () => {
	it('emits the simplified job by default, the listed job with Raw, and only the chosen fields', async () => {
		const simplified = fx.poller({ event: 'newJob' });
		const raw = fx.poller({ event: 'newJob', output: 'raw' });
		const selected = fx.poller({
			event: 'newJob',
			output: 'selected',
			fields: ['jobId', 'status', 'recipients'],
		});
		for (const poller of [simplified, raw, selected]) await poller.activate();
		const id = await submit({
			job_name: 'Reminders',
			recipients: [{ destination: '61411111111' }, { destination: '61422222222' }],
		});
		const [truth] = await fx.truthJobs(LOGINS.user.user_id);
		expect(truth.job_id).toBe(id);

		expect((await simplified.poll()).items.map((item) => item.json)).toEqual([
			{
				jobId: id,
				jobName: 'Reminders',
				jobType: 'SMS',
				status: 'Broadcast Submitted',
				userId: 421,
				userCode: 'au/testuser',
				startedAt: new Date(truth.startMs).toISOString(),
				sentAt: null,
				completedAt: null,
				scheduledAt: null,
				recipients: 2,
				delivered: 0,
				failed: 0,
				pending: 2,
				cost: null,
			},
		]);
		const { startMs: _start, completeMs: _complete, ...listed } = truth;
		expect((await raw.poll()).items.map((item) => item.json)).toEqual([listed]);
		expect((await selected.poll()).items.map((item) => item.json)).toEqual([
			{ jobId: id, status: 'Broadcast Submitted', recipients: 2 },
		]);
	});

	it('simplifies the details too when Include Details is on', async () => {
		const poller = fx.poller({ event: 'jobCompleted', options: { includeDetails: true } });
		await poller.activate();
		const id = await submit({
			message: 'Your parcel is on its way',
			recipients: [{ destination: '61411111111' }, { destination: '61422222299' }],
		});
		await fx.emulator.advanceClock(2 * 60_000);
		const [job] = (await poller.poll()).items.map((item) => item.json);
		// A destination ending in 99 fails in the emulator; an SMS part costs 0.13.
		expect(job).toMatchObject({
			jobId: id,
			status: 'Complete',
			recipients: 2,
			delivered: 1,
			failed: 1,
			pending: 0,
			cost: 0.13,
			message: 'Your parcel is on its way',
			reportCount: 2,
			replyCount: 0,
		});
		expect(job.completedAt).toEqual(
			expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
		);
	});
});
