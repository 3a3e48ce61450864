import type { IDataObject } from 'n8n-workflow';

import { WeClever } from '../../nodes/WeClever/WeClever.node';
import {
	addFault,
	addLeads,
	ANCHOR,
	configure,
	entryOf,
	expectedListed,
	expectedSimplified,
	groundTruth,
	KNOWN_LEAD,
	KNOWN_LISTED_SIMPLIFIED,
	rawRecord,
	requests,
	stats,
	WeCleverSetup,
	type TruthLead,
} from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function finalized(parameters: IDataObject, options: Parameters<typeof setup.run>[1] = {}) {
	return setup.run(
		{ resource: 'lead', operation: 'getFinalized', returnAll: true, ...parameters } as never,
		options,
	);
}

const within = (truth: TruthLead[], start: number, end: number) =>
	truth.filter(
		(lead) => Date.parse(lead.finalizedAt) >= start && Date.parse(lead.finalizedAt) <= end,
	);

const listCalls = async () =>
	(await requests(setup.sb)).filter((request) => request.path.startsWith('/lead/find/finalized/'));
const detailCalls = async () =>
	(await requests(setup.sb)).filter((request) =>
		request.path.startsWith('/lead/find/weclever_id/'),
	);

describe('Lead → Get Finalized', () => {
	it('returns the leads of a date-time range, sending the dates with an encoded "+"', async () => {
		const start = ANCHOR.getTime() - 5 * DAY + 3_600_000;
		const end = ANCHOR.getTime() - 2 * DAY;
		const expected = within(await groundTruth(setup.sb), start, end).map(expectedListed);
		expect(expected.length).toBeGreaterThan(10);

		// Output Simplified (the default) without Include Details: what the list gives, renamed.
		const result = await finalized({ startDate: iso(start), endDate: iso(end) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual(expected);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);

		const [call] = await listCalls();
		const encoded = (ms: number) => iso(ms).slice(0, 19).replace('T', '%2B').replace(/:/g, '%3A');
		expect(call.path).toBe(`/lead/find/finalized/${encoded(start)}/${encoded(end)}`);
		expect(await detailCalls()).toHaveLength(0);
	});

	it('reads dates without an offset in the workflow time zone and sends them in UTC', async () => {
		const result = await finalized(
			{ startDate: '2025-11-10T09:00:00', endDate: '2025-11-10T21:30:00', output: 'raw' },
			{ settings: { timezone: 'America/Sao_Paulo' } },
		);
		const expected = within(
			await groundTruth(setup.sb),
			Date.parse('2025-11-10T12:00:00Z'),
			Date.parse('2025-11-11T00:30:00Z'),
		);
		expect(result.items.map((item) => item.json)).toEqual(expected.map(entryOf));
		expect((await listCalls())[0].path).toBe(
			'/lead/find/finalized/2025-11-10%2B12%3A00%3A00/2025-11-11%2B00%3A30%3A00',
		);
	});

	it('with Date Only, sends the calendar days and gets whole days', async () => {
		const result = await finalized({
			startDate: '2025-11-08T15:00:00',
			endDate: '2025-11-09T01:00:00',
			datePrecision: 'date',
			output: 'raw',
		});
		const expected = within(
			await groundTruth(setup.sb),
			Date.parse('2025-11-08T00:00:00Z'),
			Date.parse('2025-11-09T23:59:59.999Z'),
		);
		expect(expected.length).toBeGreaterThan(5);
		expect(result.items.map((item) => item.json)).toEqual(expected.map(entryOf));
		expect((await listCalls())[0].path).toBe('/lead/find/finalized/2025-11-08/2025-11-09');
	});

	it('cuts to Limit, and fetches details only for the leads it returns', async () => {
		const start = ANCHOR.getTime() - 10 * DAY;
		const all = within(await groundTruth(setup.sb), start, ANCHOR.getTime());
		const result = await finalized({
			startDate: iso(start),
			endDate: iso(ANCHOR.getTime()),
			returnAll: false,
			limit: 7,
			options: { includeDetails: true },
		});
		expect(result.items.map((item) => item.json.leadId)).toEqual(
			all.slice(0, 7).map((lead) => lead.weclever_lead_id),
		);
		expect(await detailCalls()).toHaveLength(7);
	});

	it('returns at most 50 leads unless Return All is on (a bounded default, also for AI tools)', async () => {
		const start = ANCHOR.getTime() - 10 * DAY;
		const all = within(await groundTruth(setup.sb), start, ANCHOR.getTime());
		expect(all.length).toBeGreaterThan(50);
		const result = await finalized({
			startDate: iso(start),
			endDate: iso(ANCHOR.getTime()),
			returnAll: false,
		});
		expect(result.items.map((item) => item.json)).toEqual(all.slice(0, 50).map(expectedListed));
	});

	it('as an AI tool, each operation says what it returns', () => {
		const { description } = new WeClever();
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.find((property) => property.name === 'operation');
		const said = Object.fromEntries(
			(operations?.options as Array<{ value: string; description: string }>).map((option) => [
				option.value,
				option.description,
			]),
		);
		expect(said.get).toMatch(/^Get one lead by its WeClever ID: one item with its status, contact/);
		expect(said.getFinalized).toMatch(
			/at most 50 unless Return All\): one item per lead with its ID/,
		);
	});

	it('rejects a range that ends before it starts, and bad dates, before any request', async () => {
		const reversed = await finalized({
			startDate: '2025-11-10T10:00:00Z',
			endDate: '2025-11-09T10:00:00Z',
		});
		expect(reversed.error?.message).toBe('Invalid "End Date": it must not be before "Start Date"');
		const bad = await finalized({ startDate: 'last tuesday', endDate: '2025-11-09T10:00:00Z' });
		expect(bad.error?.message).toBe('Invalid "Start Date": "last tuesday" is not a date');
		const limit = await finalized({
			startDate: '2025-11-08T10:00:00Z',
			endDate: '2025-11-09T10:00:00Z',
			returnAll: false,
			limit: '={{ 2.5 }}',
		});
		expect(limit.error?.message).toBe('Invalid "Limit": must be a whole number of 1 or more');
		expect(await requests(setup.sb)).toEqual([]);
	});

	describe('Include Details', () => {
		const ranges = [
			[ANCHOR.getTime() - 4 * DAY, ANCHOR.getTime() - 3 * DAY],
			[ANCHOR.getTime() - 9 * DAY, ANCHOR.getTime() - 8 * DAY],
			[ANCHOR.getTime() - 2 * DAY, ANCHOR.getTime() - 1 * DAY],
		];
		const inputItems = ranges.map(([start, end]) => ({
			json: { start: iso(start), end: iso(end) },
		}));
		const byRange = {
			startDate: '={{ $json.start }}',
			endDate: '={{ $json.end }}',
			output: 'raw',
			options: { includeDetails: true },
		};

		it('merges each lead with its details, in list order, paired to its input item, at most 4 at a time', async () => {
			const truth = await groundTruth(setup.sb);
			const expected = ranges.flatMap(([start, end], index) =>
				within(truth, start, end).map((lead) => ({
					json: rawRecord(lead),
					pairedItem: { item: index },
				})),
			);
			expect(expected.length).toBeGreaterThan(20);

			const result = await finalized(byRange, { items: inputItems });
			expect(result.error).toBeUndefined();
			expect(result.items).toEqual(expected);

			const counted = await stats(setup.sb);
			expect(counted.detailCalls).toBe(expected.length);
			expect(counted.maxDetailConcurrency).toBeLessThanOrEqual(4);
			expect(counted.maxDetailConcurrency).toBeGreaterThan(1);
			// Documented 500 answers carrying a lead are successes: none was sent twice.
			const paths = (await detailCalls()).map((request) => request.path);
			expect(new Set(paths).size).toBe(paths.length);
		});

		it('gives the same result when the API answers 200', async () => {
			await configure(setup.sb, { detailStatus: 200 });
			const [start, end] = ranges[0];
			const truth = within(await groundTruth(setup.sb), start, end);
			const result = await finalized({ ...byRange, startDate: iso(start), endDate: iso(end) });
			expect(result.items.map((item) => item.json)).toEqual(truth.map(rawRecord));
		});

		it('retries a real 500 on one detail call and keeps the order', async () => {
			const [start, end] = ranges[0];
			const truth = within(await groundTruth(setup.sb), start, end);
			await addFault(setup.sb, {
				path: `/lead/find/weclever_id/${truth[1].weclever_lead_id}`,
				kind: 'status',
				status: 500,
			});
			await addFault(setup.sb, {
				path: `/lead/find/weclever_id/${truth[2].weclever_lead_id}`,
				kind: 'reset',
			});
			const result = await finalized({ ...byRange, startDate: iso(start), endDate: iso(end) });
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.weclever_lead_id)).toEqual(
				truth.map((lead) => lead.weclever_lead_id),
			);
			expect(await detailCalls()).toHaveLength(truth.length + 2);
		});

		it('with continueOnFail, a failing detail fails only its own input item', async () => {
			const truth = await groundTruth(setup.sb);
			const second = within(truth, ranges[1][0], ranges[1][1]);
			await addFault(setup.sb, {
				path: `/lead/find/weclever_id/${second[0].weclever_lead_id}`,
				kind: 'status',
				status: 404,
				body: { statusCode: 404, message: 'Lead gone' },
			});
			const result = await finalized(byRange, { items: inputItems, continueOnFail: true });
			const errors = result.items.filter((item) => item.json.error !== undefined);
			expect(errors).toEqual([
				{
					json: {
						error: 'WeClever found nothing for "Lead: Get Finalized" (HTTP 404): Lead gone',
						description:
							'Check the IDs of this operation and the Base URL in the "WeClever API" credential.',
					},
					pairedItem: { item: 1 },
				},
			]);
			const ok = result.items.filter((item) => item.json.error === undefined);
			const expectedIds = [ranges[0], ranges[2]].flatMap(([start, end]) =>
				within(truth, start, end).map((lead) => lead.weclever_lead_id),
			);
			expect(ok.map((item) => item.json.weclever_lead_id).sort()).toEqual(expectedIds.sort());
		});

		it('without continueOnFail, the node fails with the detail error', async () => {
			const [start, end] = ranges[0];
			const truth = within(await groundTruth(setup.sb), start, end);
			await addFault(setup.sb, {
				path: `/lead/find/weclever_id/${truth[0].weclever_lead_id}`,
				kind: 'html',
				status: 502,
				count: 10,
			});
			const result = await finalized({ ...byRange, startDate: iso(start), endDate: iso(end) });
			expect(result.error?.message).toBe(
				'WeClever could not serve "Lead: Get Finalized" (HTTP 502): the server answered with an HTML page instead of JSON',
			);
		});
	});

	describe('Output', () => {
		const [start, end] = [ANCHOR.getTime() - 6 * DAY, ANCHOR.getTime() - 5 * DAY];
		const range = { startDate: iso(start), endDate: iso(end) };

		it('Simplified with Include Details: one flat record per lead, the client lead ID as the customer ID', async () => {
			const truth = within(await groundTruth(setup.sb), start, end);
			expect(truth.length).toBeGreaterThan(5);
			const result = await finalized({ ...range, options: { includeDetails: true } });
			expect(result.items.map((item) => item.json)).toEqual(
				truth.map((lead) => expectedSimplified(lead)),
			);
			expect(await detailCalls()).toHaveLength(truth.length);
		});

		it('Simplified with Include Details, for a lead whose every field is known', async () => {
			await addLeads(setup.sb, [KNOWN_LEAD]);
			const result = await finalized({
				startDate: '2025-11-14T10:05:00Z',
				endDate: '2025-11-14T10:05:00Z',
				options: { includeDetails: true },
			});
			const known = result.items.filter((item) => item.json.leadId === 990001);
			expect(known.map((item) => item.json)).toEqual([KNOWN_LISTED_SIMPLIFIED]);
		});

		it('Simplified without Include Details: the list fields only, no detail request', async () => {
			const truth = within(await groundTruth(setup.sb), start, end);
			const result = await finalized(range);
			expect(result.items.map((item) => item.json)).toEqual(truth.map(expectedListed));
			expect(await detailCalls()).toHaveLength(0);
		});

		it('Raw without Include Details: the list entries as sent', async () => {
			const truth = within(await groundTruth(setup.sb), start, end);
			const result = await finalized({ ...range, output: 'raw' });
			expect(result.items.map((item) => item.json)).toEqual(truth.map(entryOf));
		});

		it('Selected Fields: the chosen fields, with or without Include Details', async () => {
			const truth = within(await groundTruth(setup.sb), start, end);
			const listed = await finalized({
				...range,
				output: 'selected',
				fields: ['leadId', 'customerId'],
			});
			expect(listed.items.map((item) => item.json)).toEqual(
				truth.map((lead) => ({
					leadId: lead.weclever_lead_id,
					customerId: lead.client_lead_id === null ? null : String(lead.client_lead_id),
				})),
			);
			const detailed = await finalized({
				...range,
				output: 'selected',
				fields: ['leadId', 'sentiment', 'negativeMessages'],
				options: { includeDetails: true },
			});
			expect(detailed.items.map((item) => item.json)).toEqual(
				truth.map((lead) => {
					const { sentiment, negativeMessages } = expectedSimplified(lead);
					return { leadId: lead.weclever_lead_id, sentiment, negativeMessages };
				}),
			);
		});

		it('refuses a Selected Field that needs the details without Include Details, before any request', async () => {
			const result = await finalized({
				...range,
				output: 'selected',
				fields: ['leadId', 'sentiment'],
			});
			expect(result.error?.message).toBe('Invalid "Fields": Sentiment needs Include Details');
			expect(result.error?.description).toBe(
				'Turn on Options → Include Details, or choose only Lead ID, Mapped Status and Customer ID. Nothing was sent.',
			);
			expect(await requests(setup.sb)).toEqual([]);
		});
	});

	describe('transient failures of the list call', () => {
		const range = { startDate: '2025-11-08T00:00:00Z', endDate: '2025-11-09T00:00:00Z' };

		it.each([
			['a 503 with Retry-After', { kind: 'status', status: 503, headers: { 'Retry-After': '0' } }],
			['a connection reset', { kind: 'reset' }],
			['a malformed answer', { kind: 'malformed' }],
			['a slow answer', { kind: 'delay', delayMs: 1500 }],
		])('retries after %s', async (_name, fault) => {
			await addFault(setup.sb, { path: '^/lead/find/finalized/', ...fault });
			const result = await finalized({ ...range, options: { timeout: 1000 } });
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
			expect((await listCalls()).length).toBe(2);
		});

		it('gives up after 4 attempts with a clear error', async () => {
			await addFault(setup.sb, {
				path: '^/lead/find/finalized/',
				kind: 'status',
				status: 503,
				count: 10,
				headers: { 'Retry-After': '0' },
			});
			const result = await finalized(range);
			expect(result.error?.message).toBe(
				'WeClever could not serve "Lead: Get Finalized" (HTTP 503): Service Unavailable',
			);
			expect(result.error?.description).toBe(
				"The problem is on WeClever's side. It was tried 4 times. Try again later.",
			);
			expect(await listCalls()).toHaveLength(4);
		});
	});
});
