import { WelcorpFixture, items, type TruthJob } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const sms = {
	resource: 'job',
	operation: 'create',
	jobType: 'sms',
	recipientSource: 'inputItems',
	destination: '={{ $json.phone }}',
	recipientName: '={{ $json.name }}',
	reference: '={{ $json.id }}',
	mergeFields: { field: [{ name: 'code', value: '={{ $json.code }}' }] },
	message: 'Hi %%recipient%%, your code is %%code%%',
};

const people = items(3, (i) => ({
	phone: `+6141234560${i}`,
	name: `Person ${i}`,
	id: `C-${i}`,
	code: 100 + i,
}));

async function newestJob(): Promise<TruthJob> {
	return (await fx.truthJobs())[0];
}

describe('Job → Create: recipients from input items', () => {
	it('sends one job for all items, with every merge field, and pairs the output with every input', async () => {
		const { items: output, error } = await fx.run(
			{
				...sms,
				callbackTarget: 'custom',
				callbackUrl: 'http://127.0.0.1:9/cb?token=x',
				additionalFields: {
					jobName: 'Codes',
					senderId: 'ACME',
					statusCallbacks: true,
					dedupe: true,
					cutoffHour: '18:30',
				},
			},
			{ items: people },
		);
		expect(error).toBeUndefined();
		const posts = await fx.jobPosts();
		expect(posts).toEqual([
			{
				job_type: 'sms',
				job_name: 'Codes',
				dedupe: 1,
				cutoff_hour: '18:30',
				callback_url: 'http://127.0.0.1:9/cb?token=x',
				message: 'Hi %%recipient%%, your code is %%code%%',
				manual_sender_id: 'ACME',
				callback_on_sms_status_update: true,
				recipients: [0, 1, 2].map((i) => ({
					destination: `+6141234560${i}`,
					recipient: `Person ${i}`,
					reference: `C-${i}`,
					code: String(100 + i),
				})),
			},
		]);
		const job = await newestJob();
		expect(output).toEqual([
			{
				json: {
					job_id: job.job_id,
					status: 200,
					job_type: 'sms',
					job_name: 'Codes',
					recipients: 3,
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
		expect(job).toMatchObject({
			job_type: 'SMS',
			job_name: 'Codes',
			total_recipients: 3,
			job_status: 'Broadcast Submitted',
		});
	});

	it('sends one job per item when asked, each paired with its item', async () => {
		const { items: output } = await fx.run({ ...sms, batching: 'jobPerItem' }, { items: people });
		const posts = await fx.jobPosts();
		expect(posts.map((post) => post.recipients)).toEqual(
			[0, 1, 2].map((i) => [
				{
					destination: `+6141234560${i}`,
					recipient: `Person ${i}`,
					reference: `C-${i}`,
					code: String(100 + i),
				},
			]),
		);
		const created = (await fx.truthJobs())
			.slice(0, 3)
			.map((job) => job.job_id)
			.sort();
		expect(output.map((item) => item.json.job_id).sort()).toEqual(created);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('turns 10,000 input items into exactly one request with 10,000 recipients', async () => {
		const many = items(10_000, (i) => ({
			phone: `61400${String(i).padStart(6, '0')}`,
			name: `N${i}`,
			id: `R${i}`,
			code: i,
		}));
		const { items: output, error } = await fx.run(sms, { items: many });
		expect(error).toBeUndefined();
		const log = await fx.requests();
		expect(log).toHaveLength(1);
		const body = log[0].body as { recipients: Array<Record<string, string>> };
		expect(body.recipients).toHaveLength(10_000);
		expect(body.recipients[9_999]).toEqual({
			destination: '61400009999',
			recipient: 'N9999',
			reference: 'R9999',
			code: '9999',
		});
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toHaveLength(10_000);
		expect((await newestJob()).total_recipients).toBe(10_000);
	}, 120_000);

	it('with continueOnFail, one job per item fails only the item that is wrong', async () => {
		const input = [
			...people.slice(0, 1),
			{ json: { phone: '', name: 'Nobody' } },
			...people.slice(2),
		];
		const { items: output } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello', batching: 'jobPerItem' },
			{ items: input, continueOnFail: true },
		);
		expect(output).toHaveLength(3);
		expect(output[1]).toEqual({
			json: {
				error: expect.stringContaining('Invalid "Destination"'),
				description: 'Input item 1 has no destination. Every recipient needs a phone number.',
			},
			pairedItem: { item: 1 },
		});
		expect(output[0].json.job_id).toEqual(expect.any(Number));
		expect(output[2].json.job_id).toEqual(expect.any(Number));
		expect(await fx.jobPosts()).toHaveLength(2);
	});

	it('with continueOnFail, a job the API refuses leaves an error item with its description', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'POST',
			path: '/jobs',
			kind: 'status',
			status: 503,
		});
		const { items: output } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello', batching: 'jobPerItem' },
			{ items: people.slice(0, 2), continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: {
				error: 'Welcorp could not serve "Job: Create" (HTTP 503): Service Unavailable',
				description: expect.stringContaining('This request changes data, so it was not retried.'),
			},
			pairedItem: { item: 0 },
		});
		expect(output[1].json.job_id).toEqual(expect.any(Number));
		expect(await fx.jobPosts()).toHaveLength(2);
	});
});

describe('Job → Create: one job for all items stands or fails for all of them', () => {
	const all = [{ item: 0 }, { item: 1 }, { item: 2 }];

	it('with continueOnFail, a job Welcorp refuses leaves one error item paired with every item', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'POST',
			path: '/jobs',
			kind: 'status',
			status: 503,
		});
		const { items: output } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello' },
			{ items: people, continueOnFail: true },
		);
		expect(output).toEqual([
			{
				json: {
					error: 'Welcorp could not serve "Job: Create" (HTTP 503): Service Unavailable',
					description: expect.stringContaining('This request changes data, so it was not retried.'),
				},
				pairedItem: all,
			},
		]);
		expect(await fx.jobPosts()).toHaveLength(1);
	});

	it('with continueOnFail, one wrong item keeps the job from going out, for every item', async () => {
		const input = [people[0], { json: { phone: 'not a phone', name: 'X' } }, people[2]];
		const { items: output } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello' },
			{ items: input, continueOnFail: true },
		);
		expect(output).toEqual([
			{
				json: {
					error: 'Invalid "Destination": "not a phone" is not a phone number',
					description: 'Use 6 to 15 digits, e.g. +61412345678.',
				},
				pairedItem: all,
			},
		]);
		expect(await fx.requests()).toEqual([]);
	});

	it('without continueOnFail, the node fails naming the wrong item and sends nothing', async () => {
		const input = [people[0], people[1], { json: { phone: '', name: 'Nobody' } }];
		const { error, items: output } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello' },
			{ items: input },
		);
		expect(error?.message).toBe('Invalid "Destination": it is empty');
		expect(error?.context?.itemIndex).toBe(2);
		expect(output).toEqual([]);
		expect(await fx.requests()).toEqual([]);
	});

	it('one job per item, without continueOnFail: nothing after the first failure is sent', async () => {
		const input = [people[0], { json: { phone: '', name: 'Nobody' } }, people[2]];
		const { error } = await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello', batching: 'jobPerItem' },
			{ items: input },
		);
		expect(error?.message).toBe('Invalid "Destination": it is empty');
		expect(error?.context?.itemIndex).toBe(1);
		expect((await fx.jobPosts()).map((post) => post.recipients)).toEqual([
			[{ destination: '+61412345600', recipient: 'Person 0', reference: 'C-0' }],
		]);
	});

	it('accepts a tel: link as the destination, sending the number', async () => {
		await fx.run(
			{ ...sms, mergeFields: {}, message: 'Hello' },
			{ items: [{ json: { phone: 'tel:+966501234567', name: 'Sara', id: 'S-1' } }] },
		);
		expect((await fx.jobPosts())[0].recipients).toEqual([
			{ destination: '+966501234567', recipient: 'Sara', reference: 'S-1' },
		]);
	});
});

describe('Job → Create: defined recipients and uploaded lists', () => {
	it('sends the recipients defined in the node, once per input item', async () => {
		const parameters = {
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			recipientSource: 'defined',
			message: 'Dear %%recipient%%, your balance is %%balance%%',
			recipients: {
				recipient: [
					{
						destination: '61411111111',
						name: 'Ann',
						reference: 'A1',
						mergeData: '{"balance": 12.5}',
					},
					{ destination: '61422222222', name: 'Bob', reference: '', mergeData: '{"balance": "0"}' },
				],
			},
		};
		const { items: output } = await fx.run(parameters, { items: [{ json: {} }, { json: {} }] });
		const posts = await fx.jobPosts();
		expect(posts).toHaveLength(2);
		expect(posts[0]).toEqual({
			job_type: 'sms',
			message: 'Dear %%recipient%%, your balance is %%balance%%',
			recipients: [
				{ destination: '61411111111', recipient: 'Ann', reference: 'A1', balance: '12.5' },
				{ destination: '61422222222', recipient: 'Bob', balance: '0' },
			],
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('sends to uploaded lists with their fixed merge fields', async () => {
		const { items: output } = await fx.run({
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			recipientSource: 'userLists',
			userListIds: '1234, 5678',
			message: 'Hi %%Recipient%%, account %%customfield1%%',
		});
		expect(await fx.jobPosts()).toEqual([
			{
				job_type: 'sms',
				message: 'Hi %%Recipient%%, account %%customfield1%%',
				user_list_ids: '1234,5678',
			},
		]);
		const detail = await fx.truthJob(output[0].json.job_id as number);
		expect(detail.user_list_ids).toBe('1234,5678');
		expect(output[0].json).toMatchObject({ user_list_ids: '1234,5678', job_id: detail.job_id });
	});

	it('reports the emulator 422 for a list of another user, without retrying', async () => {
		const { error } = await fx.run({
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			recipientSource: 'userLists',
			userListIds: '4321',
			message: 'Hi',
		});
		expect(error?.message).toContain('HTTP 422');
		expect(error?.message).toContain('The user list 4321 does not exist');
		expect(await fx.jobPosts()).toHaveLength(1);
	});
});
