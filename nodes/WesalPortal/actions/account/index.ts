import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { passwordResetFields } from '../../../shared';
import * as logout from './logout.operation';
import * as resetPassword from './resetPassword.operation';
import * as sendResetCode from './sendResetCode.operation';

export const operations: Record<string, Operation> = { sendResetCode, resetPassword, logout };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Logout',
				value: 'logout',
				description: 'End the session of the credential (the next call logs in again)',
				action: 'Log out',
			},
			{
				name: 'Reset Password',
				value: 'resetPassword',
				description: 'Set a new password with the verification code',
				action: 'Reset the password',
			},
			{
				name: 'Send Reset Code',
				value: 'sendResetCode',
				description: 'Send a password reset code by email or phone',
				action: 'Send a password reset code',
			},
		],
		default: 'sendResetCode',
	},
	...passwordResetFields('account'),
];
