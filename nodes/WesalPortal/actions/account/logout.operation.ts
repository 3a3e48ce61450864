import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, timeoutOnlyOptions } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['logout'] }),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const answer = await callEndpoint(this, WESAL_PORTAL, 'logout', {
		operation: 'Account: Logout',
		scope: item,
	});
	return [{ json: answer }];
}
