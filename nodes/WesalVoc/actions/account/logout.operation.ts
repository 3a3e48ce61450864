import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { resultSchema, wesalVocRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['logout'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const answer = await wesalVocRequest(this, 'logout', {
		operation: 'Account: Logout',
		schema: resultSchema,
		itemIndex,
	});
	return [{ json: answer }];
}
