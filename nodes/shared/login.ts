import { ExecutionBaseError } from 'n8n-workflow';

import { describeFailure } from './failure';
import { truncate } from './text';
import type { VendorSpec } from './vendor';
import { CredentialFieldProblem } from './vendor';

/**
 * The vendor refused a credential's login (preAuthentication). n8n wraps it in a NodeApiError
 * that keeps its `context`, which is how the request layer tells it from a network failure:
 * a refused login is never retried (that could lock the account) and nothing else was sent.
 * It deliberately carries no HTTP response: n8n logs in again after a 401, which must not happen
 * when the login itself was refused.
 */
export class LoginRefusedError extends ExecutionBaseError {
	constructor(message: string) {
		super(message);
		this.context.loginRefused = true;
	}
}

/**
 * A credential field that makes the login's address impossible, as a refused login: nothing is
 * sent, and the credential test shows what to type (the CredentialFieldProblem's hint).
 */
export function fieldRefusal(error: unknown): Error {
	const hint = error instanceof CredentialFieldProblem ? ` ${error.hint}` : '';
	return new LoginRefusedError(`${(error as Error).message}.${hint}`);
}

/** Answers that say "not now" rather than "no": a login that meets them may be tried again. */
function isTransientAnswer(failure: ReturnType<typeof describeFailure>): boolean {
	if (failure.status === undefined) return failure.code !== undefined || failure.timedOut;
	return failure.status === 429 || failure.status >= 500;
}

/**
 * What a credential's preAuthentication throws when its login (or check of its secret) fails.
 * A refusal becomes a LoginRefusedError in the vendor's own words with what to check; it is
 * never retried, and the credential test shows its message as it is. A busy or unreachable
 * server is not a refusal: the original error goes on, so reads retry it as usual.
 */
export function loginError(
	vendor: Pick<VendorSpec, 'displayName' | 'errorText' | 'bodyFailure'>,
	error: unknown,
	hint: string,
	what: 'login' | 'token' | 'credentials' = 'login',
): Error {
	const failure = describeFailure(error);
	if (isTransientAnswer(failure) && error instanceof Error) return error;
	const vendorText = vendor.errorText(failure.body) ?? vendor.bodyFailure?.(failure.body);
	const name = vendor.displayName;
	const status = failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
	if (vendorText || failure.status !== undefined) {
		return new LoginRefusedError(
			`${name} refused the ${what}${vendorText ? `: ${vendorText}` : ''}${status}. ${hint}`,
		);
	}
	const reason = failure.message ? truncate(failure.message) : 'no answer';
	return new LoginRefusedError(`${name} did not accept the ${what}: ${reason}. ${hint}`);
}
