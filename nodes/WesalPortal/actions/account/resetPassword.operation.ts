import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['resetPassword'] }),
];

/** Sent without a login, as the doc does: a forgotten password must not stop it. */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, item.itemIndex, true);
	// The doc names the emailed code `verifyCode` and leaves `otp` empty; the code goes in both so
	// that a code received by phone works too.
	const body = {
		method: input.method,
		email: input.email,
		verifyCode: input.otp,
		otp: input.otp,
		password: input.newPassword,
	};
	const answer = await callEndpoint(this, WESAL_PORTAL, 'resetPassword', {
		operation: 'Account: Reset Password',
		scope: item,
		body,
	});
	return [{ json: resetOutput(answer, input) }];
}
