import { resource } from '../../../shared';
import * as sendCode from './sendCode.operation';
import * as validateCode from './validateCode.operation';

const table = resource('verification', 'sendCode', [
	{
		module: sendCode,
		name: 'Send Code',
		value: 'sendCode',
		description:
			'Send a two-factor code by SMS, email or call. Returns sent (true), the client reference, the channel and the destination.',
		action: 'Send a verification code',
	},
	{
		module: validateCode,
		name: 'Validate Code',
		value: 'validateCode',
		description:
			'Check a code a person entered against the codes sent to the client reference. Returns valid (true or false) and the client reference.',
		action: 'Validate a verification code',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
