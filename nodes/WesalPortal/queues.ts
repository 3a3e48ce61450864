import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext } from '../shared';
import { listParameter } from '../shared';
import { envelope } from './transport';

/** The doc has no call that lists queues: their IDs come from the administrator. */
export function queueIdsField(operation: string): INodeProperties {
	return {
		displayName: 'Queue IDs',
		name: 'queueIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '01756dxx-xxxx-xxxx-xxxx-7c12cf9a0dxx, 02795dxx-xxxx-xxxx-xxxx-2f13cf5a0dxx',
		description:
			'IDs of the queues, comma-separated (or an array from an expression), as given by your administrator',
		displayOptions: { show: { resource: ['queue'], operation: [operation] } },
	};
}

export function readQueueIds(context: RequestContext, raw: unknown, itemIndex?: number): string[] {
	const ids = [...new Set(listParameter(raw))];
	if (ids.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Queue IDs": give at least one queue ID',
			{
				itemIndex,
				description: 'Queue IDs are comma-separated, e.g. 01756dxx-…, 02795dxx-…',
			},
		);
	}
	return ids;
}

/** `{ data: { success, result: [...] }, success }`: one result per queue asked for. */
export function queueResultSchema<T extends z.ZodTypeAny>(entry: T) {
	return envelope(
		z.object({ success: z.boolean().optional(), result: z.array(entry) }).passthrough(),
	);
}

const looseEntry = z.object({}).passthrough() as unknown as z.ZodType<IDataObject>;
export const summarySchema = queueResultSchema(looseEntry);
export const activitySchema = queueResultSchema(looseEntry);

export const performanceSchema = queueResultSchema(
	z
		.object({
			queryId: z.string().nullish(),
			queueId: z.string().nullish(),
			success: z.boolean().nullish(),
			data: z
				.array(
					z
						.object({ interval: z.string().nullish(), metrics: z.record(z.unknown()).nullish() })
						.passthrough(),
				)
				.nullish(),
		})
		.passthrough(),
);
