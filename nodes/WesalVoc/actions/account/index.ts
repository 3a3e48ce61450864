import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { accountDescription } from '../../../shared';
import * as logout from './logout.operation';
import * as resetPassword from './resetPassword.operation';
import * as sendResetCode from './sendResetCode.operation';

export const operations: Record<string, Operation> = { sendResetCode, resetPassword, logout };

export const description: INodeProperties[] = accountDescription('account', operations);
