import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType } from 'zod';

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

/** The "Limit" of a Get Many, checked before anything is sent (expressions bypass the UI minimum). */
export function readLimit(context: IExecuteFunctions, itemIndex: number, max?: number): number {
	const value = context.getNodeParameter('limit', itemIndex) as unknown;
	const valid =
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 1 &&
		(max === undefined || value <= max);
	if (!valid) {
		const allowed =
			max === undefined ? 'a whole number of 1 or more' : `a whole number from 1 to ${max}`;
		throw new NodeOperationError(context.getNode(), `Invalid "Limit": must be ${allowed}`, {
			itemIndex,
			description: `Got ${JSON.stringify(value)}.`,
		});
	}
	return value;
}
