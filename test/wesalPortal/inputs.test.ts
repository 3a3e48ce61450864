import type { INodeParameters } from 'n8n-workflow';

import { COMPANY, surveyParameters, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => {
	await fx.reset();
	await fx.run({ resource: 'organization', operation: 'get' });
	await fx.emulator.clearRequests();
});
afterAll(async () => await fx.close());

const performance = (extra: Record<string, unknown>) => ({
	resource: 'queue',
	operation: 'getPerformance',
	queueIds: '01756d3a-5c1e-4b7a-9f3e-7c12cf9a0d11',
	start: '2024-01-28T09:00:00Z',
	end: '2024-01-28T10:00:00Z',
	...extra,
});

const badInputs: Array<[string, Record<string, unknown>, string]> = [
	[
		'survey end before start',
		surveyParameters('2025-11-02T00:00:00Z', '2025-11-01T00:00:00Z'),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'unparseable survey start',
		surveyParameters('last tuesday', '2025-11-01T00:00:00Z'),
		'Invalid "Start Date": "last tuesday" is not a date',
	],
	[
		'empty survey end',
		surveyParameters('2025-11-01T00:00:00Z', '={{ "" }}'),
		'Invalid "End Date": a date is required',
	],
	[
		'a company ID that is not a number',
		surveyParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			company: { __rl: true, mode: 'id', value: '={{ "acme" }}' },
		}),
		'Invalid "Company": "acme" is not a company ID (a whole number, e.g. 100301)',
	],
	[
		'no company',
		surveyParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			company: { __rl: true, mode: 'list', value: '={{ "" }}' },
		}),
		'Invalid "Company": it is required',
	],
	[
		'performance end before start',
		performance({ end: '2024-01-28T08:00:00Z' }),
		'Invalid "End": it must not be before "Start"',
	],
	[
		'performance end equal to start',
		performance({ end: '2024-01-28T09:00:00Z' }),
		'Invalid "End": it must be after "Start"',
	],
	[
		'performance unparseable end',
		performance({ end: 'tomorrow' }),
		'Invalid "End": "tomorrow" is not a date',
	],
	[
		'no queue IDs',
		performance({ queueIds: '={{ " , " }}' }),
		'Invalid "Queue Names or IDs": choose at least one queue',
	],
	[
		'no queue IDs for the summary',
		{ resource: 'queue', operation: 'getSummary', queueIds: '={{ [] }}' },
		'Invalid "Queue Names or IDs": choose at least one queue',
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
			email: 'cx.lead@hadef.test',
			otp: ' ',
			newPassword: 'x',
		},
		'Invalid "Verification Code": it is required',
	],
];

describe('bad input is rejected before any request', () => {
	it.each(badInputs)('%s', async (_name, parameters, message) => {
		const { error } = await fx.run(parameters as INodeParameters);
		expect(error?.message).toBe(message);
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it.each([
		[
			'an Output that does not exist',
			{ output: 'everything' },
			'Invalid "Output": "everything" must be Simplified, Raw or Selected Fields',
		],
		[
			'Selected Fields without fields',
			{ output: 'selected', fields: [] },
			'Invalid "Fields": choose at least one field',
		],
	])('%s, on every read', async (_name, extra, message) => {
		const reads: Array<Record<string, unknown>> = [
			{ resource: 'organization', operation: 'get' },
			{
				resource: 'question',
				operation: 'getAll',
				company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
				returnAll: true,
			},
			surveyParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z'),
			{ resource: 'queue', operation: 'getSummary', queueIds: ['q-1'] },
			{ resource: 'queue', operation: 'getActivity', queueIds: ['q-1'] },
			performance({}),
		];
		for (const parameters of reads) {
			const { error } = await fx.run({ ...parameters, ...extra } as INodeParameters);
			expect(error?.message).toBe(message);
		}
		expect(await fx.emulator.requests(VENDOR)).toHaveLength(0);
	});

	it('gives an error item under Continue On Fail while the other items still run', async () => {
		const { items } = await fx.run(
			surveyParameters('={{ $json.start }}', '2025-11-14T01:00:00Z', {
				company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
			}),
			{
				continueOnFail: true,
				items: [{ json: { start: '2025-11-14T00:00:00Z' } }, { json: { start: 'soon' } }],
			},
		);
		const failed = items.filter((item) => item.json.error);
		expect(failed).toEqual([
			{
				json: {
					error: 'Invalid "Start Date": "soon" is not a date',
					description: expect.any(String),
				},
				pairedItem: { item: 1 },
			},
		]);
		const truth = await fx.truthIds({
			startTime: '2025-11-14T00:00:00',
			endTime: '2025-11-14T01:00:00',
		});
		expect(items.filter((item) => !item.json.error).map((item) => item.json.surveyId)).toEqual(
			truth.ids,
		);
	});
});
