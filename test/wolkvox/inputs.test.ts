import { getAllParameters, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;

beforeAll(async () => (fx = await WolkvoxFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const bad: Array<[string, ReturnType<typeof getAllParameters>, string]> = [
	[
		'end before start',
		getAllParameters('2025-11-02T00:00:00Z', '2025-11-01T00:00:00Z'),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'a start that is not a date',
		getAllParameters('last tuesday', '2025-11-01T00:00:00Z'),
		'Invalid "Start Date": "last tuesday" is not a date',
	],
	[
		'an end that resolves to nothing',
		getAllParameters('2025-11-01T00:00:00Z', '={{ $json.missing }}'),
		'Invalid "End Date": a date is required',
	],
	[
		'a window over 31 days',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			options: { windowDays: 40 },
		}),
		'Invalid "Days per Request": must be a whole number from 1 to 31',
	],
	[
		'a window of 0 days',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			options: { windowDays: 0 },
		}),
		'Invalid "Days per Request": must be a whole number from 1 to 31',
	],
	[
		'a fractional window',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			options: { windowDays: 1.5 },
		}),
		'Invalid "Days per Request": must be a whole number from 1 to 31',
	],
	[
		'a limit of 0',
		getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z', {
			returnAll: false,
			limit: 0,
		}),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
];

describe('bad input', () => {
	it.each(bad)(
		'rejects %s before any request, naming the field',
		async (_name, parameters, message) => {
			const { error } = await fx.run(parameters);
			expect(error?.message).toBe(message);
			expect(await fx.reports()).toHaveLength(0);
		},
	);

	it('rejects a credential without a usable server before any request', async () => {
		await fx.reset({ baseUrl: '', server: 'wv 00/2' });
		const { error } = await fx.run(
			getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z'),
		);
		expect(error?.message).toBe(
			'Invalid "Server" in the Wolkvox credential: "00/2" is not a server nomenclature',
		);
		expect(await fx.reports()).toHaveLength(0);
	});

	it('reports bad input per item under Continue On Fail', async () => {
		const { items } = await fx.run(
			{ ...getAllParameters('={{ $json.start }}', '2025-11-01T06:00:00Z') },
			{
				continueOnFail: true,
				items: [
					{ json: { start: '2025-11-02T00:00:00Z' } },
					{ json: { start: '2025-11-01T00:00:00Z' } },
				],
			},
		);
		expect(items[0]).toMatchObject({
			json: { error: 'Invalid "End Date": it must not be before "Start Date"' },
			pairedItem: { item: 0 },
		});
		expect(
			items
				.slice(1)
				.every((item) => !item.json.error && (item.pairedItem as { item: number }).item === 1),
		).toBe(true);
		expect(await fx.reports()).toHaveLength(1);
	});
});
