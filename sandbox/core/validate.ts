import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { EmuError } from './types';

/** One readable message naming the field: custom messages already do, default ones get the path prefixed. */
export function zodMessage(error: ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'Invalid request';
	const path = issue.path.reduce<string>(
		(acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
		'',
	);
	if (!path || issue.message.startsWith(path)) return issue.message;
	return `${path}: ${issue.message}`;
}

/** Parses or throws EmuError(status) whose message names the first bad field. */
export function parseOrThrow<T>(
	schema: ZodType<T, ZodTypeDef, unknown>,
	value: unknown,
	status = 400,
): T {
	const result = schema.safeParse(value);
	if (!result.success) throw new EmuError(status, zodMessage(result.error));
	return result.data;
}
