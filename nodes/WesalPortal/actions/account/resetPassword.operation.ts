import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { successSchema, wesalPortalRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['resetPassword'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, itemIndex, true);
	// The doc names the emailed code `verifyCode` and leaves `otp` empty; the code goes in both so
	// that a code received by phone works too.
	const body = {
		method: input.method,
		email: input.email,
		verifyCode: input.otp,
		otp: input.otp,
		password: input.newPassword,
	};
	const answer = await wesalPortalRequest(this, 'resetPassword', {
		operation: 'Account: Reset Password',
		body,
		schema: successSchema,
		itemIndex,
	});
	return [{ json: resetOutput(answer, input) }];
}
