import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { successSchema, wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['logout'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const answer = await wesalPortalRequest(this, 'logout', {
		operation: 'Account: Logout',
		schema: successSchema,
		itemIndex,
	});
	return [{ json: answer }];
}
