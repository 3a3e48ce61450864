import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmailAddress } from './params';

/**
 * Account resource: Send Reset Code, Reset Password, Logout, with the fields they need and what
 * each operation declares itself (its Options).
 */
export function accountDescription(
	resource: string,
	operations: Record<string, { description: INodeProperties[] }>,
	returns: Partial<Record<'logout' | 'resetPassword' | 'sendResetCode', string>> = {},
): INodeProperties[] {
	const describe = (value: keyof typeof returns, what: string) =>
		returns[value] ? `${what}; returns ${returns[value]}` : what;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: [
				{
					name: 'Logout',
					value: 'logout',
					description: describe(
						'logout',
						'End the session of the credential (the next call logs in again)',
					),
					action: 'Log out',
				},
				{
					name: 'Reset Password',
					value: 'resetPassword',
					description: describe(
						'resetPassword',
						'Set a new password with the verification code, without logging in',
					),
					action: 'Reset the password',
				},
				{
					name: 'Send Reset Code',
					value: 'sendResetCode',
					description: describe(
						'sendResetCode',
						'Send a password reset code by email or phone, without logging in',
					),
					action: 'Send a password reset code',
				},
			],
			default: 'sendResetCode',
		},
		...passwordResetFields(resource),
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}

/** The account's email: in the Wesal credentials, and in the password-reset operations. */
export function emailField(show?: Record<string, string[]>, description?: string): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		...(description ? { description } : {}),
		...(show ? { displayOptions: { show } } : {}),
	};
}

/**
 * Account → Send Reset Code / Reset Password fields, shared by the vendors whose APIs reset a
 * password with a code sent by email or phone (both Wesal APIs).
 */
export function passwordResetFields(resource: string): INodeProperties[] {
	const both = { resource: [resource], operation: ['sendResetCode', 'resetPassword'] };
	return [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'Phone', value: 'phone' },
			],
			default: 'email',
			description: 'Where the verification code is sent',
			displayOptions: { show: both },
		},
		emailField({ ...both, method: ['email'] }),
		// A code sent by phone still resets the password of an account named by its email.
		emailField(
			{ resource: [resource], operation: ['resetPassword'], method: ['phone'] },
			'Email of the account whose password is reset',
		),
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { ...both, method: ['phone'] } },
		},
		{
			displayName: 'Verification Code',
			name: 'otp',
			type: 'string',
			default: '',
			required: true,
			description: 'The code received by email or phone',
			displayOptions: { show: { resource: [resource], operation: ['resetPassword'] } },
		},
		{
			displayName: 'New Password',
			name: 'newPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { resource: [resource], operation: ['resetPassword'] } },
		},
	];
}

/** Said by every check of the reset fields: a code may be rate-limited or mailed twice. */
const NOTHING_SENT = 'Nothing was sent.';

export interface PasswordResetInput {
	method: 'email' | 'phone';
	email: string;
	phone: string;
	otp: string;
	newPassword: string;
}

/** Reads and checks the fields before anything is sent. */
export function readPasswordReset(
	this: IExecuteFunctions,
	itemIndex: number,
	withCode: boolean,
): PasswordResetInput {
	const node = this.getNode();
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const method = text('method') as PasswordResetInput['method'];
	if (method !== 'email' && method !== 'phone') {
		throw new NodeOperationError(node, `Invalid "Method": "${method}" must be "email" or "phone"`, {
			itemIndex,
			description: NOTHING_SENT,
		});
	}
	const input: PasswordResetInput = {
		method,
		email: text('email'),
		phone: method === 'phone' ? text('phone') : '',
		otp: '',
		newPassword: '',
	};
	if ((method === 'email' || withCode) && !isEmailAddress(input.email)) {
		throw new NodeOperationError(
			node,
			`Invalid "Email": "${input.email}" is not an email address`,
			{ itemIndex, description: NOTHING_SENT },
		);
	}
	if (method === 'phone' && !/^\+?[\d\s-]{6,}$/.test(input.phone)) {
		throw new NodeOperationError(node, `Invalid "Phone": "${input.phone}" is not a phone number`, {
			itemIndex,
			description: NOTHING_SENT,
		});
	}
	if (withCode) {
		input.otp = text('otp');
		input.newPassword = String(this.getNodeParameter('newPassword', itemIndex, '') ?? '');
		if (!input.otp)
			throw new NodeOperationError(node, 'Invalid "Verification Code": it is required', {
				itemIndex,
				description: NOTHING_SENT,
			});
		if (!input.newPassword)
			throw new NodeOperationError(node, 'Invalid "New Password": it is required', {
				itemIndex,
				description: NOTHING_SENT,
			});
	}
	return input;
}

/** The answer of a reset call without anything secret the user typed. */
export function resetOutput(answer: IDataObject, input: PasswordResetInput): IDataObject {
	return {
		...answer,
		method: input.method,
		...(input.email ? { email: input.email } : {}),
		...(input.phone ? { phone: input.phone } : {}),
	};
}
