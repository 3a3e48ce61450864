import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { WeClever } from '../../nodes/WeClever/WeClever.node';
import { addFault, addLeads, ANCHOR, requests, stats, WeCleverSetup } from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const round2 = (value: number) => Math.round(value * 100) / 100;

type RunOptions = Parameters<typeof setup.run>[1];

function summarize(parameters: IDataObject, options: RunOptions = {}) {
	return setup.run({ resource: 'lead', operation: 'getSummary', ...parameters } as never, options);
}

/** The leads of a range with their details, as Get Finalized + Include Details (Raw) gives them. */
async function readLeads(range: IDataObject, options: RunOptions = {}): Promise<IDataObject[]> {
	const result = await setup.run(
		{
			resource: 'lead',
			operation: 'getFinalized',
			returnAll: true,
			output: 'raw',
			options: { includeDetails: true },
			...range,
		} as never,
		options,
	);
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json);
}

const ratingOf = (lead: IDataObject): number | null => {
	const rating = (lead.csat as { rating: string | null }).rating;
	return rating === null ? null : Number(rating);
};

/** The summary fields of some leads, computed here from their CSAT ratings. */
function expectedFigures(leads: IDataObject[], scale = { min: 1, max: 5 }): IDataObject {
	const values = leads.map(ratingOf).filter((value): value is number => value !== null);
	const count = values.length;
	const share = (test: (value: number) => boolean) =>
		round2((values.filter(test).length / count) * 100);
	const lowest = count ? Math.min(...values) : null;
	const nps = scale.min === 0 && scale.max === 10;
	return {
		responses: leads.length,
		score_csat_responses: count,
		score_csat_average: count ? round2(values.reduce((a, b) => a + b, 0) / count) : null,
		score_csat_csat: count ? share((value) => value >= scale.max - 1) : null,
		score_csat_nps: nps && count ? round2(share((v) => v >= 9) - share((v) => v <= 6)) : null,
		score_csat_lowest: lowest,
		score_csat_lowestCount: values.filter((value) => value === lowest).length,
	};
}

/** The calendar day (and its ISO week's Monday) of a lead's last chat message in a time zone. */
function localDay(lead: IDataObject, timeZone: string): string {
	const messages = (lead.chats as { messages: Array<{ date_created: string }> }).messages;
	const last = messages[messages.length - 1].date_created;
	const instant = new Date(`${last.replace(' ', 'T')}Z`);
	return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);
}
function mondayOf(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	const sinceMonday = (date.getUTCDay() + 6) % 7;
	return new Date(date.getTime() - sinceMonday * DAY).toISOString().slice(0, 10);
}

const detailCalls = async () =>
	(await requests(setup.sb)).filter((request) =>
		request.path.startsWith('/lead/find/weclever_id/'),
	);
const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Lead → Get Summary', () => {
	const start = ANCHOR.getTime() - 12 * DAY;
	const end = ANCHOR.getTime() - 2 * DAY;
	const range = { startDate: iso(start), endDate: iso(end) };

	it('without grouping, gives one item with the figures of every lead Get Finalized reads', async () => {
		const leads = await readLeads(range);
		expect(leads.length).toBeGreaterThan(50);
		// Some leads have no rating: they count in responses, not in the CSAT figures.
		expect(leads.some((lead) => ratingOf(lead) === null)).toBe(true);
		await setup.reset();

		const result = await summarize(range);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: { from: iso(start), to: iso(end), ...expectedFigures(leads) },
				pairedItem: { item: 0 },
			},
		]);
		const figures = result.items[0].json;
		expect(figures.score_csat_responses).toBeLessThan(leads.length);
		expect(figures.score_csat_nps).toBeNull();
	});

	it('sends the requests of Get Finalized with Include Details: one list, one detail per lead, at most 4 at a time', async () => {
		await readLeads(range);
		const read = (await requests(setup.sb)).map((request) => `${request.method} ${request.path}`);
		await setup.reset();

		await summarize(range);
		const summed = (await requests(setup.sb)).map((request) => `${request.method} ${request.path}`);
		expect(summed.sort()).toEqual(read.sort());
		const counted = await stats(setup.sb);
		expect(counted.detailCalls).toBe((await detailCalls()).length);
		expect(counted.maxDetailConcurrency).toBeLessThanOrEqual(4);
		expect(counted.maxDetailConcurrency).toBeGreaterThan(1);
	});

	it("groups by Day and by Week in the workflow's time zone, dating a lead by its chat's last message", async () => {
		const zone = 'America/Sao_Paulo';
		const local = { startDate: '2025-11-07T00:00:00', endDate: '2025-11-10T23:59:59' };
		const settings = { settings: { timezone: zone } };
		// A lead late on a local day is on the next day in UTC: the grouping must tell them apart.
		await addLeads(setup.sb, [{ finalizedAt: '2025-11-09T01:30:00Z' }]);
		const leads = await readLeads(local, settings);
		expect(leads.some((lead) => localDay(lead, zone) !== localDay(lead, 'UTC'))).toBe(true);

		const byDay = await summarize({ ...local, groupBy: ['day'] }, settings);
		expect(byDay.error).toBeUndefined();
		const days = [...new Set(leads.map((lead) => localDay(lead, zone)))].sort();
		expect(days).toEqual(['2025-11-07', '2025-11-08', '2025-11-09', '2025-11-10']);
		expect(jsonOf(byDay.items)).toEqual(
			days.map((day) => ({
				day,
				from: '2025-11-07T03:00:00.000Z',
				to: '2025-11-11T02:59:59.000Z',
				...expectedFigures(leads.filter((lead) => localDay(lead, zone) === day)),
			})),
		);

		const byWeek = await summarize({ ...local, groupBy: ['week'] }, settings);
		const weeks = [...new Set(days.map(mondayOf))].sort();
		expect(weeks).toEqual(['2025-11-03', '2025-11-10']);
		expect(jsonOf(byWeek.items).map(({ from: _from, to: _to, ...rest }) => rest)).toEqual(
			weeks.map((week) => ({
				week,
				...expectedFigures(leads.filter((lead) => mondayOf(localDay(lead, zone)) === week)),
			})),
		);
	});

	it('with Lowest Answer 0 and Highest Answer 10, gives an NPS and counts 9–10 as satisfied', async () => {
		const leads = await readLeads(range);
		await setup.reset();
		const scale = { min: 0, max: 10 };
		const result = await summarize({ ...range, options: { scaleMin: 0, scaleMax: 10 } });
		expect(jsonOf(result.items)).toEqual([
			{ from: iso(start), to: iso(end), ...expectedFigures(leads, scale) },
		]);
		// The emulator rates 1 to 5: on 0–10 every rating is a detractor.
		expect(result.items[0].json.score_csat_nps).toBe(-100);
	});

	it.each([
		['above', 5, 1],
		['equal', 3, 3],
	])(
		'refuses a Lowest Answer %s the Highest Answer, naming the fields, before any request',
		async (_name, scaleMin, scaleMax) => {
			const result = await summarize({ ...range, options: { scaleMin, scaleMax } });
			expect(result.error?.message).toBe(
				'Invalid "Lowest Answer" / "Highest Answer": the lowest must be a number below the highest',
			);
			expect(result.error?.description).toBe(`Got [${scaleMin},${scaleMax}]. Nothing was sent.`);
			expect(await requests(setup.sb)).toEqual([]);
		},
	);

	it('refuses a Group By WeClever has no data for, before any request', async () => {
		const result = await summarize({ ...range, groupBy: ['day', 'agent'] });
		expect(result.error?.message).toBe('Invalid "Group By": "agent"');
		expect(result.error?.description).toBe('Choose from day, week. Nothing was sent.');
		expect(await requests(setup.sb)).toEqual([]);
	});

	it('offers only Day and Week to group by', () => {
		const groupBy = new WeClever().description.properties.find(
			(property) =>
				property.name === 'groupBy' &&
				property.displayOptions?.show?.operation?.includes('getSummary'),
		);
		expect(groupBy?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'day',
			'week',
		]);
	});

	it('gives one item of zeros for a range without leads, and only the list request', async () => {
		const empty = { startDate: '2024-01-01T00:00:00Z', endDate: '2024-01-31T23:59:59Z' };
		const result = await summarize(empty);
		expect(jsonOf(result.items)).toEqual([
			{
				from: '2024-01-01T00:00:00.000Z',
				to: '2024-01-31T23:59:59.000Z',
				responses: 0,
				score_csat_responses: 0,
				score_csat_average: null,
				score_csat_csat: null,
				score_csat_nps: null,
				score_csat_lowest: null,
				score_csat_lowestCount: 0,
			},
		]);
		expect((await requests(setup.sb)).map((request) => request.path)).toEqual([
			expect.stringMatching(/^\/solution\/token\//),
			'/lead/find/finalized/2024-01-01%2B00%3A00%3A00/2024-01-31%2B23%3A59%3A59',
		]);
	});

	it('with Date Only, reads whole days and says so in from and to', async () => {
		const days = { startDate: '2025-11-08T15:00:00Z', endDate: '2025-11-09T01:00:00Z' };
		const leads = await readLeads({ ...days, datePrecision: 'date' });
		await setup.reset();
		const result = await summarize({ ...days, datePrecision: 'date' });
		expect(jsonOf(result.items)).toEqual([
			{ from: '2025-11-08', to: '2025-11-09', ...expectedFigures(leads) },
		]);
		expect((await requests(setup.sb)).map((request) => request.path)).toContain(
			'/lead/find/finalized/2025-11-08/2025-11-09',
		);
	});

	it('as an AI tool, says what it returns', () => {
		const operations = new WeClever().description.properties.find(
			(property) => property.name === 'operation',
		);
		const option = (
			operations?.options as Array<{ value: string; description: string; action: string }>
		).find((candidate) => candidate.value === 'getSummary');
		expect(option?.action).toBe("Get a summary of leads' CSAT");
		expect(option?.description).toMatch(
			/^Get the CSAT figures of the leads finalized between two dates, one item per day, per week or for the whole range/,
		);
	});

	describe('a failing detail request', () => {
		const ranges = [
			[ANCHOR.getTime() - 4 * DAY, ANCHOR.getTime() - 3 * DAY],
			[ANCHOR.getTime() - 9 * DAY, ANCHOR.getTime() - 8 * DAY],
		];
		const inputItems = ranges.map(([from, to]) => ({ json: { start: iso(from), end: iso(to) } }));
		const byRange = { startDate: '={{ $json.start }}', endDate: '={{ $json.end }}' };

		async function failSecondRange(): Promise<IDataObject[]> {
			const [from, to] = ranges[1];
			const leads = await readLeads({ startDate: iso(from), endDate: iso(to) });
			await setup.reset();
			await addFault(setup.sb, {
				path: `/lead/find/weclever_id/${String(leads[2].weclever_lead_id)}`,
				kind: 'html',
				status: 502,
				count: 10,
			});
			return leads;
		}

		it('fails the node with the error', async () => {
			await failSecondRange();
			const result = await summarize(byRange, { items: inputItems });
			expect(result.error?.message).toBe(
				'WeClever could not serve "Lead: Get Summary" (HTTP 502): the server answered with an HTML page instead of JSON',
			);
		});

		it('under Continue On Fail, gives an error item paired to its input item, the others summarized', async () => {
			const [from, to] = ranges[0];
			const firstLeads = await readLeads({ startDate: iso(from), endDate: iso(to) });
			await setup.reset();
			await failSecondRange();
			const result = await summarize(byRange, { items: inputItems, continueOnFail: true });
			expect(result.items).toEqual([
				{
					json: { from: iso(from), to: iso(to), ...expectedFigures(firstLeads) },
					pairedItem: { item: 0 },
				},
				{
					json: {
						error:
							'WeClever could not serve "Lead: Get Summary" (HTTP 502): the server answered with an HTML page instead of JSON',
						description: expect.any(String),
					},
					pairedItem: { item: 1 },
				},
			]);
		});
	});
});
