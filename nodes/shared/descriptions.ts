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
	return optionsCollection([timeoutOption], show);
}

type Show = Record<string, string[]>;

/** The Options collection of an operation or trigger: the options given, in that order. */
export function optionsCollection(options: INodeProperties[], show?: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...(show ? { displayOptions: { show } } : {}),
		options,
	};
}

/**
 * Start Date and End Date of a read: `items` says what they bound (e.g. 'Surveys answered'), the
 * default range is the last `days` days up to now.
 */
export function dateRangeFields(show: Show, items: string, days: number): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: `={{ $now.minus({ days: ${days} }).toISO() }}`,
			description: `${items} at or after this time`,
			displayOptions: { show },
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '={{ $now.toISO() }}',
			description: `${items} at or before this time`,
			displayOptions: { show },
		},
	];
}

/** The Operation dropdown of one resource. */
export function operationField(
	resource: string,
	options: NonNullable<INodeProperties['options']>,
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
