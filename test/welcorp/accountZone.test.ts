import type { INodeParameters } from 'n8n-workflow';

import { parseAccountTime, textOrNull } from '../../nodes/Welcorp/transport/values';
import { WelcorpFixture } from './fixture';

/**
 * The credential's Account Time Zone: Welcorp dates without an offset are in it, and job filters
 * are sent in it. A blank one means Australia/Sydney; a name that is no IANA zone stops every run
 * before anything is sent.
 */
let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

/** Job → Get Many of one job started after 1 October 2025, 00:00 UTC. */
const startedAfter: INodeParameters = {
	resource: 'job',
	operation: 'getAll',
	returnAll: false,
	limit: 1,
	output: 'raw',
	filters: { startAfter: '2025-10-01T00:00:00Z' },
};

/** The start_after the node sent with the credential's Account Time Zone set to `timeZone`. */
async function sentStartAfter(timeZone: string): Promise<unknown> {
	fx.useLogin('user', { timeZone });
	await fx.emulator.clearRequests();
	const { items, error } = await fx.run(startedAfter);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	const [read] = await fx.requests({ path: '/jobs' });
	return read.query.start_after;
}

describe('Account Time Zone of the credential', () => {
	it('is Australia/Sydney when left blank', async () => {
		// 00:00 UTC on 1 October is 10:00 in Sydney (+10:00).
		expect(await sentStartAfter('')).toBe('2025-10-01 10:00:00');
	});

	it('is the zone named, spaces around the name ignored', async () => {
		// Perth is +08:00 all year, UTC is +00:00.
		expect(await sentStartAfter(' Australia/Perth ')).toBe('2025-10-01 08:00:00');
		expect(await sentStartAfter('UTC')).toBe('2025-10-01 00:00:00');
	});

	it('reads the dates Welcorp sends without an offset in that zone', async () => {
		const user = { user_id: 421, user_code: 'au/testuser', user_added: '2014-05-14 09:04:00' };
		const addedAt = async (timeZone: string) => {
			fx.useLogin('user', { timeZone });
			await fx.emulator.fault({
				vendor: 'welcorp',
				method: 'GET',
				path: '/users/421',
				kind: 'status',
				status: 200,
				body: { status: 200, data: user },
			});
			const { items, error } = await fx.run({
				resource: 'user',
				operation: 'get',
				userId: '421',
				output: 'selected',
				fields: ['addedAt'],
			});
			expect(error).toBeUndefined();
			return items.map((item) => item.json);
		};
		// 09:04 in Sydney in May (+10:00), in Perth (+08:00), in UTC.
		expect(await addedAt('')).toEqual([{ addedAt: '2014-05-13T23:04:00.000Z' }]);
		expect(await addedAt(' Australia/Perth ')).toEqual([{ addedAt: '2014-05-14T01:04:00.000Z' }]);
		expect(await addedAt('UTC')).toEqual([{ addedAt: '2014-05-14T09:04:00.000Z' }]);
	});
});

describe('An Account Time Zone that is not an IANA zone', () => {
	const MESSAGE =
		'Invalid "Account Time Zone" in the Welcorp credential: "Mars/Olympus" is not an IANA time zone';
	const DESCRIPTION = 'Use a name such as Australia/Sydney or UTC. Nothing was sent.';

	it.each<[string, INodeParameters]>([
		['Job → Get Many', startedAfter],
		['Job → Get', { resource: 'job', operation: 'get', jobId: '60276558' }],
		[
			'Job → Create',
			{
				resource: 'job',
				operation: 'create',
				jobType: 'sms',
				destination: '61411111111',
				message: 'Hi',
			},
		],
		['User → Get', { resource: 'user', operation: 'get', userId: '421' }],
		['User → Get Many', { resource: 'user', operation: 'getAll', returnAll: true }],
	])('fails %s before any request', async (_name, parameters) => {
		fx.useLogin('user', { timeZone: ' Mars/Olympus ' });
		const { items, error } = await fx.run(parameters);
		expect(items).toEqual([]);
		expect(error?.message).toBe(MESSAGE);
		expect(error?.description).toBe(DESCRIPTION);
		expect(await fx.requests()).toEqual([]);
	});

	it('fails the trigger before any request, scheduled or fetching a test event', async () => {
		fx.useLogin('user', { timeZone: 'Mars/Olympus' });
		for (const event of ['newJob', 'jobCompleted']) {
			const trigger = fx.poller({ event, output: 'raw' });
			const manual = await trigger.manual({ expectError: true });
			expect([event, manual.error.message]).toEqual([event, MESSAGE]);
			expect((manual.error as Error & { description?: string }).description).toBe(DESCRIPTION);
			await expect(trigger.activate()).rejects.toThrow(MESSAGE);
		}
		expect(await fx.requests()).toEqual([]);
	});
});

describe('Dates and texts of a Welcorp answer, as output', () => {
	it('Job → Get: dates with spaces around them are read, blank dates and texts are null', async () => {
		fx.useLogin('user', { timeZone: 'Australia/Sydney' });
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/jobs/60276558',
			kind: 'status',
			status: 200,
			body: {
				status: 200,
				data: {
					job_id: 60276558,
					job_name: 'Parcel',
					job_type: 'SMS',
					job_status: 'Complete',
					user_id: 421,
					user_code: '',
					start_date: ' 2025-11-15T12:00:00+11:00 ',
					send_date: ' 2025-11-15 12:00:05',
					complete_date: '2025-11-15T12:01:05',
					scheduled_date: '   ',
					total_recipients: 3,
					sent_recipients: 2,
					failed_recipients: 0,
					total_amount: '0.26',
					total_duration: 2,
					message: 'Your parcel is on its way',
					subject: '',
					manual_sender_id: '   ',
					callback_url: null,
					user_list_ids: ' ',
					reports: [{ response: '' }, { response: '  ' }, { response: 'YES' }],
				},
			},
		});
		const { items, error } = await fx.run({
			resource: 'job',
			operation: 'get',
			jobId: '60276558',
		});
		expect(error).toBeUndefined();
		// Sydney is +11:00 in November.
		expect(items.map((item) => item.json)).toEqual([
			{
				jobId: 60276558,
				jobName: 'Parcel',
				jobType: 'SMS',
				status: 'Complete',
				userId: 421,
				userCode: null,
				startedAt: '2025-11-15T01:00:00.000Z',
				sentAt: '2025-11-15T01:00:05.000Z',
				completedAt: '2025-11-15T01:01:05.000Z',
				scheduledAt: null,
				recipients: 3,
				delivered: 2,
				failed: 0,
				pending: 1,
				cost: 0.26,
				durationSeconds: 2,
				message: 'Your parcel is on its way',
				subject: null,
				senderId: null,
				callbackUrl: null,
				userListIds: null,
				reportCount: 3,
				replyCount: 1,
			},
		]);
	});

	it('User → Get: blank texts are null, others are kept as sent', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/users/421',
			kind: 'status',
			status: 200,
			body: {
				status: 200,
				data: {
					user_id: 421,
					user_code: 'au/testuser',
					first_name: 'Jane',
					last_name: '',
					email: '   ',
					phone: '',
					mobile: ' 0487 654 432 ',
					fax: null,
					account_type: ' ',
					user_added: ' 2014-05-14 09:04:00 ',
					company: { company_id: 1, name: '  ' },
				},
			},
		});
		const { items, error } = await fx.run({ resource: 'user', operation: 'get', userId: '421' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				userId: 421,
				userCode: 'au/testuser',
				name: 'Jane',
				firstName: 'Jane',
				lastName: null,
				email: null,
				phone: null,
				mobile: ' 0487 654 432 ',
				fax: null,
				accountType: null,
				live: null,
				companyId: 1,
				companyName: null,
				agentId: null,
				distributorId: null,
				monthlyLimit: null,
				receiveReports: null,
				reportType: null,
				addedAt: '2014-05-13T23:04:00.000Z',
			},
		]);
	});
});

describe('parseAccountTime', () => {
	const iso = (text: unknown, zone: string) => parseAccountTime(text, zone)?.toISOString();

	it('reads a date without an offset in the account zone, whatever the system zone', () => {
		// The same text is another instant in each zone: Sydney +11:00, New York -05:00 in November.
		expect(iso('2025-11-15T12:00:00', 'Australia/Sydney')).toBe('2025-11-15T01:00:00.000Z');
		expect(iso('2025-11-15T12:00:00', 'America/New_York')).toBe('2025-11-15T17:00:00.000Z');
		expect(iso('2025-11-15 12:00:00', 'Australia/Sydney')).toBe('2025-11-15T01:00:00.000Z');
		expect(iso('2025-11-15 12:00:00', 'America/New_York')).toBe('2025-11-15T17:00:00.000Z');
	});

	it('keeps the offset a date has', () => {
		expect(iso('2025-11-15T12:00:00+02:00', 'Australia/Sydney')).toBe('2025-11-15T10:00:00.000Z');
	});

	it('reads dates with spaces around them', () => {
		expect(iso(' 2025-11-15T12:00:00+02:00 ', 'UTC')).toBe('2025-11-15T10:00:00.000Z');
		expect(iso('\t2025-11-15T12:00:00\n', 'UTC')).toBe('2025-11-15T12:00:00.000Z');
		expect(iso(' 2025-11-15 12:00:00', 'UTC')).toBe('2025-11-15T12:00:00.000Z');
		expect(iso('  2025-11-15 12:00:00  ', 'UTC')).toBe('2025-11-15T12:00:00.000Z');
	});

	it('gives nothing for blank, unreadable or missing dates', () => {
		for (const text of ['', '   ', 'not a date', 'soon', null, undefined, 20251115])
			expect([text, parseAccountTime(text, 'UTC')]).toEqual([text, undefined]);
	});
});

describe('textOrNull', () => {
	it('is null for missing and blank values, the value as text otherwise', () => {
		expect([undefined, null, '', ' ', '\t\n'].map(textOrNull)).toEqual([
			null,
			null,
			null,
			null,
			null,
		]);
		expect(textOrNull(' a ')).toBe(' a ');
		expect(textOrNull(0)).toBe('0');
		expect(textOrNull(false)).toBe('false');
	});
});
