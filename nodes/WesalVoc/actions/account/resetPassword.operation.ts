import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	compact,
	readPasswordReset,
	resetOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { resetCompanyId } from '../../account';
import { WESAL_VOC } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['resetPassword'] }),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, item.itemIndex, true);
	const answer = await callEndpoint(this, WESAL_VOC, 'resetPassword', {
		operation: 'Account: Reset Password',
		scope: item,
		// The doc sends the code as `otp` and keeps `verifyCode` for links sent by email: send both.
		body: compact({
			companyId: await resetCompanyId(this, item),
			method: input.method,
			email: input.email,
			phone: input.phone,
			verifyCode: input.otp,
			otp: input.otp,
			password: input.newPassword,
		}),
	});
	return [{ json: resetOutput(answer, input) }];
}
