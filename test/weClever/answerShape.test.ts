import type { IDataObject } from 'n8n-workflow';

import { addFault, requests, WeCleverSetup } from './helpers';

/** Lead → Get Finalized checks the list answer as the doc describes it, before anything is output. */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const range = { startDate: '2025-11-08T00:00:00Z', endDate: '2025-11-09T00:00:00Z' };
const lead = (id: unknown): IDataObject => ({
	weclever_lead_id: id as never,
	mapped_status: 'Finalizado',
	client_lead_id: 'c-1',
});

async function finalizedAnswering(body: unknown, count: number) {
	await addFault(setup.sb, {
		path: '^/lead/find/finalized/',
		kind: 'status',
		status: 200,
		body,
		count,
	});
	return await setup.run({
		resource: 'lead',
		operation: 'getFinalized',
		returnAll: true,
		output: 'raw',
		...range,
	} as never);
}

const listCalls = async () =>
	(await requests(setup.sb)).filter((r) => r.path.startsWith('/lead/find/finalized/'));

describe('Lead → Get Finalized: the shape of the list answer', () => {
	it('reads lead ids sent as text, spaces around them included, as numbers', async () => {
		const result = await finalizedAnswering({ leads: [lead('42'), lead(' 1234 '), lead(7)] }, 1);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.weclever_lead_id)).toEqual([42, 1234, 7]);
	});

	it.each([
		['a lead id with a letter after its digits', { leads: [lead('12a')] }],
		['a lead id with a letter before its digits', { leads: [lead('a12')] }],
		['a lead id that is a decimal', { leads: [lead('1.5')] }],
		['a lead without an id', { leads: [{ mapped_status: 'Finalizado' }] }],
		['a status that is a number', { leads: [{ ...lead(1), mapped_status: 3 }] }],
		['leads that are not a list', { leads: { 0: lead(1) } }],
		['no leads at all', { total: 1 }],
	])('refuses %s, after the retries of a read', async (_name, body) => {
		const result = await finalizedAnswering(body, 4);
		expect(result.error?.message).toBe(
			'WeClever answered "Lead: Get Finalized" in an unexpected shape (HTTP 200)',
		);
		expect(result.items).toEqual([]);
		expect(await listCalls()).toHaveLength(4);
	});
});
