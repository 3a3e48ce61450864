import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { resetCompanyId } from '../../account';
import { WESAL_VOC } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['sendResetCode'] }),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, item.itemIndex, false);
	const answer = await callEndpoint(this, WESAL_VOC, 'sendResetCode', {
		operation: 'Account: Send Reset Code',
		scope: item,
		body: {
			companyId: await resetCompanyId(this, item),
			method: input.method,
			// The doc's example sends "NO" for the contact that is not used.
			email: input.email || 'NO',
			phone: input.phone || 'NO',
		},
	});
	return [{ json: resetOutput(answer, input) }];
}
