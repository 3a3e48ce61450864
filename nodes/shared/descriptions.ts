import type { INodeProperties } from 'n8n-workflow';

/** Fields every "Get Many" shares, shown for the given resource and operation. */
export function returnAllOrLimit(
	resource: string,
	operation: string,
	maxLimit?: number,
): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60000,
	description:
		'Milliseconds to wait for each answer; a read that times out is retried a few times before failing',
};

export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const lookbackOption: INodeProperties = {
	displayName: 'Late Arrival Window (Minutes)',
	name: 'lookbackMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 10,
	description:
		'How far back each poll looks again for items that reach the service late; items are never emitted twice',
};

/** An Options collection holding only the Timeout, for operations with nothing else to tune. */
export function timeoutOnlyOptions(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [timeoutOption],
	};
}
