import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successSchema, wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const answer = await wesalPortalRequest(this, 'logout', { operation: 'Account: Logout', schema: successSchema, itemIndex });
	return [{ json: answer }];
}
