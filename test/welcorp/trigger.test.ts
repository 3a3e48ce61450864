import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Poller } from '../harness';
import { WelcorpFixture, type Login } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const NODE = 'node:Welcorp Trigger';

/** The trigger with Output → Raw: these tests compare the jobs with what Welcorp lists. */
function trigger(parameters: INodeParameters, saved: IDataObject = {}): Poller {
	return fx.poller({ output: 'raw', ...parameters }, saved);
}

async function submit(
	count = 1,
	extra: IDataObject = {},
	login: Login = 'user',
): Promise<number[]> {
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		const answer = await fx.api('POST', '/jobs', login, {
			job_type: 'sms',
			message: `Job ${i}`,
			recipients: [{ destination: `6141100000${i % 10}` }],
			...extra,
		});
		expect(answer.status).toBe(200);
		ids.push(answer.json.data);
	}
	return ids;
}

const ids = (result: { items: Array<{ json: IDataObject }> }) =>
	result.items.map((item) => item.json.job_id);

describe('Welcorp Trigger: New Job', () => {
	it('starts from now, then emits each new job once, oldest first, across restarts', async () => {
		const poller = trigger({ event: 'newJob' });
		expect((await poller.activate()).result).toBeNull();
		const created = await submit(3);
		const first = await poller.poll();
		expect(ids(first)).toEqual(created);
		expect(first.items[0].json).toEqual(
			expect.objectContaining({
				job_type: 'SMS',
				job_status: 'Broadcast Submitted',
				user_code: 'au/testuser',
			}),
		);
		expect((await poller.poll()).result).toBeNull();
		expect((await poller.restart()).result).toBeNull();
		const more = await submit(2);
		expect(ids(await poller.poll())).toEqual(more);
		const requests = await fx.requests({ path: '/jobs', method: 'GET' });
		expect(
			requests.every(
				(entry) =>
					typeof entry.query.start_after === 'string' && entry.query.start_before === undefined,
			),
		).toBe(true);
	});

	it('is lossless when a poll fails: the next one emits what the failed one missed', async () => {
		const poller = trigger({ event: 'newJob' });
		await poller.activate();
		const created = await submit(2);
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/jobs',
			kind: 'status',
			status: 500,
			count: 4,
		});
		const failed = await poller.poll({ expectError: true });
		expect(failed.error?.message).toContain('HTTP 500');
		expect(ids(await poller.poll())).toEqual(created);
	});

	it('applies the filters and sees the jobs of every user an admin can see', async () => {
		fx.useLogin('admin');
		const poller = trigger({ event: 'newJob', filters: { jobType: 'Email' } });
		await poller.activate();
		await submit(2);
		const [email] = await submit(1, {
			job_type: 'email',
			from_email: 'a@b.co',
			text_message: 'x',
			recipients: [{ destination: 'c@d.co' }],
		});
		const [agentEmail] = await submit(
			1,
			{
				job_type: 'email',
				from_email: 'a@b.co',
				text_message: 'x',
				recipients: [{ destination: 'c@d.co' }],
			},
			'agent',
		);
		expect(ids(await poller.poll())).toEqual([email, agentEmail]);
		expect((await fx.requests({ path: '/jobs' })).at(-1)?.query.job_type).toBe('Email');
	});

	it('shows the newest job for "Fetch test event" without touching the saved state', async () => {
		const poller = trigger({ event: 'newJob' });
		await poller.activate();
		const saved = JSON.stringify(poller.savedStaticData);
		const sample = await poller.manual();
		expect(ids(sample)).toEqual([(await fx.truthJobs(421))[0].job_id]);
		expect(JSON.stringify(poller.savedStaticData)).toBe(saved);
	});
});

describe('Welcorp Trigger: Job Completed', () => {
	it('tracks submitted jobs until they complete, including jobs already running at activation', async () => {
		const [before] = await submit(1);
		const poller = trigger({ event: 'jobCompleted' });
		expect((await poller.activate()).result).toBeNull();
		const [after] = await submit(1);
		expect((await poller.poll()).result).toBeNull();
		const tracked = (poller.staticData[NODE] as IDataObject).welcorpTracking as {
			jobs: Record<string, number>;
		};
		expect(Object.keys(tracked.jobs).sort()).toEqual([String(before), String(after)].sort());

		await fx.emulator.advanceClock(2 * 60_000);
		const done = await poller.poll();
		expect(ids(done)).toEqual([before, after]);
		for (const item of done.items)
			expect(item.json).toMatchObject({
				job_status: 'Complete',
				complete_date: expect.any(String),
				total_amount: 0.13,
			});
		expect((poller.savedStaticData[NODE] as IDataObject).welcorpTracking).toEqual({
			jobs: {},
			query: expect.any(String),
		});
		expect((await poller.poll()).result).toBeNull();
	});

	it('emits a job that completed between two polls, and drops closed jobs', async () => {
		const poller = trigger({ event: 'jobCompleted' });
		await poller.activate();
		const [quick, closed] = await submit(2);
		await fx.emulator.control('POST', `welcorp/jobs/${closed}/close`);
		await fx.emulator.advanceClock(2 * 60_000);
		const result = await poller.poll();
		expect(ids(result)).toEqual([quick]);
		expect(((poller.staticData[NODE] as IDataObject).welcorpTracking as IDataObject).jobs).toEqual(
			{},
		);
	});

	it('gives up on jobs tracked longer than the tracking period', async () => {
		const [scheduled] = await submit(1, { scheduled_date: '2099-01-01 09:00:00' });
		const poller = trigger({ event: 'jobCompleted', options: { trackDays: 7 } });
		await poller.activate();
		const saved = poller.savedStaticData[NODE] as {
			welcorpTracking: { jobs: Record<string, number> };
		};
		expect(Object.keys(saved.welcorpTracking.jobs)).toEqual([String(scheduled)]);
		// As if the job had been submitted eight days ago.
		saved.welcorpTracking.jobs[String(scheduled)] = Date.now() - 8 * 86_400_000;
		const [fresh] = await submit(1);
		await fx.emulator.advanceClock(2 * 60_000);
		const restarted = await poller.restart();
		expect(ids(restarted)).toEqual([fresh]);
		expect((poller.staticData[NODE] as { welcorpTracking: IDataObject }).welcorpTracking).toEqual({
			jobs: {},
			query: expect.any(String),
		});
	});

	it('keeps at most 500 jobs in its state', async () => {
		const poller = trigger({ event: 'jobCompleted' });
		await poller.activate();
		const submitted = await submit(510);
		await poller.poll();
		const tracking = (
			poller.staticData[NODE] as { welcorpTracking: { jobs: Record<string, number> } }
		).welcorpTracking;
		const kept = Object.keys(tracking.jobs);
		expect(kept).toHaveLength(500);
		expect(kept.every((id) => submitted.includes(Number(id)))).toBe(true);
	}, 120_000);

	it('fetches details with delivery reports when asked, and samples the newest completed job', async () => {
		const poller = trigger({ event: 'jobCompleted', options: { includeDetails: true } });
		await poller.activate();
		const [job] = await submit(1, {
			recipients: [{ destination: '61411111111' }, { destination: '61422222299' }],
		});
		await fx.emulator.advanceClock(2 * 60_000);
		const result = await poller.poll();
		expect(result.items.map((item) => item.json)).toEqual([await fx.truthJob(job)]);
		expect((result.items[0].json.reports as unknown[]).length).toBe(2);
		const sample = await poller.manual();
		expect(sample.items[0].json).toMatchObject({ job_id: job, job_status: 'Complete' });
	});
});
