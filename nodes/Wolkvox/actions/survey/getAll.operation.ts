import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	optionsCollection,
	outputFields,
	readDateRange,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOption,
} from '../../../shared';
import {
	readSurveyFilters,
	readWindowDays,
	readSurveys,
	simplifySurvey,
	SURVEY_FIELDS,
	surveyFilterFields,
	windowDaysOption,
} from '../../survey';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Survey responses', 1),
	...returnAllOrLimit('survey', 'getAll'),
	{ ...surveyFilterFields, displayOptions: { show } },
	...outputFields('Wolkvox', SURVEY_FIELDS, show),
	optionsCollection([windowDaysOption, timeoutOption], show),
];

const OPERATION = 'Survey: Get Many';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const windowDays = readWindowDays(this, itemIndex);
	const output = readOutput(this, itemIndex);
	const filters = readSurveyFilters(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);

	const rows = await readSurveys(
		this,
		OPERATION,
		range,
		filters,
		{ returnAll, limit },
		{
			scope: item,
			windowDays,
		},
	);
	return rows.map((row) => ({ json: shapeOutput(output, row, () => simplifySurvey(row)) }));
}
