import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	outputFields,
	readOutput,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { ACTIVITY_FIELDS, queueIdsField, readQueueIds, simplifyActivity } from '../../queue';
import { WESAL_PORTAL } from '../../transport';

const show = { resource: ['queue'], operation: ['getActivity'] };

export const description: INodeProperties[] = [
	queueIdsField('getActivity'),
	...outputFields('Wesal Portal', ACTIVITY_FIELDS, show),
	timeoutOnlyOptions(show),
];

/** One item per queue: its members counted by routing status (IDLE, INTERACTING…). */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const queues = readQueueIds(this, item.itemIndex);
	const output = readOutput(this, item.itemIndex);
	const answer = await callEndpoint(this, WESAL_PORTAL, 'queueActivity', {
		operation: 'Queue: Get Activity',
		scope: item,
		body: { queues },
	});
	return answer.data.result.map((entry) => ({
		json: shapeOutput(output, entry, () => simplifyActivity(entry)),
	}));
}
