import type { HttpFailure } from './failure';
import { retryAfterMs } from './failure';

/** Bounded retries for idempotent reads: at most 4 attempts, about 2 s of backoff in all. */
export const READ_RETRY = {
	attempts: 4,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	/** A Retry-After longer than this is not waited for: the read fails instead. */
	maxRetryAfterMs: 60_000,
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

export function isTransient(failure: HttpFailure, malformed: boolean): boolean {
	// A refused login would only be refused again (and could lock the account).
	if (failure.loginRefused) return false;
	if (malformed || failure.timedOut) return true;
	if (failure.status !== undefined) return RETRYABLE_STATUS.has(failure.status);
	return failure.code !== undefined && RETRYABLE_CODES.has(failure.code);
}

/** Delay before retry number `attempt` (1-based), or undefined when the server asks for too long. */
export function retryDelayMs(failure: HttpFailure, attempt: number): number | undefined {
	const asked = retryAfterMs(failure);
	if (asked !== undefined) return asked <= READ_RETRY.maxRetryAfterMs ? asked : undefined;
	return Math.min(READ_RETRY.baseDelayMs * 2 ** (attempt - 1), READ_RETRY.maxDelayMs);
}
