import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	readDateRange,
	readLimit,
	returnAllOrLimit,
	simplifyOption,
	timeoutOption,
} from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { extendedOption } from '../../surveyFields';
import { PAGE_CONCURRENCY, searchSurveys, simplifySurvey } from '../../surveys';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{ ...companyField, displayOptions: { show } },
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 7 }).toISO() }}',
		description: 'Surveys answered at or after this time',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.toISO() }}',
		description: 'Surveys answered at or before this time',
		displayOptions: { show },
	},
	...returnAllOrLimit('survey', 'getAll'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			extendedOption,
			{
				...simplifyOption,
				description:
					'Whether to return the normalized feedback record (one score per question with its name and numeric value) instead of the raw survey',
			},
			timeoutOption,
		],
	},
];

const OPERATION = 'Survey: Get Many';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const companyId = readCompanyId(this, this.getNodeParameter('company', itemIndex), itemIndex);
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const surveys = await searchSurveys(
		this,
		OPERATION,
		{
			companyId,
			start: range.start.toJSDate(),
			end: range.end.toJSDate(),
			extended: options.extended === true,
			checkFields: options.simplify === true,
		},
		{ returnAll, limit },
		{
			itemIndex,
			timeoutMs: options.timeout as number | undefined,
			pageConcurrency: PAGE_CONCURRENCY,
		},
	);
	return surveys.map((survey) => ({
		json: (options.simplify ? simplifySurvey(survey) : survey) as unknown as IDataObject,
	}));
}
