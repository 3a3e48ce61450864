import { isRecord } from './text';

/** What we could learn from a failed HTTP attempt, whatever shape n8n or axios gave it. */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	/** Network error code: ECONNRESET, ECONNREFUSED, ETIMEDOUT, ECONNABORTED... */
	code?: string;
	timedOut: boolean;
	/** Set when the failure did not come from HTTP at all (e.g. a login error thrown by a credential). */
	message?: string;
	/** The credential's login was refused (LoginRefusedError): nothing else was sent. */
	loginRefused?: boolean;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!isRecord(headers)) return result;
	for (const [key, value] of Object.entries(headers)) {
		if (value !== undefined && value !== null) result[key.toLowerCase()] = String(value);
	}
	return result;
}

const NETWORK_CODE = /\b(E[A-Z]{4,}|ERR_[A-Z_]+)\b/;
const NETWORK_TEXT: Array<[RegExp, string]> = [
	[/closed unexpectedly|socket hang up/i, 'ECONNRESET'],
	[/refused/i, 'ECONNREFUSED'],
	[/timed? ?out|timeout|aborted/i, 'ETIMEDOUT'],
];

/** Every string message an error chain carries (n8n keeps the original ones in `messages`). */
function messagesOf(chain: Array<Record<string, unknown>>): string[] {
	return chain
		.flatMap((entry) => [entry.message, ...(Array.isArray(entry.messages) ? entry.messages : [])])
		.filter((text): text is string => typeof text === 'string');
}

/**
 * Whether an error (or the NodeApiError n8n wrapped it in, which keeps its `context`) is a
 * refused login (LoginRefusedError in login.ts).
 */
export function isLoginRefused(error: unknown): boolean {
	const context =
		isRecord(error) || error instanceof Error
			? (error as { context?: unknown }).context
			: undefined;
	return isRecord(context) && context.loginRefused === true;
}

/**
 * Reads an error from a request: our own HTTP failures carry `response`; n8n's NodeApiError
 * (from httpRequestWithAuthentication) keeps only `httpCode`, `context.data` and its messages,
 * and rewrites network errors into sentences, so their code is recovered from the text.
 */
export function describeFailure(error: unknown): HttpFailure {
	const chain: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	while (
		(isRecord(current) || current instanceof Error) &&
		!chain.includes(current as unknown as Record<string, unknown>)
	) {
		chain.push(current as unknown as Record<string, unknown>);
		current = (current as unknown as Record<string, unknown>).cause;
	}
	const response = chain.map((entry) => entry.response).find(isRecord);
	const context = chain
		.map((entry) => entry.context)
		.find((value) => isRecord(value) && 'data' in value) as Record<string, unknown> | undefined;
	const status =
		Number(response?.status ?? chain.map((entry) => entry.httpCode).find(Boolean)) || undefined;
	const texts = messagesOf(chain);
	const ownCode = chain.map((entry) => entry.code).find((value) => typeof value === 'string') as
		| string
		| undefined;
	const textCode = texts.map((text) => NETWORK_CODE.exec(text)?.[1]).find(Boolean);
	const guessed = NETWORK_TEXT.find(([pattern]) => texts.some((text) => pattern.test(text)))?.[1];
	const code = status === undefined ? (ownCode ?? textCode ?? guessed) : ownCode;
	return {
		status,
		body: response ? response.data : context?.data,
		headers: lowerCaseHeaders(response?.headers),
		code,
		timedOut: status === undefined && code !== undefined && TIMEOUT_CODES.has(code),
		message: status === undefined ? texts[0] : undefined,
		loginRefused: chain.some(isLoginRefused),
	};
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(failure: HttpFailure, now = Date.now()): number | undefined {
	const value = failure.headers['retry-after'];
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
