import type { IDataObject } from 'n8n-workflow';

import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { loadOptions } from '../harness';
import { VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;
let queues: Array<{ id: string; name: string }>;

beforeAll(async () => {
	fx = await WesalPortalFixture.start();
	queues = await fx.queues();
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

type Result = { data: { result: IDataObject[] } };
const SUMMARY = '/analytics/runtime/queues/summary';
const ACTIVITY = '/analytics/runtime/queues/activity';
const PERFORMANCE = '/analytics/queues/performance';

const truthOf = async (path: string, ids: string[]) =>
	((await fx.api('POST', path, { queues: ids })).json as unknown as Result).data.result;

describe('Queue → Get Summary / Get Activity', () => {
	it.each([
		['getSummary', SUMMARY],
		['getActivity', ACTIVITY],
	])(
		'%s with Output → Raw returns one item per queue, as the API reports it',
		async (operation, path) => {
			const ids = [queues[0].id, queues[2].id, 'not-a-queue'];
			const { items, error } = await fx.run({
				resource: 'queue',
				operation,
				queueIds: ids,
				output: 'raw',
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual(await truthOf(path, ids));
			expect(items).toHaveLength(3);
			const [request] = await fx.emulator.requests(VENDOR, { path });
			expect(request.body).toEqual({ queues: ids });
		},
	);

	it('Get Summary with Output → Simplified (the default): one flat item per queue, saying whether it was found', async () => {
		const ids = [queues[0].id, queues[1].id, 'not-a-queue'];
		const { items, error } = await fx.run({
			resource: 'queue',
			operation: 'getSummary',
			queueIds: ids,
		});
		expect(error).toBeUndefined();
		const truth = await truthOf(SUMMARY, ids);
		expect(items.map((item) => item.json)).toEqual([
			...truth.slice(0, 2).map(({ id, name, success: _success, ...figures }) => ({
				queueId: id,
				queue: name,
				found: true,
				...figures,
			})),
			{ queueId: 'not-a-queue', queue: null, found: false, message: 'Queue not found' },
		]);
		expect(typeof items[0].json.memberCount).toBe('number');
	});

	it('Get Activity with Output → Simplified: one count per routing status and their sum', async () => {
		const ids = [queues[3].id, 'not-a-queue'];
		const { items } = await fx.run({ resource: 'queue', operation: 'getActivity', queueIds: ids });
		const [known] = (await truthOf(ACTIVITY, ids)) as Array<{
			data: Array<{ qualifier: string; count: number }>;
		}>;
		const count = (qualifier: string) =>
			known.data.find((entry) => entry.qualifier === qualifier)?.count;
		expect(items.map((item) => item.json)).toEqual([
			{
				queueId: queues[3].id,
				found: true,
				members: known.data.reduce((sum, entry) => sum + entry.count, 0),
				idle: count('IDLE'),
				interacting: count('INTERACTING'),
				communicating: count('COMMUNICATING'),
				notResponding: count('NOT_RESPONDING'),
				offQueue: count('OFF_QUEUE'),
			},
			{ queueId: 'not-a-queue', found: false, message: 'Queue not found', members: 0 },
		]);
	});

	it.each([
		['getSummary', ['queue', 'memberCount']],
		['getActivity', ['queueId', 'idle']],
	])(
		'%s with Output → Selected Fields returns only the chosen fields',
		async (operation, fields) => {
			const { items } = await fx.run({
				resource: 'queue',
				operation,
				queueIds: [queues[1].id],
				output: 'selected',
				fields,
			});
			expect(Object.keys(items[0].json)).toEqual(fields);
		},
	);

	it('takes the queue IDs as an array from an expression, once each', async () => {
		const { items } = await fx.run(
			{ resource: 'queue', operation: 'getSummary', queueIds: '={{ $json.queues }}' },
			{ items: [{ json: { queues: [queues[1].id, queues[1].id, queues[3].id] } }] },
		);
		expect(items.map((item) => item.json.queue)).toEqual([queues[1].name, queues[3].name]);
	});

	it('still reads queue IDs typed as comma-separated text (workflows made before the list)', async () => {
		const { items, error } = await fx.run({
			resource: 'queue',
			operation: 'getSummary',
			queueIds: `${queues[0].id}, ${queues[2].id} ,`,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.queueId)).toEqual([queues[0].id, queues[2].id]);
	});

	it.each([
		['getSummary', SUMMARY, 'Queue: Get Summary'],
		['getActivity', ACTIVITY, 'Queue: Get Activity'],
	])(
		'%s fails with the message of a `success: false` nested in data, without retrying',
		async (operation, path, name) => {
			await fx.run({ resource: 'organization', operation: 'get' });
			await fx.emulator.fault({
				vendor: VENDOR,
				path,
				kind: 'status',
				status: 200,
				body: { success: true, data: { success: false, message: 'Analytics are paused' } },
			});
			const { error } = await fx.run({ resource: 'queue', operation, queueIds: [queues[0].id] });
			expect(error?.message).toBe(`Wesal Portal refused "${name}": Analytics are paused`);
			expect(await fx.emulator.requests(VENDOR, { path })).toHaveLength(1);
		},
	);
});

describe('queue list (Queue Names or IDs)', () => {
	const listQueues = () =>
		loadOptions({
			nodeType: WesalPortal,
			method: 'getQueues',
			parameters: { resource: 'queue', operation: 'getSummary' },
			store: fx.store,
			credentials: { wesalPortalApi: fx.credentialId },
		});
	const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
	/** The queues the added surveys went through, as the list should name them. */
	const expected = (added: Array<{ conversation: { queueId?: string; queueName: string } }>) => {
		const byId = new Map(
			added.map(({ conversation }) => [conversation.queueId!, conversation.queueName]),
		);
		return [...byId.entries()]
			.map(([value, name]) => ({ name, value, description: `ID ${value}` }))
			.sort((a, b) => a.name.localeCompare(b.name));
	};

	it('is a multi-select loaded from the API on every queue operation', () => {
		const fields = new WesalPortal().description.properties.filter(
			(property) => property.name === 'queueIds',
		);
		expect(fields).toHaveLength(3);
		for (const field of fields) {
			expect(field).toMatchObject({
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getQueues' },
				required: true,
			});
			expect(field.description).toContain('specify IDs using an');
		}
	});

	it('lists the queues of the last surveys of every company, by name', async () => {
		const first = await fx.addSurveys({ count: 40, createdAt: daysAgo(2) });
		const second = await fx.addSurveys({
			companyId: WESAL_PORTAL_COMPANIES[1].id,
			count: 10,
			createdAt: daysAgo(3),
		});
		const options = await listQueues();
		expect(options).toEqual(expected([...first, ...second]));
		expect(options.length).toBeGreaterThan(1);
		const searches = await fx.searches();
		expect(searches.every((request) => (request.body as IDataObject).extended === true)).toBe(true);
	});

	it('looks back 90 days when the last week has no survey, and is empty when there is none', async () => {
		expect(await listQueues()).toEqual([]);
		const older = await fx.addSurveys({ count: 20, createdAt: daysAgo(30) });
		expect(await listQueues()).toEqual(expected(older));
	});
});

describe('Queue → Get Performance', () => {
	const parameters = (partial: boolean, extra: IDataObject = {}) => ({
		resource: 'queue',
		operation: 'getPerformance',
		queueIds: [queues[0].id, queues[1].id],
		start: '2024-01-28T09:00:00Z',
		end: '2024-01-28T10:10:00Z',
		partial,
		...extra,
	});
	const INTERVAL = '2024-01-28T09:00:00.000Z/2024-01-28T10:10:00.000Z';

	type Metrics = Record<string, number>;
	async function truth(
		partial: boolean,
	): Promise<Array<{ queryId: string; data: Array<{ interval: string; metrics: Metrics }> }>> {
		const answer = await fx.api('POST', PERFORMANCE, {
			queues: [queues[0].id, queues[1].id],
			interval: INTERVAL,
			partial,
		});
		return (answer.json as unknown as { data: { result: never } }).data.result;
	}
	const rate = (part: number, whole: number) =>
		whole ? Math.round((1000 * part) / whole) / 10 : null;
	/** The doc's figures in words; its times are milliseconds. */
	const simplified = (queueId: string, interval: string, m: Metrics) => ({
		queueId,
		start: interval.split('/')[0],
		end: interval.split('/')[1],
		found: true,
		asaSeconds: m.ASA / 1000,
		answered: m.Answer,
		metSla: m.MetSLA,
		overSla: m.OverSLA,
		offered: m.Offer,
		abandoned: m.Abandon,
		ahtSeconds: m.AHT / 1000,
		talkTimeSeconds: m.TalkTime / 1000,
		serviceLevel: rate(m.MetSLA, m.Answer),
		abandonRate: rate(m.Abandon, m.Offer),
	});

	it('sends the interval as start/end in UTC; Output → Raw returns the API result per queue', async () => {
		const { items, error } = await fx.run(parameters(false, { output: 'raw' }));
		expect(error).toBeUndefined();
		const [request] = await fx.emulator.requests(VENDOR, { path: PERFORMANCE });
		expect(request.body).toEqual({
			queues: [queues[0].id, queues[1].id],
			interval: INTERVAL,
			partial: false,
		});
		expect(items.map((item) => item.json)).toEqual(await truth(false));
	});

	it('Output → Simplified (the default): one flat item per queue with named, typed figures', async () => {
		const { items, error } = await fx.run(parameters(false));
		expect(error).toBeUndefined();
		const expected = (await truth(false)).map((queue) =>
			simplified(queue.queryId, INTERVAL, queue.data[0].metrics),
		);
		expect(items.map((item) => item.json)).toEqual(expected);
		expect(expected[0].offered).toBeGreaterThan(0);
	});

	it('returns one item per queue per 30-minute block when split into blocks', async () => {
		const { items } = await fx.run(parameters(true));
		const expected = (await truth(true)).flatMap((queue) =>
			queue.data.map((block) => simplified(queue.queryId, block.interval, block.metrics)),
		);
		expect(expected).toHaveLength(6);
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	it('Output → Selected Fields returns only the chosen fields', async () => {
		const { items } = await fx.run(
			parameters(false, { output: 'selected', fields: ['queueId', 'serviceLevel'] }),
		);
		const expected = (await truth(false)).map((queue) => ({
			queueId: queue.queryId,
			serviceLevel: rate(queue.data[0].metrics.MetSLA, queue.data[0].metrics.Answer),
		}));
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	it('reads the dates in the workflow time zone', async () => {
		const { error } = await fx.run(
			parameters(false, { start: '2024-01-28T12:00:00', end: '2024-01-28T13:10:00' }),
			{ settings: { timezone: 'Asia/Riyadh' } },
		);
		expect(error).toBeUndefined();
		const [request] = await fx.emulator.requests(VENDOR, { path: PERFORMANCE });
		expect((request.body as IDataObject).interval).toBe(INTERVAL);
	});

	it('keeps a queue the API does not know as an item saying so', async () => {
		const { items } = await fx.run(parameters(false, { queueIds: ['not-a-queue'] }));
		expect(items.map((item) => item.json)).toEqual([
			{
				queueId: 'not-a-queue',
				start: '2024-01-28T09:00:00.000Z',
				end: '2024-01-28T10:10:00.000Z',
				found: false,
				message: 'Queue not found',
			},
		]);
	});

	it('refuses a whole-interval total over 31 days before sending anything', async () => {
		const { error } = await fx.run(parameters(false, { end: '2024-04-28T09:00:00Z' }));
		expect(error?.message).toBe('Invalid "End": the interval must not be longer than 31 days');
		expect(error?.description).toContain('Nothing was sent.');
		expect(await fx.emulator.requests(VENDOR, { path: PERFORMANCE })).toHaveLength(0);
	});

	it('reads blocks of an interval over 31 days in consecutive parts, each queue in time order', async () => {
		const end = '2024-04-07T09:00:00Z'; // 70 days: parts of 31, 31 and 8 days
		const { items, error } = await fx.run(parameters(true, { end }));
		expect(error).toBeUndefined();
		const requests = await fx.emulator.requests(VENDOR, { path: PERFORMANCE });
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
