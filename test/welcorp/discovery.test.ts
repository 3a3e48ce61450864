import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { WelcorpFixture } from './fixture';

const description = new Welcorp().description;

/** What n8n's node panel lists under the node: each operation's action, by resource. */
function actions(): Record<string, string[]> {
	const resources = description.properties.find((p) => p.name === 'resource')!;
	const listed: Record<string, string[]> = {};
	for (const resource of resources.options as INodePropertyOptions[]) {
		const operation = description.properties.find(
			(p: INodeProperties) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(
					resource.value as string,
				),
		)!;
		listed[resource.name] = (operation.options as INodePropertyOptions[]).map(
			(option) => `${option.action} (${option.value as string})`,
		);
	}
	return listed;
}

describe("the node panel: Welcorp's actions named by what users want", () => {
	it('lists SMS, voice call, fax and email sends, the two waits, and Job → Create for everything else', () => {
		expect(actions()).toEqual({
			Email: ['Send an email (send)'],
			Fax: ['Send a fax (send)'],
			Job: ['Create a job of any type (create)', 'Get a job (get)', 'Get many jobs (getAll)'],
			SMS: ['Send an SMS (send)', 'Send a two way SMS and wait for the reply (sendAndWait)'],
			User: [
				'Create a user (create)',
				'Get a user (get)',
				'Get many users (getAll)',
				'Update a user (update)',
			],
			Verification: [
				'Send a verification code (sendCode)',
				'Validate a verification code (validateCode)',
			],
			'Voice Call': [
				'Make a voice call and wait for a keypress (sendAndWait)',
				'Send a voice message (send)',
			],
		});
	});

	it('declares the resume webhook n8n calls for a waiting execution', () => {
		expect(description.webhooks).toEqual([
			expect.objectContaining({
				httpMethod: 'POST',
				// answered when the resumed run is done: a repeated callback finds it running
				responseMode: 'lastNode',
				responseData: 'noData',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			}),
		]);
		// A saved workflow without a resource is a Job one, as before.
		expect(description.properties.find((p) => p.name === 'resource')!.default).toBe('job');
	});
});

describe('each send operation posts what Job → Create posts for its job type', () => {
	let fx: WelcorpFixture;
	beforeAll(async () => (fx = await WelcorpFixture.start()));
	afterAll(async () => await fx.close());
	beforeEach(async () => await fx.reset());

	const pairs: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
		['SMS → Send', { resource: 'sms', operation: 'send' }, { jobType: 'sms' }],
		['Fax → Send', { resource: 'fax', operation: 'send' }, { jobType: 'fax' }],
		['Email → Send', { resource: 'email', operation: 'send' }, { jobType: 'email' }],
		[
			'Voice Call → Send Voice Message (text to speech)',
			{ resource: 'voiceCall', operation: 'send', jobType: 'tts' },
			{ jobType: 'tts' },
		],
		[
			'Voice Call → Send Voice Message (recording)',
			{ resource: 'voiceCall', operation: 'send', jobType: 'voice' },
			{ jobType: 'voice' },
		],
	];
	const content = {
		destination: '={{ $json.to }}',
		recipientName: 'Ann',
		message: 'Hello %%recipient%%',
		files: { file: [{ source: 'url', url: 'https://x.test/a.pdf' }] },
		audio: { file: { source: 'url', url: 'https://x.test/hello.wav' } },
		fromEmail: 'desk@example.com',
		subject: 'Hello',
		textMessage: 'Hello %%recipient%%',
		additionalFields: { jobName: 'Same' },
	};

	it.each(pairs)('%s', async (_name, operation, job) => {
		const to = job.jobType === 'email' ? 'ann@example.com' : '61411111111';
		const items = [{ json: { to } }];
		const sent = await fx.run({ ...content, ...operation }, { items });
		const created = await fx.run(
			{ ...content, resource: 'job', operation: 'create', ...job },
			{ items },
		);
		expect(sent.error).toBeUndefined();
		expect(created.error).toBeUndefined();
		const [viaSend, viaCreate] = await fx.jobPosts();
		expect(viaSend).toEqual(viaCreate);
		expect(viaSend.job_type).toBe(job.jobType);
		expect(sent.items.map((item) => ({ ...item.json, job_id: 0 }))).toEqual(
			created.items.map((item) => ({ ...item.json, job_id: 0 })),
		);
	});

	it('Voice Call → Send takes the voice job types only; Job → Create names an unknown type', async () => {
		const items = [{ json: { to: '61411111111' } }];
		const asSms = await fx.run(
			{ ...content, resource: 'voiceCall', operation: 'send', jobType: 'sms' },
			{ items },
		);
		expect(asSms.error?.message).toBe(
			'Invalid "Job Type": "sms" is not one of Text to Speech, Voice',
		);
		const unknown = await fx.run(
			{ ...content, resource: 'job', operation: 'create', jobType: 'pigeon' },
			{ items },
		);
		expect(unknown.error?.message).toBe('Invalid "Job Type": "pigeon" is not a Welcorp job type');
		expect(await fx.jobPosts()).toEqual([]);
	});

	it('Job → Create version 1 still sends its Additional Fields → Callback URL', async () => {
		await fx.run(
			{
				resource: 'job',
				operation: 'create',
				jobType: 'sms',
				destination: '61411111111',
				message: 'Hi',
				additionalFields: { callbackUrl: 'https://example.com/old-hook?token=1' },
			},
			{ typeVersion: 1 },
		);
		const [post] = await fx.jobPosts();
		expect(post.callback_url).toBe('https://example.com/old-hook?token=1');
	});
});
