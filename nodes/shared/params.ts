import type { IDataObject, IExecuteFunctions, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType } from 'zod';

import { DEFAULT_TIMEOUT_MS } from './request';

/**
 * Validates node parameters with a zod schema and turns the first problem into a
 * NodeOperationError naming the field as the user sees it, before any request is sent.
 */
export function validateParameters<T>(
	node: INode,
	schema: ZodType<T>,
	values: unknown,
	labels: Record<string, string>,
	itemIndex?: number,
): T {
	const result = schema.safeParse(values);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const key = issue.path.find((part): part is string => typeof part === 'string' && part in labels);
	const field = key ? labels[key] : issue.path.join('.') || 'parameters';
	throw new NodeOperationError(node, `Invalid "${field}": ${issue.message}`, { itemIndex });
}

/** "a, b ,,c" -> ['a', 'b', 'c']; also accepts arrays (from expressions). */
export function listParameter(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Drops undefined and empty-string values so optional fields are not sent. */
export function compact(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(
			([, value]) => value !== undefined && value !== '' && value !== null,
		),
	);
}

/**
 * A whole-number parameter checked before anything is sent (expressions bypass the editor's
 * minimum and maximum); `fallback` when it is not set.
 */
export function readBoundedInteger(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	bounds: { min: number; max?: number; fallback?: number },
): number {
	const value = context.getNodeParameter(name, itemIndex, bounds.fallback ?? null) as unknown;
	const { min, max } = bounds;
	const valid =
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= min &&
		(max === undefined || value <= max);
	if (!valid) {
		const allowed =
			max === undefined
				? `a whole number of ${min} or more`
				: `a whole number from ${min} to ${max}`;
		throw new NodeOperationError(context.getNode(), `Invalid "${label}": must be ${allowed}`, {
			itemIndex,
			description: `Got ${JSON.stringify(value)}. Nothing was sent.`,
		});
	}
	return value;
}

/** The "Limit" of a Get Many. */
export function readLimit(context: IExecuteFunctions, itemIndex: number, max?: number): number {
	return readBoundedInteger(context, itemIndex, 'limit', 'Limit', { min: 1, max });
}

/**
 * Options → Timeout of an item (or of a trigger's poll), checked before anything is sent: 0
 * would mean "wait forever" to the HTTP client and a negative value makes it throw. The default
 * when the operation has no such option or it is not set.
 */
export function readTimeout(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): number {
	const value: unknown =
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter('options.timeout', null)
			: (context as IExecuteFunctions).getNodeParameter('options.timeout', itemIndex, null);
	if (value === undefined || value === null || value === '') return DEFAULT_TIMEOUT_MS;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Timeout": must be a positive number of milliseconds',
			{ itemIndex, description: `Got ${JSON.stringify(value)}. Nothing was sent.` },
		);
	}
	return value;
}

/**
 * name@domain.tld, checked in one pass (a regular expression with nested repetition takes
 * quadratic time on long input): one @, no spaces, a dot inside the domain.
 */
export function isEmailAddress(text: string): boolean {
	if (text.length > 254 || /\s/.test(text)) return false;
	const at = text.indexOf('@');
	if (at < 1 || at !== text.lastIndexOf('@')) return false;
	const domain = text.slice(at + 1);
	const dot = domain.lastIndexOf('.');
	return dot > 0 && dot < domain.length - 1;
}
