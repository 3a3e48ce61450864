import { describeFailure } from './failure';
import { firstText, truncate } from './text';

/**
 * A clear login error for a credential's preAuthentication. It deliberately carries no HTTP
 * response: n8n retries a request once after a 401 by logging in again, which must not happen
 * when the login itself was refused.
 */
export function loginError(vendor: string, error: unknown, hint: string): Error {
	const failure = describeFailure(error);
	const vendorText = firstText(failure.body, ['message', 'error', 'errors', 'msg']);
	const reason =
		vendorText ??
		(failure.status !== undefined
			? `HTTP ${failure.status}`
			: failure.message
				? truncate(failure.message)
				: 'no answer');
	const status = failure.status !== undefined && vendorText ? ` (HTTP ${failure.status})` : '';
	return new Error(`${vendor} login failed: ${reason}${status}. ${hint}`);
}
