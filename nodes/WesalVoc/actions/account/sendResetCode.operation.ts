import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { resultSchema, wesalVocRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['sendResetCode'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, itemIndex, false);
	const body: IDataObject = {
		method: input.method,
		email: input.email || 'NO',
		phone: input.phone || 'NO',
	};
	const answer = await wesalVocRequest(this, 'sendResetCode', {
		operation: 'Account: Send Reset Code',
		body,
		schema: resultSchema,
		itemIndex,
	});
	return [{ json: resetOutput(answer, input) }];
}
