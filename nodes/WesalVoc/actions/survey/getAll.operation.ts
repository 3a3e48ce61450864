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
import { readSurveyFilters, surveyFilterFields } from '../../filters';
import { loadQuestions } from '../../questions';
import { searchSurveys, simplifySurvey } from '../../surveys';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 7 }).toISO() }}',
		description: 'Surveys completed at or after this time',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.toISO() }}',
		description: 'Surveys completed at or before this time',
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
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters = await readSurveyFilters(
		this,
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		OPERATION,
		itemIndex,
	);

	const surveys = await searchSurveys.call(
		this,
		OPERATION,
		{ start: range.start.toJSDate(), end: range.end.toJSDate() },
		filters,
		{ returnAll, limit },
		{ itemIndex, timeoutMs: options.timeout as number | undefined },
	);
	if (!options.simplify) return surveys.map((survey) => ({ json: survey as IDataObject }));
	const questions = await loadQuestions(this, OPERATION);
	return surveys.map((survey) => ({
		json: simplifySurvey(survey, questions) as unknown as IDataObject,
	}));
}
