import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resultSchema, wesalVocRequest } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const answer = await wesalVocRequest(this, 'logout', { operation: 'Account: Logout', schema: resultSchema, itemIndex });
	return [{ json: answer }];
}
