import type { INodeParameters } from 'n8n-workflow';

import { addFault, KNOWN_LEAD, KNOWN_SIMPLIFIED, WeCleverSetup } from './helpers';

/** Lead → Get checks the lead answer as the doc describes it, numbers sent as text included. */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const { chats, feelings, csat } = KNOWN_LEAD.lead;
const withMetrics = (metrics: unknown) => ({ chats: { ...chats, metrics } });
const messageCount = (value: unknown) =>
	withMetrics({ date_difference: '00:05:00', total_messages: value });

async function getAnswering(lead: unknown, parameters: INodeParameters = {}) {
	await addFault(setup.sb, {
		path: '^/lead/find/weclever_id/',
		kind: 'status',
		status: 200,
		body: { lead },
		// Retry-After: 0 keeps the four attempts of a refused answer quick.
		headers: { 'Retry-After': '0' },
		count: 4,
	});
	return await setup.run({ resource: 'lead', operation: 'get', leadId: '990001', ...parameters });
}

describe('Lead → Get: the shape of the lead answer', () => {
	it('reads counts sent as text, spaces around them and decimals included, as numbers', async () => {
		const result = await getAnswering({
			...KNOWN_LEAD.lead,
			...messageCount(' 12 '),
			feelings: {
				total_messages: '12',
				positive_feeling: '3.25',
				neutral_feeling: '0.5',
				negative_feeling: 1,
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				...KNOWN_SIMPLIFIED,
				messageCount: 12,
				feelingMessages: 12,
				positiveMessages: 3.25,
				neutralMessages: 0.5,
				negativeMessages: 1,
				sentiment: 'positive',
			},
		]);
	});

	it('accepts a lead that carries only one of the documented fields', async () => {
		const result = await getAnswering({ name: 'Ana Silva' }, { output: 'raw' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ weclever_lead_id: 990001, name: 'Ana Silva' },
		]);
	});

	it.each([
		['a message count in words', messageCount('abc'), 'chats.metrics.total_messages'],
		[
			'a message count with a letter before it',
			messageCount('a12'),
			'chats.metrics.total_messages',
		],
		[
			'a message count with letters after it',
			messageCount('12abc'),
			'chats.metrics.total_messages',
		],
		['a message count ending in a point', messageCount('3.'), 'chats.metrics.total_messages'],
		['chat metrics that are text', withMetrics('00:05:00'), 'chats.metrics'],
		[
			'a feelings count in words',
			{ feelings: { ...feelings, positive_feeling: 'high' } },
			'feelings.positive_feeling',
		],
		['a CSAT rating that is an object', { csat: { ...csat, rating: { value: 2 } } }, 'csat.rating'],
		[
			'a chat message dated by a number',
			{ chats: { ...chats, messages: [{ ...chats.messages[0], date_created: 1731578400 }] } },
			'chats.messages.0.date_created',
		],
		['a name that is a number', { name: 5 }, 'name'],
	])('refuses %s as an answer of an unexpected shape', async (_name, change, where) => {
		const result = await getAnswering({ ...KNOWN_LEAD.lead, ...change });
		expect(result.error?.message).toBe(
			'WeClever answered "Lead: Get" in an unexpected shape (HTTP 200)',
		);
		expect(result.error?.description).toContain(`at "lead.${where}"`);
		expect(result.items).toEqual([]);
	});

	it('refuses a lead with none of the documented fields, saying so', async () => {
		const result = await getAnswering({ weclever_lead_id: 990001 });
		expect(result.error?.message).toBe(
			'WeClever answered "Lead: Get" in an unexpected shape (HTTP 200)',
		);
		expect(result.error?.description).toBe(
			'The answer did not have the documented shape (the lead has none of the documented fields at "lead"). It was tried 4 times. Check that the Base URL in the "WeClever API" credential points at the API.',
		);
	});
});
