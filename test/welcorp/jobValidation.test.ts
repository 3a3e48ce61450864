import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { binaryItem, WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const base = {
	resource: 'job',
	operation: 'create',
	recipientSource: 'inputItems',
	destination: '={{ $json.to }}',
};
const one = [{ json: { to: '61411111111', name: 'Ann', empty: '' } }];

/** Runs the node and checks that it failed naming the field, before sending anything. */
async function rejects(
	parameters: IDataObject,
	message: RegExp | string,
	input: INodeExecutionData[] = one,
): Promise<void> {
	const { error } = await fx.run({ ...base, ...parameters }, { items: input });
	expect(error?.message).toEqual(
		typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
	);
	expect(await fx.requests()).toEqual([]);
}

describe('Job → Create refuses bad input before any request', () => {
	it('a missing message', async () => {
		await rejects(
			{ jobType: 'sms', message: '={{ $json.empty }}' },
			'Invalid "Message": it is required for SMS jobs',
		);
		await rejects(
			{ jobType: 'tts', message: '={{ $json.empty }}' },
			'Invalid "Message": it is required for Text to Speech jobs',
		);
	});

	it('no recipients', async () => {
		await rejects({ jobType: 'sms', message: 'Hi' }, 'Invalid "Destination": it is empty', [
			{ json: {} },
		]);
		await rejects(
			{ jobType: 'sms', message: 'Hi', recipientSource: 'defined', recipients: {} },
			'Invalid "Recipients": add at least one recipient',
		);
		await rejects(
			{
				jobType: 'sms',
				message: 'Hi',
				recipientSource: 'userLists',
				userListIds: '={{ $json.empty }}',
			},
			'Invalid "User List IDs": give at least one list ID',
		);
		await rejects(
			{ jobType: 'sms', message: 'Hi', recipientSource: 'userLists', userListIds: '12a' },
			'Invalid "User List IDs": "12a" is not a list ID',
		);
	});

	it('a destination that does not fit the job type', async () => {
		await rejects(
			{ jobType: 'sms', message: 'Hi' },
			'Invalid "Destination": "ann@example.com" is not a phone number',
			[{ json: { to: 'ann@example.com' } }],
		);
		await rejects(
			{ jobType: 'email', fromEmail: 'a@b.co', textMessage: 'x' },
			'Invalid "Destination": "61411111111" is not an email address',
		);
	});

	it('files that are too big in total (20 MB)', async () => {
		const half = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
		const input = [
			binaryItem(
				{ to: '0355667788' },
				{
					a: { data: half, fileName: 'a.pdf', mimeType: 'application/pdf' },
					b: { data: half, fileName: 'b.pdf', mimeType: 'application/pdf' },
				},
			),
		];
		await rejects(
			{
				jobType: 'fax',
				files: {
					file: [
						{ source: 'binary', binaryPropertyName: 'a' },
						{ source: 'binary', binaryPropertyName: 'b' },
					],
				},
			},
			'Invalid "Documents": the files are 20.0 MB in total; Welcorp accepts at most 20 MB',
			input,
		);
	}, 60_000);

	it('file types Welcorp does not take', async () => {
		const exe = [
			binaryItem(
				{ to: '0355667788' },
				{
					data: {
						data: Buffer.from('MZ'),
						fileName: 'tool.exe',
						mimeType: 'application/octet-stream',
					},
				},
			),
		];
		await rejects(
			{ jobType: 'fax', files: { file: [{ source: 'binary' }] } },
			'Invalid "Documents": "tool.exe" is not an accepted file type',
			exe,
		);
		const mp3 = [
			binaryItem(
				{ to: '61411111111' },
				{ data: { data: Buffer.from('ID3'), fileName: 'song.mp3', mimeType: 'audio/mpeg' } },
			),
		];
		await rejects(
			{ jobType: 'voice', audio: { file: { source: 'binary' } } },
			'Invalid "Audio File": "song.mp3" is not an accepted file type',
			mp3,
		);
		const big = [
			binaryItem(
				{ to: '61411111111' },
				{ data: { data: Buffer.alloc(4_000_001), fileName: 'long.wav', mimeType: 'audio/wav' } },
			),
		];
		await rejects(
			{ jobType: 'voice', audio: { file: { source: 'binary' } } },
			'Invalid "Audio File": the files are 3.8 MB in total; Welcorp accepts at most 4000000 bytes',
			big,
		);
	});

	it('a missing binary property, or no file at all', async () => {
		await rejects(
			{ jobType: 'fax', files: { file: [{ source: 'binary', binaryPropertyName: 'nothing' }] } },
			/nothing/,
		);
		await rejects({ jobType: 'fax', files: {} }, 'Invalid "Documents": add a file');
		await rejects(
			{ jobType: 'fax', files: { file: [{ source: 'url', url: 'ftp://x/y.pdf' }] } },
			'Invalid "Documents": "ftp://x/y.pdf" is not an http(s) URL',
		);
	});

	it('more than one MMS media file', async () => {
		const urls = {
			file: [
				{ source: 'url', url: 'https://x.test/a.jpg' },
				{ source: 'url', url: 'https://x.test/b.jpg' },
			],
		};
		await rejects(
			{ jobType: 'mms', files: urls },
			'Invalid "Media File": Welcorp accepts only 1 file here, 2 were given',
		);
	});

	it('a bad cutoff hour', async () => {
		await rejects(
			{ jobType: 'sms', message: 'Hi', additionalFields: { cutoffHour: '25:00' } },
			'Invalid "Cutoff Hour": "25:00" is not a time of day',
		);
		await rejects(
			{ jobType: 'sms', message: 'Hi', additionalFields: { cutoffHour: '6pm' } },
			'Invalid "Cutoff Hour": "6pm" is not a time of day',
		);
	});

	it('a key press outside 0–9, or twice the same key', async () => {
		const keys = (...presses: number[]) => ({
			response: presses.map((keyPress) => ({ keyPress, responseMessage: 'x' })),
		});
		await rejects(
			{ jobType: 'twoWayTts', message: 'Press', keyResponses: keys(10) },
			'Invalid "Key Responses": key 10 is not a phone key',
		);
		await rejects(
			{ jobType: 'twoWayTts', message: 'Press', keyResponses: keys(-1) },
			'Invalid "Key Responses": key -1 is not a phone key',
		);
		await rejects(
			{ jobType: 'twoWayTts', message: 'Press', keyResponses: keys(1, 1) },
			'Invalid "Key Responses": key 1 is used twice',
		);
	});

	it('a merge field no recipient provides', async () => {
		await rejects(
			{ jobType: 'sms', message: 'Hi %%recipient%%, you owe %%amount%%' },
			'Invalid "Message": it uses the merge field %%amount%%, but no recipient provides "amount"',
		);
		await rejects(
			{
				jobType: 'email',
				destination: 'a@b.co',
				fromEmail: 'x@y.co',
				subject: 'For %%client%%',
				textMessage: 'x',
			},
			'Invalid "Subject": it uses the merge field %%client%%',
		);
		await rejects(
			{
				jobType: 'sms',
				message: 'Hi %%nickname%%',
				recipientSource: 'userLists',
				userListIds: '1234',
			},
			'no recipient provides "nickname"',
		);
	});

	it('email without content or with a bad sender', async () => {
		await rejects(
			{ jobType: 'email', destination: 'a@b.co', fromEmail: 'x@y.co' },
			'Invalid "HTML Message": give an HTML message, a text message or both',
		);
		await rejects(
			{ jobType: 'email', destination: 'a@b.co', fromEmail: 'nobody', textMessage: 'x' },
			'Invalid "From Email": "nobody" is not an email address',
		);
	});

	it('sender ids, reply emails, callback URLs and schedule dates that cannot work', async () => {
		await rejects(
			{ jobType: 'sms', message: 'Hi', additionalFields: { senderId: 'Far Too Long Name' } },
			'Invalid "Sender ID"',
		);
		await rejects(
			{ jobType: 'twoWaySms', message: 'Hi', additionalFields: { senderId: 'ACME' } },
			'Invalid "Sender ID": 2 way jobs only use it with "Use Custom Sender ID" on',
		);
		await rejects(
			{ jobType: 'twoWaySms', message: 'Hi', additionalFields: { replyEmail: 'me' } },
			'Invalid "Reply Email"',
		);
		await rejects(
			{ jobType: 'sms', message: 'Hi', callbackTarget: 'custom', callbackUrl: 'not a url' },
			'Invalid "Callback URL"',
		);
		// Job → Create version 1 kept the callback URL in Additional Fields.
		const { error } = await fx.run(
			{ ...base, jobType: 'sms', message: 'Hi', additionalFields: { callbackUrl: 'not a url' } },
			{ items: one, typeVersion: 1 },
		);
		expect(error?.message).toContain('Invalid "Callback URL"');
		expect(await fx.requests()).toEqual([]);
		await rejects(
			{
				jobType: 'sms',
				message: 'Hi',
				additionalFields: { scheduledDate: '2001-01-01T00:00:00Z' },
			},
			'Invalid "Schedule Date"',
		);
	});

	it('a merge field name Welcorp could not match', async () => {
		await rejects(
			{
				jobType: 'sms',
				message: 'Hi',
				mergeFields: { field: [{ name: 'first name', value: 'x' }] },
			},
			'Invalid "Merge Fields": "first name" is not a merge field name',
		);
	});
});
