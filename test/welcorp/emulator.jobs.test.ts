import { FAX_TYPES, MAIN_USER_JOBS, MAX_FILES_BYTES } from '../../sandbox/vendors/welcorp';
import { WelcorpFixture } from './fixture';

/** The emulator on its own: what the doc says the API does. */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const sms = (extra: Record<string, unknown> = {}) => ({
	job_type: 'sms',
	message: 'Hi %%recipient%%',
	recipients: [{ destination: '+61411111111', recipient: 'Ann' }],
	...extra,
});

async function rejected(body: unknown, message: string): Promise<void> {
	const answer = await fx.api('POST', '/jobs', 'user', body);
	expect(answer).toEqual({
		status: 422,
		json: { status: 422, errors: `Validation failed: ${message}` },
	});
}

describe('GET jobs', () => {
	it('answers the doc example with the Laravel paging block', async () => {
		const { status, json } = await fx.api(
			'GET',
			'/jobs?job_type=sms&start_after=2025-04-07&page_size=3',
		);
		expect(status).toBe(200);
		const base = `${fx.baseUrl}/jobs?job_type=sms&start_after=2025-04-07&page_size=3&page=`;
		expect(json).toMatchObject({
			current_page: 1,
			from: 1,
			to: 3,
			per_page: 3,
			status: 200,
			path: `${fx.baseUrl}/jobs`,
			prev_page_url: null,
			first_page_url: `${base}1`,
			next_page_url: `${base}2`,
		});
		expect(json.last_page).toBe(Math.ceil(Number(json.total) / 3));
		expect(json.last_page_url).toBe(`${base}${json.last_page}`);
		const labels = (json.links as Array<{ label: string }>).map((link) => link.label);
		expect(labels).toEqual([
			'« Previous',
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
			'8',
			'9',
			'10',
			'...',
			String(Number(json.last_page) - 1),
			String(json.last_page),
			'Next »',
		]);
		expect(json.data).toHaveLength(3);
		for (const row of json.data)
			expect(Object.keys(row)).toEqual([
				'job_id',
				'user_id',
				'user_code',
				'job_type',
				'job_name',
				'start_date',
				'send_date',
				'complete_date',
				'scheduled_date',
				'total_recipients',
				'failed_recipients',
				'sent_recipients',
				'total_amount',
				'job_status',
				'details_url',
			]);
	});

	it('holds the doc total of jobs for the main user, newest first, 10 per page by default', async () => {
		const { json } = await fx.api('GET', '/jobs');
		expect(json.total).toBe(MAIN_USER_JOBS);
		expect(json.per_page).toBe(10);
		const dates = (json.data as Array<{ start_date: string }>).map((row) => row.start_date);
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('filters job_type case-insensitively and on the doc spellings', async () => {
		for (const [filter, name] of [
			['SMS', 'SMS'],
			['2 way sms', '2 Way SMS'],
			['Text-to-speech', 'Text-to-speech'],
			['tts', 'Text-to-speech'],
			['2 WAY TTS', '2 way TTS'],
			['email', 'Email'],
		]) {
			const { json } = await fx.api(
				'GET',
				`/jobs?page_size=100&job_type=${encodeURIComponent(filter)}`,
			);
			expect(json.total).toBeGreaterThan(0);
			expect(
				new Set((json.data as Array<{ job_type: string }>).map((row) => row.job_type)),
			).toEqual(new Set([name]));
		}
		expect((await fx.api('GET', '/jobs?job_type=pigeon')).status).toBe(422);
	});

	it('filters by status and start dates (strictly after / before, account time)', async () => {
		const truth = await fx.truthJobs(421);
		const closed = truth.filter((job) => job.job_status === 'Closed');
		expect((await fx.api('GET', '/jobs?job_status=closed&page_size=100')).json.total).toBe(
			closed.length,
		);
		const pivot = truth[100];
		const after = await fx.api(
			'GET',
			`/jobs?page_size=100&start_after=${encodeURIComponent(pivot.start_date)}`,
		);
		expect(after.json.total).toBe(truth.filter((job) => job.startMs > pivot.startMs).length);
		const before = await fx.api(
			'GET',
			`/jobs?page_size=100&start_before=${encodeURIComponent(pivot.start_date)}`,
		);
		expect(before.json.total).toBe(truth.filter((job) => job.startMs < pivot.startMs).length);
		expect((await fx.api('GET', '/jobs?start_after=yesterday')).status).toBe(422);
	});

	it('keeps users to their own jobs and lets agents and admins filter by user', async () => {
		const other = (await fx.truthJobs()).find((job) => job.user_id !== 421 && job.user_id < 3000)!;
		expect((await fx.api('GET', `/jobs?user_id=${other.user_id}`)).json.total).toBe(0);
		expect((await fx.api('GET', `/jobs/${other.job_id}`)).status).toBe(403);
		const asAdmin = await fx.api(
			'GET',
			`/jobs?user_code=${encodeURIComponent(String(other.user_code))}`,
			'admin',
		);
		expect(asAdmin.json.total).toBe((await fx.truthJobs(other.user_id)).length);
		const otherDistributor = (await fx.truthJobs()).find((job) => job.user_id >= 3000)!;
		expect((await fx.api('GET', `/jobs/${otherDistributor.job_id}`, 'admin')).status).toBe(403);
		expect((await fx.api('GET', `/jobs/${otherDistributor.job_id}`, 'otherAdmin')).status).toBe(
			200,
		);
	});

	it('answers 401 in the doc shape without or with wrong credentials', async () => {
		const anonymous = await fetch(`${fx.baseUrl}/jobs`);
		expect(anonymous.status).toBe(401);
		expect(await anonymous.json()).toEqual({ status: 401, errors: 'Invalid credentials.' });
	});
});

describe('POST jobs and progress', () => {
	it('creates a job that moves from broadcast submitted to complete with delivery reports', async () => {
		const created = await fx.api(
			'POST',
			'/jobs',
			'user',
			sms({
				recipients: [
					{ destination: '61411111111', recipient: 'Ann' },
					{ destination: '61422222299', recipient: 'Bob' },
				],
			}),
		);
		expect(created).toEqual({ status: 200, json: { status: 200, data: expect.any(Number) } });
		const id = created.json.data;
		let detail = (await fx.api('GET', `/jobs/${id}`)).json.data;
		expect(detail).toMatchObject({
			job_status: 'Broadcast Submitted',
			complete_date: null,
			total_amount: null,
			reports: [],
		});
		await fx.emulator.advanceClock(61_000 + 5_000);
		detail = (await fx.api('GET', `/jobs/${id}`)).json.data;
		expect(detail).toMatchObject({
			job_status: 'Complete',
			sent_recipients: 1,
			failed_recipients: 1,
			total_amount: 0.13,
		});
		expect(
			detail.reports.map((r: { destination: string; status: string }) => [r.destination, r.status]),
		).toEqual([
			['61411111111', 'SENT'],
			['61422222299', 'FAILED'],
		]);
		expect(detail.complete_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+1[01]:00$/);
	});

	it('removes duplicate destinations with dedupe and sends to uploaded lists (lists win over recipients)', async () => {
		const dup = await fx.api(
			'POST',
			'/jobs',
			'user',
			sms({
				dedupe: 1,
				recipients: [{ destination: '0411 111 111' }, { destination: '0411111111' }],
			}),
		);
		expect((await fx.truthJob(dup.json.data)).total_recipients).toBe(1);
		const lists = await fx.api('POST', '/jobs', 'user', sms({ user_list_ids: '1234,5678' }));
		expect((await fx.truthJob(lists.json.data)).total_recipients).toBe(25 + 12);
	});

	it('validates each job type as documented', async () => {
		await rejected({ message: 'x' }, 'The job_type field is required.');
		await rejected({ job_type: 'telegram' }, 'The selected job_type is invalid.');
		await rejected(
			{ job_type: 'sms', message: 'x' },
			'The recipients field is required when user list ids is not present.',
		);
		await rejected(sms({ message: '' }), 'The message field is required.');
		await rejected(
			sms({ recipients: [{ recipient: 'Ann' }] }),
			'The recipients.0.destination field is required.',
		);
		await rejected(
			sms({ recipients: [{ destination: 'ann@example.com' }] }),
			'The recipients.0.destination must be a valid phone number.',
		);
		await rejected(sms({ cutoff_hour: '24:00' }), 'The cutoff_hour does not match the format H:i.');
		await rejected(
			sms({ scheduled_date: '2001-01-01 10:00:00' }),
			'The scheduled_date must be a date after now.',
		);
		await rejected(
			sms({ callback_on_sms_status_update: 'https://myserver.com/callback' }),
			'The callback_on_sms_status_update field must be true or false.',
		);
		await rejected(
			sms({ manual_sender_id: 'Far Too Long Sender' }),
			'The manual_sender_id must be up to 11 letters or digits, or a mobile number.',
		);
		await rejected({ ...sms(), job_type: 'mms' }, 'The files field is required.');
		await rejected(
			{
				...sms(),
				job_type: 'mms',
				files: [
					{ name: 'a.jpg', url: 'https://x.test/a.jpg' },
					{ name: 'b.jpg', url: 'https://x.test/b.jpg' },
				],
			},
			'Only one media file can be sent in a MMS.',
		);
		await rejected(
			{ ...sms(), job_type: 'fax', files: [{ name: 'a.pdf' }] },
			'The files.0.url field is required when files.0.base64content is not present.',
		);
		await rejected(
			{ ...sms(), job_type: 'fax', files: [{ name: 'a.exe', url: 'https://x.test/a.exe' }] },
			`The file a.exe must be a file of type: ${FAX_TYPES.join(', ')}.`,
		);
		await rejected(
			{ ...sms(), job_type: 'fax', files: [{ name: 'a.pdf', base64content: 'not base64!' }] },
			'The files.0.base64content must be valid base64.',
		);
		await rejected(
			{
				...sms(),
				job_type: 'email',
				recipients: [{ destination: 'a@b.co' }],
				from_email: 'x@y.co',
			},
			'The html_message field is required when text_message is not present.',
		);
		await rejected(
			{ ...sms(), job_type: 'email', recipients: [{ destination: 'a@b.co' }], text_message: 'x' },
			'The from_email field is required.',
		);
		await rejected(
			{ ...sms(), job_type: 'voice', audiofile: { name: 'a.mp3', url: 'https://x.test/a.mp3' } },
			'The audiofile must be a file of type: wav.',
		);
		await rejected(
			{ ...sms(), job_type: '2 way tts', two_way_key_responses: [{ key_press: 10 }] },
			'The two_way_key_responses.0.key_press must be between 0 and 9.',
		);
		await rejected(
			{
				...sms(),
				job_type: '2 way tts',
				two_way_key_responses: [{ key_press: '1' }, { key_press: 1 }],
			},
			'The two_way_key_responses.1.key_press has a duplicate value.',
		);
		await rejected(
			{ ...sms(), job_type: '2 way sms', expires: 0 },
			'The expires must be between 1 and 8760.',
		);
		const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, 'x']));
		await rejected(
			sms({ recipients: [{ destination: '61411111111', ...tooMany }] }),
			'The recipients may not have more than 100 merge fields.',
		);
		expect((await fx.stats()).jobsCreated).toBe(0);
	});

	it('accepts 20 MB of fax files and refuses one byte more', async () => {
		const fax = (bytes: number) => ({
			...sms(),
			job_type: 'fax',
			files: [{ name: 'a.pdf', base64content: Buffer.alloc(bytes, 7).toString('base64') }],
		});
		expect((await fx.api('POST', '/jobs', 'user', fax(MAX_FILES_BYTES))).status).toBe(200);
		await rejected(
			fax(MAX_FILES_BYTES + 1),
			'The total size of the files may not be greater than 20MB.',
		);
	}, 60_000);

	it('accepts the doc examples of every job type', async () => {
		const one = [
			{
				destination: '+123456789',
				reference: 'Main tester',
				recipient: 'Jane Smith',
				field1: 'test value 1a',
				field2: 'test value 1b',
			},
		];
		const bodies = [
			{
				job_type: 'sms',
				job_name: 'My SMS test',
				message: 'This is a test message to %%recipient%%',
				manual_sender_id: '+61417914491',
				callback_on_sms_status_update: true,
				recipients: one,
			},
			{
				job_type: '2 way sms',
				job_name: 'My 2 Way SMS test',
				message: 'Please reply!',
				response_email_address: 'smsresponses@mydomain.com',
				batch_replies: true,
				expires: 48,
				optout_code: 'STOP',
				recipients: one,
			},
			{
				job_type: 'tts',
				job_name: 'My TTS Test',
				header: 'header',
				message: 'main',
				voicemail_message: 'vm',
				cutoff_hour: '18:00',
				voice: 'sophie',
				user_list_ids: '1234,5678',
			},
			{
				job_type: '2 way tts',
				job_name: '2 way tts test',
				message: 'x',
				cut_off_hour: '18:00',
				recipients: [{ destination: '+33677680275' }],
				two_way_key_responses: [
					{ key_press: '1', redirect_to: '6987654321', response_message: 'Thanks' },
					{ key_press: '3', redirect_to: '6987654322' },
				],
			},
			{
				job_type: 'fax',
				job_name: 'My FAX test',
				use_high_resolution: true,
				recipients: [{ destination: '+123456789' }],
				files: [
					{ name: 'textfax1.doc', url: 'https://mydomain.com/files/test_file.doc' },
					{ name: 'map.jpg', base64content: '/9j/4AAQSkZJRgABAQAAAQABAAD=' },
				],
			},
			{
				job_type: 'email',
				job_name: 'email test',
				subject: 'subject',
				html_message: '<p>Hi</p>',
				text_message: 'Hi',
				from_name: 'Jane Test',
				from_email: 'janetest@mymail.com',
				user_list_ids: 1234,
				attachments: [
					{ name: 'my test doc.pdf', url: 'https://mydomain.com/download/test_doc_v2.pdf' },
				],
			},
			{
				job_type: 'voice',
				job_name: 'test voice',
				audiofile: {
					name: 'voicemessage.wav',
					url: 'https://mydomain.com/download/voicefile_v2.wav',
				},
				recipients: [{ destination: '+123456789' }],
			},
			{
				job_type: 'mms',
				message: 'pic',
				subject: 'Hi',
				files: [{ name: 'map.jpg', url: 'https://mydomain.com/map.jpg' }],
				recipients: one,
			},
		];
		for (const body of bodies)
			expect([body.job_type, (await fx.api('POST', '/jobs', 'user', body)).status]).toEqual([
				body.job_type,
				200,
			]);
	});
});
