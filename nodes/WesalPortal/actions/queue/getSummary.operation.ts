import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { queueIdsField, readQueueIds, summarySchema } from '../../queues';
import { wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [
	queueIdsField('getSummary'),
	timeoutOnlyOptions({ resource: ['queue'], operation: ['getSummary'] }),
];

/** One item per queue; a queue the API does not know comes back with `success: false`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, this.getNodeParameter('queueIds', itemIndex), itemIndex);
	const answer = await wesalPortalRequest(this, 'queueSummary', {
		operation: 'Queue: Get Summary',
		body: { queues },
		schema: summarySchema,
		itemIndex,
	});
	return answer.data.result.map((queue) => ({ json: queue }));
}
