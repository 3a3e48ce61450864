import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { successSchema, wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['sendResetCode'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, itemIndex, false);
	// The doc's example sends all three fields, the unused contact empty.
	const body = { method: input.method, email: input.email, phone: input.phone };
	const answer = await wesalPortalRequest(this, 'sendResetCode', {
		operation: 'Account: Send Reset Code',
		body,
		schema: successSchema,
		itemIndex,
	});
	return [{ json: resetOutput(answer, input) }];
}
