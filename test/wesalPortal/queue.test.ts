import type { IDataObject } from 'n8n-workflow';

import { VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;
let queues: Array<{ id: string; name: string }>;

beforeAll(async () => {
	fx = await WesalPortalFixture.start();
	queues = await fx.emulator
		.control<{ queues: Array<{ id: string; name: string }> }>('GET', 'wesal-portal/queues')
		.then((answer) => answer.queues);
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

type Result = { data: { result: IDataObject[] } };

describe('Queue → Get Summary / Get Activity', () => {
	it.each([
		['getSummary', '/analytics/runtime/queues/summary'],
		['getActivity', '/analytics/runtime/queues/activity'],
	])('%s returns one item per queue, as the API reports it', async (operation, path) => {
		const ids = [queues[0].id, queues[2].id, 'not-a-queue'];
		const { items, error } = await fx.run({
			resource: 'queue',
			operation,
			queueIds: `${ids[0]}, ${ids[1]} ,${ids[2]}`,
		});
		expect(error).toBeUndefined();
		const truth = (await fx.api('POST', path, { queues: ids })).json as unknown as Result;
		expect(items.map((item) => item.json)).toEqual(truth.data.result);
		expect(items).toHaveLength(3);
		const [request] = await fx.emulator.requests(VENDOR, { path });
		expect(request.body).toEqual({ queues: ids });
	});

	it('takes the queue IDs as an array from an expression, once each', async () => {
		const { items } = await fx.run(
			{ resource: 'queue', operation: 'getSummary', queueIds: '={{ $json.queues }}' },
			{ items: [{ json: { queues: [queues[1].id, queues[1].id, queues[3].id] } }] },
		);
		expect(items.map((item) => item.json.name)).toEqual([queues[1].name, queues[3].name]);
	});
});

describe('Queue → Get Performance', () => {
	const parameters = (partial: boolean, extra: IDataObject = {}) => ({
		resource: 'queue',
		operation: 'getPerformance',
		queueIds: `${queues[0].id},${queues[1].id}`,
		start: '2024-01-28T09:00:00Z',
		end: '2024-01-28T10:10:00Z',
		partial,
		...extra,
	});
	const INTERVAL = '2024-01-28T09:00:00.000Z/2024-01-28T10:10:00.000Z';

	async function truth(
		partial: boolean,
	): Promise<Array<{ queryId: string; data: Array<{ interval: string; metrics: IDataObject }> }>> {
		const answer = await fx.api('POST', '/analytics/queues/performance', {
			queues: [queues[0].id, queues[1].id],
			interval: INTERVAL,
			partial,
		});
		return (answer.json as unknown as { data: { result: never } }).data.result;
	}

	it('sends the interval as start/end in UTC and returns one item per queue', async () => {
		const { items, error } = await fx.run(parameters(false));
		expect(error).toBeUndefined();
		const [request] = await fx.emulator.requests(VENDOR, { path: '/analytics/queues/performance' });
		expect(request.body).toEqual({
			queues: [queues[0].id, queues[1].id],
			interval: INTERVAL,
			partial: false,
		});
		const expected = (await truth(false)).map((queue) => ({
			queueId: queue.queryId,
			interval: INTERVAL,
			start: '2024-01-28T09:00:00.000Z',
			end: '2024-01-28T10:10:00.000Z',
			metrics: queue.data[0].metrics,
		}));
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	it('returns one item per queue per 30-minute block when partial is on', async () => {
		const { items } = await fx.run(parameters(true));
		const expected = (await truth(true)).flatMap((queue) =>
			queue.data.map((block) => ({
				queueId: queue.queryId,
				interval: block.interval,
				start: block.interval.split('/')[0],
				end: block.interval.split('/')[1],
				metrics: block.metrics,
			})),
		);
		expect(expected).toHaveLength(6);
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	it('reads the dates in the workflow time zone', async () => {
		const { error } = await fx.run(
			parameters(false, { start: '2024-01-28T12:00:00', end: '2024-01-28T13:10:00' }),
			{
				settings: { timezone: 'Asia/Riyadh' },
			},
		);
		expect(error).toBeUndefined();
		const [request] = await fx.emulator.requests(VENDOR, { path: '/analytics/queues/performance' });
		expect((request.body as IDataObject).interval).toBe(INTERVAL);
	});

	it('keeps a queue the API does not know as an item saying so', async () => {
		const { items } = await fx.run(parameters(false, { queueIds: 'not-a-queue' }));
		expect(items.map((item) => item.json)).toEqual([
			{
				queueId: 'not-a-queue',
				interval: INTERVAL,
				start: '2024-01-28T09:00:00.000Z',
				end: '2024-01-28T10:10:00.000Z',
				metrics: null,
				success: false,
				message: 'Queue not found',
			},
		]);
	});

	it('refuses a whole-interval total over 31 days before sending anything', async () => {
		const { error } = await fx.run(parameters(false, { end: '2024-04-28T09:00:00Z' }));
		expect(error?.message).toBe('Invalid "End": the interval must not be longer than 31 days');
		expect(
			await fx.emulator.requests(VENDOR, { path: '/analytics/queues/performance' }),
		).toHaveLength(0);
	});

	it('reads blocks of an interval over 31 days in consecutive parts, each queue in time order', async () => {
		const end = '2024-04-07T09:00:00Z'; // 70 days: parts of 31, 31 and 8 days
		const { items, error } = await fx.run(parameters(true, { end }));
		expect(error).toBeUndefined();
		const requests = await fx.emulator.requests(VENDOR, { path: '/analytics/queues/performance' });
		const intervals = requests.map((request) => (request.body as IDataObject).interval);
		expect(intervals).toEqual([
			'2024-01-28T09:00:00.000Z/2024-02-28T09:00:00.000Z',
			'2024-02-28T09:00:00.000Z/2024-03-30T09:00:00.000Z',
			'2024-03-30T09:00:00.000Z/2024-04-07T09:00:00.000Z',
		]);
		for (const queue of [queues[0].id, queues[1].id]) {
			const blocks = items.filter((item) => item.json.queueId === queue).map((item) => item.json);
			expect(blocks).toHaveLength(70 * 48);
			blocks.forEach((block, index) => {
				expect(block.start).toBe(
					new Date(Date.parse('2024-01-28T09:00:00Z') + index * 1_800_000).toISOString(),
				);
			});
		}
		expect(items[0].json.queueId).toBe(queues[0].id);
		expect(items[70 * 48].json.queueId).toBe(queues[1].id);
	});
});
