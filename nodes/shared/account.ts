import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callEndpoint } from './call';
import { timeoutOnlyOptions } from './descriptions';
import { readPasswordReset, resetOutput, type PasswordResetInput } from './passwordReset';
import type { ItemScope, Operation } from './router';
import type { Endpoint, VendorSpec } from './vendor';

type AccountEndpoint = 'logout' | 'sendResetCode' | 'resetPassword';

/** A vendor whose endpoint table has the account calls, each answering a JSON object. */
type AccountVendor<K extends AccountEndpoint> = VendorSpec<Record<K, Endpoint<IDataObject>>>;

const shownFor = (operation: AccountEndpoint) => [
	timeoutOnlyOptions({ resource: ['account'], operation: [operation] }),
];

/** Account → Logout: ends the credential's session; returns the vendor's answer. */
export function logoutOperation(vendor: AccountVendor<'logout'>): Operation {
	return {
		description: shownFor('logout'),
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const answer = await callEndpoint(this, vendor, 'logout', {
				operation: 'Account: Logout',
				scope: item,
			});
			return [{ json: answer }];
		},
	};
}

/** The request body a vendor makes of the checked reset fields. */
export type ResetBody = (
	this: IExecuteFunctions,
	input: PasswordResetInput,
	item: ItemScope,
) => IDataObject | Promise<IDataObject>;

/**
 * Account → Send Reset Code or Reset Password: the fields are checked before anything is sent,
 * and the answer comes back without anything secret the user typed.
 */
export function passwordResetOperation<K extends 'sendResetCode' | 'resetPassword'>(
	vendor: AccountVendor<K>,
	endpoint: K,
	body: ResetBody,
): Operation {
	const withCode = endpoint === 'resetPassword';
	return {
		description: shownFor(endpoint),
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const input = readPasswordReset.call(this, item.itemIndex, withCode);
			const answer = await callEndpoint(this, vendor, endpoint, {
				operation: withCode ? 'Account: Reset Password' : 'Account: Send Reset Code',
				scope: item,
				body: await body.call(this, input, item),
			});
			return [{ json: resetOutput(answer, input) }];
		},
	};
}
