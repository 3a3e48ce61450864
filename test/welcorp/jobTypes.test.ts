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
	recipientName: '={{ $json.name }}',
};
const pdf = Buffer.from('%PDF-1.4 fake invoice');
const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const wav = Buffer.concat([
	Buffer.from('RIFF'),
	Buffer.alloc(4),
	Buffer.from('WAVEfmt '),
	Buffer.alloc(20),
]);

async function create(parameters: IDataObject, input: INodeExecutionData[]): Promise<IDataObject> {
	const { items: output, error } = await fx.run({ ...base, ...parameters }, { items: input });
	expect(error).toBeUndefined();
	const posts = await fx.jobPosts();
	expect(posts).toHaveLength(1);
	// The emulator accepted it: the node's job id is the one it created, with the same type.
	const detail = await fx.truthJob(output[0].json.job_id as number);
	expect(detail.total_recipients).toBe(input.length);
	return { post: posts[0], detail };
}

it('2 Way SMS: reply options, custom sender id and %%ReplyNum%%', async () => {
	const { post, detail } = (await create(
		{
			jobType: 'twoWaySms',
			message: 'Hi %%recipient%%, reply to %%ReplyNum%%',
			additionalFields: {
				replyEmail: 'replies@acme.test',
				optOutCode: 'STOP',
				batchReplies: true,
				expires: 48,
				useCustomSenderId: true,
				senderId: '61400000000',
				statusCallbacks: false,
			},
		},
		[{ json: { to: '61411111111', name: 'Ann' } }],
	)) as { post: IDataObject; detail: IDataObject };
	expect(post).toEqual({
		job_type: '2 way sms',
		message: 'Hi %%recipient%%, reply to %%ReplyNum%%',
		manual_sender_id: '61400000000',
		callback_on_sms_status_update: false,
		response_email_address: 'replies@acme.test',
		optout_code: 'STOP',
		batch_replies: true,
		expires: 48,
		use_two_way_custom_sender_id: true,
		recipients: [{ destination: '61411111111', recipient: 'Ann' }],
	});
	expect(detail).toMatchObject({ job_type: '2 Way SMS', expires: 48, optout_code: 'STOP' });
});

it('MMS: subject and one media file from a binary property, sent as base64content', async () => {
	const { post, detail } = (await create(
		{
			jobType: 'mms',
			message: 'Our catalogue',
			additionalFields: { subject: 'For %%recipient%%' },
			files: { file: [{ source: 'binary', binaryPropertyName: 'picture' }] },
		},
		[
			binaryItem(
				{ to: '61411111111', name: 'Ann' },
				{ picture: { data: jpg, fileName: 'map.jpg', mimeType: 'image/jpeg' } },
			),
		],
	)) as { post: IDataObject; detail: IDataObject };
	expect(post).toEqual({
		job_type: 'mms',
		message: 'Our catalogue',
		subject: 'For %%recipient%%',
		files: [{ name: 'map.jpg', base64content: jpg.toString('base64') }],
		recipients: [{ destination: '61411111111', recipient: 'Ann' }],
	});
	expect(detail.files).toEqual([{ name: 'map.jpg', size: jpg.length }]);
});

it('Text to Speech: header, voicemail message, voice, repeat and destination type', async () => {
	const { post } = (await create(
		{
			jobType: 'tts',
			message: 'Hello %%recipient%%',
			additionalFields: {
				header: 'Message from ACME',
				voicemailMessage: 'Sorry we missed you',
				voice: 'sophie',
				skipMessageRepeat: true,
				preferredDestinationType: 'Phone',
				cutoffHour: '9:05',
			},
		},
		[{ json: { to: '0312345678', name: 'Ann' } }],
	)) as { post: IDataObject };
	expect(post).toEqual({
		job_type: 'tts',
		cutoff_hour: '09:05',
		message: 'Hello %%recipient%%',
		header: 'Message from ACME',
		voicemail_message: 'Sorry we missed you',
		voice: 'sophie',
		skip_message_repeat: true,
		preferred_destination_type: 'Phone',
		recipients: [{ destination: '0312345678', recipient: 'Ann' }],
	});
});

it('2 Way Text to Speech: key responses', async () => {
	const { post, detail } = (await create(
		{
			jobType: 'twoWayTts',
			message: 'Press 1 to talk to us',
			keyResponses: {
				response: [
					{ keyPress: 1, responseMessage: 'Connecting you', redirectTo: '61398765432' },
					{ keyPress: 0, responseMessage: 'Goodbye', redirectTo: '' },
				],
			},
		},
		[{ json: { to: '61411111111', name: 'Ann' } }],
	)) as { post: IDataObject; detail: IDataObject };
	expect(post).toEqual({
		job_type: '2 way tts',
		message: 'Press 1 to talk to us',
		two_way_key_responses: [
			{ key_press: 1, response_message: 'Connecting you', redirect_to: '61398765432' },
			{ key_press: 0, response_message: 'Goodbye' },
		],
		recipients: [{ destination: '61411111111', recipient: 'Ann' }],
	});
	expect(detail.job_type).toBe('2 way TTS');
});

it('Fax: documents from a binary property and a URL, high resolution', async () => {
	const { post } = (await create(
		{
			jobType: 'fax',
			additionalFields: { highResolution: true },
			files: {
				file: [
					{ source: 'binary', binaryPropertyName: 'data' },
					{ source: 'url', url: 'https://files.example.com/docs/terms.docx' },
				],
			},
		},
		[
			binaryItem(
				{ to: '0355667788', name: 'Ann' },
				{ data: { data: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' } },
			),
		],
	)) as { post: IDataObject };
	expect(post).toEqual({
		job_type: 'fax',
		use_high_resolution: true,
		files: [
			{ name: 'invoice.pdf', base64content: pdf.toString('base64') },
			{ name: 'terms.docx', url: 'https://files.example.com/docs/terms.docx' },
		],
		recipients: [{ destination: '0355667788', recipient: 'Ann' }],
	});
});

it('Email: html and text, sender, and an attachment named from its MIME type', async () => {
	const { post } = (await create(
		{
			jobType: 'email',
			destination: '={{ $json.email }}',
			fromEmail: 'news@acme.test',
			fromName: 'ACME News',
			subject: 'Schedule for %%recipient%%',
			htmlMessage: '<p>Hi %%recipient%%</p>',
			textMessage: 'Hi %%recipient%%',
			attachments: { file: [{ source: 'binary', binaryPropertyName: 'report' }] },
		},
		[
			binaryItem(
				{ email: 'ann@example.com', name: 'Ann' },
				{ report: { data: pdf, fileName: 'report', mimeType: 'application/pdf' } },
			),
		],
	)) as { post: IDataObject };
	expect(post).toEqual({
		job_type: 'email',
		subject: 'Schedule for %%recipient%%',
		html_message: '<p>Hi %%recipient%%</p>',
		text_message: 'Hi %%recipient%%',
		from_name: 'ACME News',
		from_email: 'news@acme.test',
		attachments: [{ name: 'report.pdf', base64content: pdf.toString('base64') }],
		recipients: [{ destination: 'ann@example.com', recipient: 'Ann' }],
	});
});

it('Voice: a WAV audio file as audiofile', async () => {
	const { post, detail } = (await create(
		{
			jobType: 'voice',
			audio: { file: { source: 'binary', binaryPropertyName: 'data' } },
			additionalFields: { preferredDestinationType: 'Mobile' },
		},
		[
			binaryItem(
				{ to: '61411111111', name: 'Ann' },
				{ data: { data: wav, fileName: 'message.wav', mimeType: 'audio/wav' } },
			),
		],
	)) as { post: IDataObject; detail: IDataObject };
	expect(post).toEqual({
		job_type: 'voice',
		preferred_destination_type: 'Mobile',
		audiofile: { name: 'message.wav', base64content: wav.toString('base64') },
		recipients: [{ destination: '61411111111', recipient: 'Ann' }],
	});
	expect(detail.audiofile).toEqual({ name: 'message.wav', size: wav.length });
});

it('schedules a job in the account time zone', async () => {
	const { post, detail } = (await create(
		{
			jobType: 'sms',
			message: 'Later',
			additionalFields: { scheduledDate: '2099-01-15T09:30:00+00:00' },
		},
		[{ json: { to: '61411111111', name: 'Ann' } }],
	)) as { post: IDataObject; detail: IDataObject };
	// 09:30 UTC is 20:30 in Sydney in January (daylight saving, +11:00).
	expect(post.scheduled_date).toBe('2099-01-15 20:30:00');
	expect(detail.scheduled_date).toBe('2099-01-15T20:30:00+11:00');
	expect(detail.job_status).toBe('Broadcast Submitted');
});
