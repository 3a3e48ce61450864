import type { INodeParameters } from 'n8n-workflow';

import {
	addFault,
	addLeads,
	call,
	configure,
	expectedSimplified,
	groundTruth,
	KNOWN_LEAD,
	KNOWN_SIMPLIFIED,
	requests,
	stats,
	WeCleverSetup,
} from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const getLead = (leadId: unknown, parameters: INodeParameters = {}) =>
	setup.run({ resource: 'lead', operation: 'get', leadId: leadId as string, ...parameters });
const raw = { output: 'raw' };

const detailCalls = async () =>
	(await requests(setup.sb)).filter((request) =>
		request.path.startsWith('/lead/find/weclever_id/'),
	);

describe('Lead → Get', () => {
	it('returns the lead of a documented HTTP 500 answer, sent once and not retried', async () => {
		const [, truth] = await groundTruth(setup.sb);
		const result = await getLead(String(truth.weclever_lead_id), raw);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			weclever_lead_id: truth.weclever_lead_id,
			...truth.lead,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const calls = await detailCalls();
		expect(calls.map((request) => request.path)).toEqual([
			`/lead/find/weclever_id/${truth.weclever_lead_id}`,
		]);
		expect(calls[0].headers.authorization).toMatch(/^Bearer [0-9a-f]{48}$/);
	});

	it('returns the same lead when the API answers 200', async () => {
		const [truth] = await groundTruth(setup.sb);
		await configure(setup.sb, { detailStatus: 200 });
		const result = await getLead(truth.weclever_lead_id, raw);
		expect(result.items[0].json).toEqual({
			weclever_lead_id: truth.weclever_lead_id,
			...truth.lead,
		});
	});

	it('retries a real 500 (no lead in the body) and then succeeds', async () => {
		const [truth] = await groundTruth(setup.sb);
		await addFault(setup.sb, {
			path: `/lead/find/weclever_id/${truth.weclever_lead_id}`,
			kind: 'status',
			status: 500,
			count: 2,
		});
		const result = await getLead(truth.weclever_lead_id, raw);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			weclever_lead_id: truth.weclever_lead_id,
			...truth.lead,
		});
		expect((await detailCalls()).map((request) => request.fault ?? 'ok')).toEqual([
			'status',
			'status',
			'ok',
		]);
	});

	it('fails clearly when every answer is a 500 without a lead', async () => {
		const [truth] = await groundTruth(setup.sb);
		await addFault(setup.sb, {
			path: `/lead/find/weclever_id/${truth.weclever_lead_id}`,
			kind: 'status',
			status: 500,
			body: { statusCode: 500, message: 'Database unavailable' },
			count: 10,
		});
		const result = await getLead(truth.weclever_lead_id);
		expect(result.error?.message).toBe(
			'WeClever could not serve "Lead: Get" (HTTP 500): Database unavailable',
		);
		expect(result.error?.description).toBe(
			"The problem is on WeClever's side. It was tried 4 times. Try again later.",
		);
		expect(await detailCalls()).toHaveLength(4);
	});

	it('does not take a 500 whose lead is empty or of the wrong shape for a lead', async () => {
		const [truth] = await groundTruth(setup.sb);
		await addFault(setup.sb, {
			path: `/lead/find/weclever_id/${truth.weclever_lead_id}`,
			kind: 'status',
			status: 500,
			body: { lead: {} },
			count: 10,
		});
		const result = await getLead(truth.weclever_lead_id);
		expect(result.error?.message).toBe('WeClever could not serve "Lead: Get" (HTTP 500)');
		expect(await detailCalls()).toHaveLength(4);
	});

	it('fails without retrying for an unknown lead (404)', async () => {
		const result = await getLead('999');
		expect(result.error?.message).toBe(
			'WeClever found nothing for "Lead: Get" (HTTP 404): Lead 999 not found',
		);
		expect(await detailCalls()).toHaveLength(1);
	});

	it.each([
		['abc', 'must be a whole number such as 123456'],
		['12.5', 'must be a whole number such as 123456'],
		['-3', 'must be a whole number such as 123456'],
		['0', 'must be a whole number such as 123456'],
		['={{ "" }}', 'a lead ID is required'],
		['  ', 'a lead ID is required'],
		['={{ 12.5 }}', 'must be a whole number such as 123456'],
		['={{ { id: 1 } }}', 'must be a whole number such as 123456'],
	])('rejects Lead ID %j before any request', async (value, reason) => {
		const result = await getLead(value);
		expect(result.error?.message).toBe(`Invalid "Lead ID": ${reason}`);
		expect(await requests(setup.sb)).toEqual([]);
	});

	it('accepts an ID with spaces around it and a number from an expression', async () => {
		const [truth] = await groundTruth(setup.sb);
		const padded = await getLead(` ${truth.weclever_lead_id} `);
		expect(padded.items[0].json.leadId).toBe(truth.weclever_lead_id);
		const fromExpression = await getLead(`={{ ${truth.weclever_lead_id} }}`);
		expect(fromExpression.items[0].json.leadId).toBe(truth.weclever_lead_id);
	});

	it('with continueOnFail, gives an error item for a bad input and keeps going, paired to the inputs', async () => {
		const truth = (await groundTruth(setup.sb)).slice(0, 2);
		const result = await setup.run(
			{ resource: 'lead', operation: 'get', leadId: '={{ $json.id }}', options: {} },
			{
				continueOnFail: true,
				items: [
					{ json: { id: truth[0].weclever_lead_id } },
					{ json: { id: 'x1' } },
					{ json: { id: 999 } },
					{ json: { id: truth[1].weclever_lead_id } },
				],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.leadId).toBe(truth[0].weclever_lead_id);
		expect(result.items[1].json.error).toBe(
			'Invalid "Lead ID": must be a whole number such as 123456',
		);
		expect(result.items[2].json.error).toMatch(/HTTP 404/);
		expect(result.items[3].json.leadId).toBe(truth[1].weclever_lead_id);
	});

	describe('Output', () => {
		it('Simplified (the default): one flat record with typed fields and ISO dates', async () => {
			await addLeads(setup.sb, [KNOWN_LEAD]);
			const result = await getLead('990001');
			expect(result.error).toBeUndefined();
			expect(result.items).toEqual([{ json: KNOWN_SIMPLIFIED, pairedItem: { item: 0 } }]);
		});

		it('Simplified: a seeded lead with a CSAT rating and one without', async () => {
			const truth = await groundTruth(setup.sb);
			const rated = truth.find((lead) => lead.lead.csat.rating !== null)!;
			const unrated = truth.find((lead) => lead.lead.csat.rating === null)!;
			for (const lead of [rated, unrated]) {
				const result = await getLead(lead.weclever_lead_id);
				// Get has no list entry, so the mapped status and the client's lead id are not known here.
				expect(result.items[0].json).toEqual(expectedSimplified(lead, false));
			}
			const noRating = (await getLead(unrated.weclever_lead_id)).items[0].json;
			expect(noRating).toMatchObject({
				score_csat: null,
				averageScore: null,
				lowestQuestion: null,
			});
		});

		it('Raw: the lead as WeClever sent it, with its ID', async () => {
			const [added] = await addLeads(setup.sb, [KNOWN_LEAD]);
			const result = await getLead('990001', raw);
			expect(result.items[0].json).toEqual({ weclever_lead_id: 990001, ...KNOWN_LEAD.lead });
			expect(result.items[0].json).toEqual({ weclever_lead_id: 990001, ...added.lead });
		});

		it('Selected Fields: only the chosen fields of the simplified record', async () => {
			await addLeads(setup.sb, [KNOWN_LEAD]);
			const result = await getLead('990001', {
				output: 'selected',
				fields: ['leadId', 'sentiment', 'score_*', 'comment'],
			});
			expect(result.items[0].json).toEqual({
				leadId: 990001,
				comment: 'Demorou demais para responder.',
				score_csat: 2,
				sentiment: 'negative',
			});
		});

		it('Selected Fields with no field is refused before any request', async () => {
			const result = await getLead('990001', { output: 'selected', fields: [] });
			expect(result.error?.message).toBe('Invalid "Fields": choose at least one field');
			expect(await requests(setup.sb)).toEqual([]);
		});
	});

	it('renews an expired token once and goes on', async () => {
		const [truth] = await groundTruth(setup.sb);
		await getLead(truth.weclever_lead_id);
		expect(setup.store.stats.preAuthentications).toBe(1);
		await call(setup.sb, 'POST', '/__control/weclever/expire-tokens');
		const result = await getLead(truth.weclever_lead_id);
		expect(result.error).toBeUndefined();
		expect(setup.store.stats.preAuthentications).toBe(2);
		const counted = await stats(setup.sb);
		expect(counted.tokenCalls).toBe(2);
		expect(counted.unauthorized).toBeGreaterThan(0);
		const last = (await requests(setup.sb)).at(-1)!;
		expect(last.path).toBe(`/lead/find/weclever_id/${truth.weclever_lead_id}`);
		expect(last.headers.authorization).toBe(
			`Bearer ${setup.store.get(setup.credentialId).data.token}`,
		);
	});
});
