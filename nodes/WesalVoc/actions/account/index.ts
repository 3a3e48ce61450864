import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { accountDescription } from '../../../shared';
import * as logout from './logout.operation';
import * as resetPassword from './resetPassword.operation';
import * as sendResetCode from './sendResetCode.operation';

export const operations: Record<string, Operation> = { sendResetCode, resetPassword, logout };

/** What each operation returns, for people and AI agents choosing one. */
const RETURNS: Record<string, string> = {
	logout:
		"End the credential's session (the next call logs in again); returns Wesal VoC's result and message",
	resetPassword:
		"Set a new password with the verification code, without logging in; returns Wesal VoC's result and message with the method and email (never the password)",
	sendResetCode:
		"Send a password reset code by email or phone, without logging in; returns Wesal VoC's result and message with the method and the email or phone",
};

const [operation, ...fields] = accountDescription('account', operations);

export const description: INodeProperties[] = [
	{
		...operation,
		options: (operation.options as INodePropertyOptions[]).map((option) => ({
			...option,
			description: RETURNS[String(option.value)] ?? option.description,
		})),
	},
	...fields,
];
