import { passwordResetOperation } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

/**
 * Sent without a login, as the doc does: a forgotten password must not stop it. The doc names
 * the emailed code `verifyCode` and leaves `otp` empty; the code goes in both so that a code
 * received by phone works too.
 */
const operation = passwordResetOperation(WESAL_PORTAL, 'resetPassword', (input) => ({
	method: input.method,
	email: input.email,
	verifyCode: input.otp,
	otp: input.otp,
	password: input.newPassword,
}));

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
