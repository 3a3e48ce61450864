import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['sendResetCode'] }),
];

/** Sent without a login, as the doc does: a forgotten password must not stop it. */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, item.itemIndex, false);
	// The doc's example sends all three fields, the unused contact empty.
	const body = { method: input.method, email: input.email, phone: input.phone };
	const answer = await callEndpoint(this, WESAL_PORTAL, 'sendResetCode', {
		operation: 'Account: Send Reset Code',
		scope: item,
		body,
	});
	return [{ json: resetOutput(answer, input) }];
}
