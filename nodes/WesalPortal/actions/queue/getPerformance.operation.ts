import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getOperation, readDateRange, shapeOutputRows } from '../../../shared';
import { queueIdsField, readQueueIds } from '../../queue';
import {
	MAX_INTERVAL_MS,
	PERFORMANCE_FIELDS,
	readPerformance,
	simplifyPerformance,
} from '../../queuePerformance';

const intervalFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ hours: 1 }).startOf("hour").toISO() }}',
		description: 'Start of the interval',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '={{ $now.startOf("hour").toISO() }}',
		description:
			'End of the interval; must be after Start, and at most 31 days after it unless split into blocks',
	},
	{
		displayName: 'Split Into 30-Minute Blocks',
		name: 'partial',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item per queue for every 30 minutes of the interval instead of one item per queue (an interval over 31 days is then read in parts)',
	},
];

/** The queues and the interval, checked before anything is sent. */
function readInterval(context: IExecuteFunctions, itemIndex: number) {
	const queues = readQueueIds(context, itemIndex);
	const range = readDateRange(
		context,
		itemIndex,
		{ start: 'start', end: 'end' },
		{ start: 'Start', end: 'End' },
	);
	if (+range.end === +range.start) {
		throw new NodeOperationError(context.getNode(), 'Invalid "End": it must be after "Start"', {
			itemIndex,
			description: `Start and End are both ${range.start.toISO()}. Nothing was sent.`,
		});
	}
	const partial = context.getNodeParameter('partial', itemIndex) as boolean;
	if (!partial && +range.end - +range.start > MAX_INTERVAL_MS) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "End": the interval must not be longer than 31 days',
			{
				itemIndex,
				description:
					'Wesal Portal totals an interval of at most 31 days per request, and totals of separate requests cannot be added up. Shorten the interval, or turn on "Split Into 30-Minute Blocks" to read a longer one in parts. Nothing was sent.',
			},
		);
	}
	return { queues, start: +range.start, end: +range.end, partial };
}

const operation = getOperation(
	{
		show: { resource: ['queue'], operation: ['getPerformance'] },
		aboveDates: [queueIdsField('getPerformance'), ...intervalFields],
		output: { vendor: 'Wesal Portal', fields: PERFORMANCE_FIELDS },
	},
	{
		query: readInterval,
		async read(interval, { item, output }) {
			const byQueue = await readPerformance(this, 'Queue: Get Performance', interval, item);
			return byQueue
				.flat()
				.flatMap((part) => shapeOutputRows(output, part.entry, () => simplifyPerformance(part)));
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
