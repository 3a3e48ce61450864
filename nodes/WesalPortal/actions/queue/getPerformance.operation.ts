import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
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
		description: 'End of the interval; must be after Start',
		displayOptions: { show },
	},
	{
		displayName: 'Split Into 30-Minute Blocks',
		name: 'partial',
		type: 'boolean',
		default: false,
		description: 'Whether to return one item per queue for every 30 minutes of the interval instead of one item per queue',
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

function splitInterval(interval: string | null | undefined): { start: string | null; end: string | null } {
	const [start, end] = (interval ?? '').split('/');
	return { start: start || null, end: end || null };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, this.getNodeParameter('queueIds', itemIndex), itemIndex);
	const range = readDateRange(this, itemIndex, { start: 'start', end: 'end' }, { start: 'Start', end: 'End' });
	if (+range.end === +range.start) {
		throw new NodeOperationError(this.getNode(), 'Invalid "End": it must be after "Start"', {
			itemIndex,
			description: `Start and End are both ${range.start.toISO()}.`,
		});
	}
	const partial = this.getNodeParameter('partial', itemIndex) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const interval = `${range.start.toUTC().toISO()}/${range.end.toUTC().toISO()}`;

	const answer = await wesalPortalRequest(this, 'queuePerformance', {
		operation: OPERATION,
		body: { queues, interval, partial },
		schema: performanceSchema,
		itemIndex,
		timeoutMs: options.timeout as number | undefined,
	});

	const items: INodeExecutionData[] = [];
	for (const queue of answer.data.result) {
		const { queryId, queueId, data, ...rest } = queue;
		const id = queryId ?? queueId ?? null;
		const blocks = data?.length ? data : [{ interval, metrics: null }];
		for (const block of blocks) {
			const { interval: blockInterval, metrics, ...extra } = block;
			items.push({
				json: { queueId: id, interval: blockInterval ?? interval, ...splitInterval(blockInterval ?? interval), metrics: metrics ?? null, ...extra, ...rest } as IDataObject,
			});
		}
	}
	return items;
}
