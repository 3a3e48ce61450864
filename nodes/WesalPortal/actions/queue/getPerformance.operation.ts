import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	optionsCollection,
	outputFields,
	pickFields,
	readDateRange,
	readOutput,
	timeoutOption,
} from '../../../shared';
import { queueIdsField, readQueueIds } from '../../queue';
import {
	MAX_INTERVAL_MS,
	PERFORMANCE_FIELDS,
	readPerformance,
	simplifyPerformance,
} from '../../queuePerformance';

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
	...outputFields('Wesal Portal', PERFORMANCE_FIELDS, show),
	optionsCollection([timeoutOption], show),
];

const OPERATION = 'Queue: Get Performance';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const queues = readQueueIds(this, itemIndex);
	const range = readDateRange(
		this,
		itemIndex,
		{ start: 'start', end: 'end' },
		{ start: 'Start', end: 'End' },
	);
	if (+range.end === +range.start) {
		throw new NodeOperationError(this.getNode(), 'Invalid "End": it must be after "Start"', {
			itemIndex,
			description: `Start and End are both ${range.start.toISO()}. Nothing was sent.`,
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
					'Wesal Portal totals an interval of at most 31 days per request, and totals of separate requests cannot be added up. Shorten the interval, or turn on "Split Into 30-Minute Blocks" to read a longer one in parts. Nothing was sent.',
			},
		);
	}
	const output = readOutput(this, itemIndex);
	const byQueue = await readPerformance(
		this,
		OPERATION,
		{ queues, start: +range.start, end: +range.end, partial },
		item,
	);
	const parts = byQueue.flat();
	if (output.mode === 'raw') return parts.map(({ entry }) => ({ json: entry as IDataObject }));
	return parts.flatMap(simplifyPerformance).map((row) => ({
		json: output.mode === 'selected' ? pickFields(row, output.fields) : row,
	}));
}
