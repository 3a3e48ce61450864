import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { accountDescription } from '../../../shared';
import * as logout from './logout.operation';
import * as resetPassword from './resetPassword.operation';
import * as sendResetCode from './sendResetCode.operation';

export const operations: Record<string, Operation> = { sendResetCode, resetPassword, logout };

/** What each operation returns, for people and AI agents choosing one. */
export const description: INodeProperties[] = accountDescription('account', operations, {
	logout: '{ success: true }',
	resetPassword: '{ success: true } with the method and email used, never the password',
	sendResetCode: '{ success: true } with the method and the email or phone used',
});
