import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { activitySchema, queueIdsField, readQueueIds } from '../../queues';
import { wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [
	queueIdsField('getActivity'),
	timeoutOnlyOptions({ resource: ['queue'], operation: ['getActivity'] }),
];

/** One item per queue: its members counted by routing status (IDLE, INTERACTING…). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, this.getNodeParameter('queueIds', itemIndex), itemIndex);
	const answer = await wesalPortalRequest(this, 'queueActivity', {
		operation: 'Queue: Get Activity',
		body: { queues },
		schema: activitySchema,
		itemIndex,
	});
	return answer.data.result.map((queue) => ({ json: queue }));
}
