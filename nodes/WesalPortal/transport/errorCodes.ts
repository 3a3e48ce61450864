import { firstText, isRecord } from '../../shared';

/** The doc's error codes, in words a user can act on. */
export const ERROR_CODES: Record<string, string> = {
	X0000: 'some mandatory parameters are missing',
	X001: 'the Client ID (secret key) is unknown or expired',
	X002: 'the Client ID (secret key) is not valid for this domain',
	X003: 'the user token is unknown or expired',
	X004: 'the request is invalid',
};

const CODE_PATTERN = /\bX\d{3,4}\b/;

/** The X-code of an error answer, wherever the body carries it. */
export function errorCode(body: unknown): string | undefined {
	if (!isRecord(body)) return undefined;
	const nested = isRecord(body.error) ? body.error : {};
	for (const value of [body.code, body.errorCode, nested.code]) {
		if (typeof value === 'string' && CODE_PATTERN.test(value)) return value.match(CODE_PATTERN)![0];
	}
	const text = firstText(body, ['message', 'error']);
	return text?.match(CODE_PATTERN)?.[0];
}

/** The queue calls nest their own `{ success: false, message }` in `data`. */
export function failedPart(body: unknown): Record<string, unknown> | undefined {
	if (!isRecord(body)) return undefined;
	if (body.success === false) return body;
	if (isRecord(body.data) && body.data.success === false) return body.data;
	return undefined;
}

function ownText(body: unknown): string | undefined {
	const code = errorCode(body);
	const message = firstText(body, ['message', 'error', 'errors', 'msg']);
	if (!code) return message;
	const meaning = ERROR_CODES[code];
	const head = meaning ? `${code} (${meaning})` : code;
	return message && message !== code ? `${head}: ${message}` : head;
}

/** "X003 (the user token is unknown or expired): Unknown or invalid user token" */
export function errorText(body: unknown): string | undefined {
	const own = ownText(body);
	if (own) return own;
	const failed = failedPart(body);
	return failed && failed !== body ? ownText(failed) : undefined;
}
