// The doc's answer and error shapes: `{ data, success: true }`, `{ success: false, code, message }`.
import { z, type ZodIssue } from 'zod';

import { EmuError, json, type EmuRequest, type EmuResponse } from '../../core/types';
import type { WesalPortalCode } from './constants';

/** An error answered with one of the doc's codes. */
export class PortalError extends EmuError {
	constructor(
		status: number,
		readonly code: WesalPortalCode,
		message: string,
	) {
		super(status, message);
	}
}

export const missing = (message: string) => new PortalError(400, 'X0000', message);
export const invalid = (message: string, status = 400) => new PortalError(status, 'X004', message);

/** A missing field is X0000, any other problem X004; the message names the field. */
export function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
	const result = schema.safeParse(value ?? {});
	if (result.success) return result.data;
	const issue: ZodIssue = result.error.issues[0];
	const field = issue.path
		.map((part) => (typeof part === 'number' ? `[${part}]` : part))
		.join('.')
		.replace(/\.\[/g, '[');
	const absent = issue.code === 'invalid_type' && issue.received === 'undefined';
	const text =
		issue.message.startsWith(field) || !field ? issue.message : `${field}: ${issue.message}`;
	throw absent ? missing(`${field} is required`) : invalid(text);
}

export function ok(data: unknown): EmuResponse {
	return json({ data, success: true });
}

export function header(req: EmuRequest, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}
