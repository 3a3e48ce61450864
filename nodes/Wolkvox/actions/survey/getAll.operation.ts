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
	simplifyOption,
	timeoutOption,
	validateParameters,
} from '../../../shared';
import { readSurveyFilters, surveyFilterFields } from '../../filters';
import { simplifySurvey, surveyItem } from '../../output';
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, readSurveys } from '../../surveys';

const show = { resource: ['survey'], operation: ['getAll'] };

export const windowDaysOption: INodeProperties = {
	displayName: 'Days per Request',
	name: 'windowDays',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_WINDOW_DAYS },
	default: DEFAULT_WINDOW_DAYS,
	description:
		'Longer ranges are read in windows of this many days, one request after another (the API allows at most 31 days per request)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 1 }).toISO() }}',
		description: 'Survey responses at or after this time',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.toISO() }}',
		description: 'Survey responses at or before this time',
		displayOptions: { show },
	},
	...returnAllOrLimit('survey', 'getAll'),
	{ ...surveyFilterFields, displayOptions: { show } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			windowDaysOption,
			{
				...simplifyOption,
				description:
					'Whether to return the normalized feedback record (q1..qN as scores, feeling as sentiment) instead of the report row',
			},
			timeoutOption,
		],
	},
];

const OPERATION = 'Survey: Get Many';

const settingsSchema = z.object({
	limit: z.number().int('must be a whole number').min(1, 'must be at least 1'),
	windowDays: z
		.number()
		.int('must be a whole number of days')
		.min(1, `must be between 1 and ${MAX_WINDOW_DAYS} days`)
		.max(MAX_WINDOW_DAYS, `must be between 1 and ${MAX_WINDOW_DAYS} days`),
	timeout: z.number().positive('must be a positive number of milliseconds').optional(),
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const settings = validateParameters(
		this.getNode(),
		settingsSchema,
		{
			limit: returnAll ? 1 : this.getNodeParameter('limit', itemIndex),
			windowDays: options.windowDays ?? DEFAULT_WINDOW_DAYS,
			timeout: options.timeout,
		},
		{ limit: 'Limit', windowDays: 'Days per Request', timeout: 'Timeout' },
		itemIndex,
	);
	const filters = readSurveyFilters(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);

	const rows = await readSurveys.call(
		this,
		OPERATION,
		range,
		filters,
		{ returnAll, limit: settings.limit },
		{
			itemIndex,
			timeoutMs: settings.timeout,
			windowDays: settings.windowDays,
		},
	);
	return rows.map((row) => ({
		json: options.simplify ? (simplifySurvey(row) as unknown as IDataObject) : surveyItem(row),
	}));
}
