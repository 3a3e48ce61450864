import { WESAL_VOC_QUESTIONS } from '../../sandbox/vendors/wesalVoc';
import { getAllParameters, VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => {
	await fx.reset();
	// A logged-in credential knows the question schema, so nothing below needs a request.
	await fx.run({ resource: 'company', operation: 'getQuestionSchema' });
	await fx.emulator.clearRequests();
});
afterAll(async () => await fx.close());

const rating = WESAL_VOC_QUESTIONS.find((question) => question.type === 'rating')!;

const badInputs: Array<[string, Record<string, unknown>, string]> = [
	[
		'end before start',
		getAllParameters('2025-11-02T00:00:00Z', '2025-11-01T00:00:00Z'),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'unparseable start',
		getAllParameters('last tuesday', '2025-11-01T00:00:00Z'),
		'Invalid "Start Date": "last tuesday" is not a date',
	],
	[
		'empty end',
		getAllParameters('2025-11-01T00:00:00Z', '={{ "" }}'),
		'Invalid "End Date": a date is required',
	],
	[
		'unknown question',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			filters: { answers: { answer: [{ question: 'Mood', values: '1' }] } },
		}),
		'Invalid "Question Name or ID": "Mood" is not a question of this account',
	],
	[
		'answer outside the rating scale',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			filters: { answers: { answer: [{ question: rating.id, values: '1, 99' }] } },
		}),
		`Invalid "Values" for "${rating.name}": "99" is not an answer between ${rating.minAnswer} and ${rating.maxAnswer}`,
	],
	[
		'answer filter without values',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			filters: { answers: { answer: [{ question: rating.id, values: ' , ' }] } },
		}),
		`Invalid "Values" for "${rating.name}": give at least one answer`,
	],
	[
		'reset code without email',
		{ resource: 'account', operation: 'sendResetCode', method: 'email', email: '={{ "" }}' },
		'Invalid "Email": "" is not an email address',
	],
	[
		'reset code with a bad phone',
		{ resource: 'account', operation: 'sendResetCode', method: 'phone', phone: 'call me' },
		'Invalid "Phone": "call me" is not a phone number',
	],
	[
		'reset without code',
		{
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: 'ops@acme.test',
			otp: ' ',
			newPassword: 'x',
		},
		'Invalid "Verification Code": it is required',
	],
	[
		'reset without new password',
		{
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: 'ops@acme.test',
			otp: '1234',
			newPassword: '={{ "" }}',
		},
		'Invalid "New Password": it is required',
	],
	[
		'unknown output',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', { output: 'everything' }),
		'Invalid "Output": "everything" must be Simplified, Raw or Selected Fields',
	],
	[
		'question schema with Selected Fields but no field',
		{ resource: 'company', operation: 'getQuestionSchema', output: 'selected', fields: [] },
		'Invalid "Fields": choose at least one field',
	],
	[
		'a timeout of zero',
		{ resource: 'account', operation: 'logout', options: { timeout: 0 } },
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
];

describe('bad input is rejected before any request', () => {
	it.each(badInputs)('%s', async (_name, parameters, message) => {
		const { error } = await fx.run(parameters as never);
		expect(error?.message).toBe(message);
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it('gives an error item under Continue On Fail while the other items still run', async () => {
		const { items, error } = await fx.run(
			getAllParameters('={{ $json.start }}', '2020-01-02T00:00:00Z'),
			{
				continueOnFail: true,
				items: [
					{ json: { start: '2020-01-01T00:00:00Z' } },
					{ json: { start: '2020-01-03T00:00:00Z' } },
					{ json: { start: 'soon' } },
					{ json: { start: '2020-01-01T12:00:00Z' } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, 'Invalid "End Date": it must not be before "Start Date"'],
			[{ item: 2 }, 'Invalid "Start Date": "soon" is not a date'],
		]);
		// Items 0 and 3 were searched (nothing in 2020), the bad ones never reached the API.
		expect((await fx.searches()).length).toBe(2);
	});
});
