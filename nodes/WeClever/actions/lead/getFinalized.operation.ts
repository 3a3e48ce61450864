import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import {
	readDateRange,
	returnAllOrLimit,
	timeoutOption,
	validateParameters,
} from '../../../shared';
import { includeDetailsOption, leadSimplifyOption } from '../../descriptions';
import { findFinalizedLeads, leadOutput } from '../../leads';

const show = { resource: ['lead'], operation: ['getFinalized'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 1 }).toISO() }}',
		description: 'Leads finalized at or after this time',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.toISO() }}',
		description: 'Leads finalized at or before this time',
		displayOptions: { show },
	},
	{
		displayName: 'Date Precision',
		name: 'datePrecision',
		type: 'options',
		options: [
			{
				name: 'Date and Time',
				value: 'dateTime',
				description: 'Send both dates with their time of day, in UTC (YYYY-MM-DD+HH:mm:ss)',
			},
			{
				name: 'Date Only',
				value: 'date',
				description: 'Send only the calendar days (YYYY-MM-DD), whole days included',
			},
		],
		default: 'dateTime',
		displayOptions: { show },
	},
	...returnAllOrLimit('lead', 'getFinalized'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [includeDetailsOption, leadSimplifyOption, timeoutOption],
	},
];

const OPERATION = 'Lead: Get Finalized';

const WHOLE = 'must be a whole number of 1 or more';

const parameters = z.object({
	datePrecision: z.enum(['dateTime', 'date'], {
		errorMap: () => ({ message: 'must be "dateTime" or "date"' }),
	}),
	limit: z.number({ invalid_type_error: WHOLE }).int(WHOLE).min(1, WHOLE).optional(),
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const { datePrecision, limit } = validateParameters(
		this.getNode(),
		parameters,
		{
			datePrecision: this.getNodeParameter('datePrecision', itemIndex, 'dateTime'),
			limit: returnAll ? undefined : this.getNodeParameter('limit', itemIndex),
		},
		{ datePrecision: 'Date Precision', limit: 'Limit' },
		itemIndex,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const request = { itemIndex, timeoutMs: options.timeout as number | undefined };

	const leads = await findFinalizedLeads.call(this, OPERATION, range, datePrecision, request);
	const wanted = limit === undefined ? leads : leads.slice(0, limit);
	const output = await leadOutput.call(this, OPERATION, wanted, options, request);
	return output.map((json) => ({ json }));
}
