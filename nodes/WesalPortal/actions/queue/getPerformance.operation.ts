import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDateRange, timeoutOption } from '../../../shared';
import { performanceSchema, queueIdsField, readQueueIds } from '../../queues';
import { wesalPortalRequest } from '../../transport';

const show = { resource: ['queue'], operation: ['getPerformance'] };

export const description: INodeProperties[] = [
	queueIdsField('getPerformance'),
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ hours: 1 }).startOf("hour").toISO() }}',
		description: 'Start of the interval',
		displayOptions: { show },
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '={{ $now.startOf("hour").toISO() }}',
		description:
			'End of the interval; must be after Start, and at most 31 days after it unless split into blocks',
		displayOptions: { show },
	},
	{
		displayName: 'Split Into 30-Minute Blocks',
		name: 'partial',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item per queue for every 30 minutes of the interval instead of one item per queue (an interval over 31 days is then read in parts)',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [timeoutOption],
	},
];

const OPERATION = 'Queue: Get Performance';

function splitInterval(interval: string | null | undefined): {
	start: string | null;
	end: string | null;
} {
	const [start, end] = (interval ?? '').split('/');
	return { start: start || null, end: end || null };
}

/** The emulator's (undocumented) limit per request; longer block reads are made in parts. */
const MAX_INTERVAL_MS = 31 * 86_400_000;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, this.getNodeParameter('queueIds', itemIndex), itemIndex);
	const range = readDateRange(
		this,
		itemIndex,
		{ start: 'start', end: 'end' },
		{ start: 'Start', end: 'End' },
	);
	if (+range.end === +range.start) {
		throw new NodeOperationError(this.getNode(), 'Invalid "End": it must be after "Start"', {
			itemIndex,
			description: `Start and End are both ${range.start.toISO()}.`,
		});
	}
	const partial = this.getNodeParameter('partial', itemIndex) as boolean;
	if (!partial && +range.end - +range.start > MAX_INTERVAL_MS) {
		throw new NodeOperationError(
			this.getNode(),
			'Invalid "End": the interval must not be longer than 31 days',
			{
				itemIndex,
				description:
					'Wesal Portal totals an interval of at most 31 days per request, and totals of separate requests cannot be added up. Shorten the interval, or turn on "Split Into 30-Minute Blocks" to read a longer one in parts.',
			},
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// One list per queue, in the order the API names them, so parts read the same as one request.
	const byQueue = new Map<string, INodeExecutionData[]>();
	for (let from = +range.start; from < +range.end; from += MAX_INTERVAL_MS) {
		const to = Math.min(from + MAX_INTERVAL_MS, +range.end);
		const interval = `${new Date(from).toISOString()}/${new Date(to).toISOString()}`;
		const answer = await wesalPortalRequest(this, 'queuePerformance', {
			operation: OPERATION,
			body: { queues, interval, partial },
			schema: performanceSchema,
			itemIndex,
			timeoutMs: options.timeout as number | undefined,
		});
		for (const queue of answer.data.result) {
			const { queryId, queueId, data, ...rest } = queue;
			const id = queryId ?? queueId ?? null;
			const items = byQueue.get(String(id)) ?? [];
			byQueue.set(String(id), items);
			const blocks = data?.length ? data : [{ interval, metrics: null }];
			for (const block of blocks) {
				const { interval: blockInterval, metrics, ...extra } = block;
				items.push({
					json: {
						queueId: id,
						interval: blockInterval ?? interval,
						...splitInterval(blockInterval ?? interval),
						metrics: metrics ?? null,
						...extra,
						...rest,
					} as IDataObject,
				});
			}
		}
	}
	return [...byQueue.values()].flat();
}
