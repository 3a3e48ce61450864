import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	outputFields,
	readOutput,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { queueIdsField, readQueueIds, simplifySummary, SUMMARY_FIELDS } from '../../queue';
import { WESAL_PORTAL } from '../../transport';

const show = { resource: ['queue'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	queueIdsField('getSummary'),
	...outputFields('Wesal Portal', SUMMARY_FIELDS, show),
	timeoutOnlyOptions(show),
];

/** One item per queue; a queue the API does not know comes back with `success: false`. */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, item.itemIndex);
	const output = readOutput(this, item.itemIndex);
	const answer = await callEndpoint(this, WESAL_PORTAL, 'queueSummary', {
		operation: 'Queue: Get Summary',
		scope: item,
		body: { queues },
	});
	return answer.data.result.map((entry) => ({
		json: shapeOutput(output, entry, () => simplifySummary(entry)),
	}));
}
