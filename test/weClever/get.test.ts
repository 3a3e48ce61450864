import type { INodeParameters } from 'n8n-workflow';

import {
	addFault,
	call,
	configure,
	groundTruth,
	requests,
	stats,
	WeCleverSetup,
	simplified,
} from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const getLead = (leadId: unknown, options: INodeParameters = {}) =>
	setup.run({ resource: 'lead', operation: 'get', leadId: leadId as string, options });

const detailCalls = async () =>
	(await requests(setup.sb)).filter((request) =>
		request.path.startsWith('/lead/find/weclever_id/'),
	);

describe('Lead → Get', () => {
	it('returns the lead of a documented HTTP 500 answer, sent once and not retried', async () => {
		const [, truth] = await groundTruth(setup.sb);
		const result = await getLead(String(truth.weclever_lead_id));
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
		const result = await getLead(truth.weclever_lead_id);
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
		const result = await getLead(truth.weclever_lead_id);
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
			'WeClever Lead: Get failed: HTTP 500 – Database unavailable',
		);
		expect(result.error?.description).toMatch(/after 4 attempts/);
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
		expect(result.error?.message).toMatch(/^WeClever Lead: Get failed: HTTP 500/);
	});

	it('fails without retrying for an unknown lead (404)', async () => {
		const result = await getLead('999');
		expect(result.error?.message).toBe('WeClever Lead: Get failed: HTTP 404 – Lead 999 not found');
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
		expect(padded.items[0].json.weclever_lead_id).toBe(truth.weclever_lead_id);
		const fromExpression = await getLead(`={{ ${truth.weclever_lead_id} }}`);
		expect(fromExpression.items[0].json.weclever_lead_id).toBe(truth.weclever_lead_id);
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
		expect(result.items[0].json.weclever_lead_id).toBe(truth[0].weclever_lead_id);
		expect(result.items[1].json.error).toBe(
			'Invalid "Lead ID": must be a whole number such as 123456',
		);
		expect(result.items[2].json.error).toMatch(/HTTP 404/);
		expect(result.items[3].json.weclever_lead_id).toBe(truth[1].weclever_lead_id);
	});

	it('Simplify gives the shared feedback record built from the lead', async () => {
		const truth = (await groundTruth(setup.sb)).find((lead) => lead.lead.csat.rating !== null)!;
		const result = await getLead(truth.weclever_lead_id, { simplify: true });
		const record = result.items[0].json;
		const { lead } = truth;
		const customerMessages = lead.chats.messages.filter(
			(message) => message.direction === 'inbound',
		);
		expect(record).toEqual({
			source: 'weClever',
			surveyId: String(truth.weclever_lead_id),
			interactionId: String(lead.chats.messages[0].id_chat),
			date: `${lead.chats.messages.at(-1)!.date_created.replace(' ', 'T')}.000Z`,
			channel: 'chat',
			direction: null,
			agentId: null,
			agent: null,
			queueId: null,
			queue: lead.regional,
			customerId: null,
			customerName: lead.name,
			customerNumber: lead.phone,
			customerEmail: lead.email,
			scores: [
				{
					questionId: 'csat',
					question: 'CSAT',
					value: Number(lead.csat.rating),
					answer: lead.csat.rating,
				},
			],
			sentiment: {
				label: expect.any(String),
				positive: lead.feelings.positive_feeling,
				neutral: lead.feelings.neutral_feeling,
				negative: lead.feelings.negative_feeling,
			},
			comment: customerMessages.at(-1)!.body,
		});
		// Get has no list entry, so the client's own lead id is not known here.
		expect(record).toEqual(simplified({ weclever_lead_id: truth.weclever_lead_id, ...lead }));
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
