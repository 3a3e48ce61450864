import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readPasswordReset, resetOutput, timeoutOnlyOptions } from '../../../shared';
import { resultSchema, wesalVocRequest } from '../../transport';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['account'], operation: ['resetPassword'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const input = readPasswordReset.call(this, itemIndex, true);
	// The doc sends the code as `otp` and keeps `verifyCode` for links sent by email: send both.
	const body = {
		method: input.method,
		email: input.email,
		phone: input.phone || undefined,
		verifyCode: input.otp,
		otp: input.otp,
		password: input.newPassword,
	};
	const answer = await wesalVocRequest(this, 'resetPassword', {
		operation: 'Account: Reset Password',
		body,
		schema: resultSchema,
		itemIndex,
	});
	return [{ json: resetOutput(answer, input) }];
}
