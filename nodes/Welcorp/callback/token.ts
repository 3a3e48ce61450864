import { createHash, timingSafeEqual } from 'crypto';

/** Compares without leaking, through timing, how much of the token was right. */
export function tokensMatch(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(expected));
}
