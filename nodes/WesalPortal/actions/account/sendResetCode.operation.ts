import { passwordResetOperation } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

/** Sent without a login, as the doc does: a forgotten password must not stop it. */
const operation = passwordResetOperation(WESAL_PORTAL, 'sendResetCode', (input) => {
	// The doc's example sends all three fields, the unused contact empty.
	const { method, email, phone } = input;
	return { method, email, phone };
});

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
