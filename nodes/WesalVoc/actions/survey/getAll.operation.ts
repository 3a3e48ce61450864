import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	outputFields,
	readDateRange,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { loadQuestions } from '../../company';
import { searchSurveys, simplifySurvey, SURVEY_FIELDS } from '../../survey';
import { readSurveyFilters, surveyFilterFields } from '../../surveyFilters';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Surveys completed', 7),
	...returnAllOrLimit('survey', 'getAll'),
	{ ...surveyFilterFields, displayOptions: { show } },
	...outputFields('Wesal VoC', SURVEY_FIELDS, show),
	timeoutOnlyOptions(show),
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
	const output = readOutput(this, itemIndex);
	const filters = await readSurveyFilters(
		this,
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		OPERATION,
		item,
	);

	const surveys = await searchSurveys(
		this,
		OPERATION,
		{ start: range.start.toJSDate(), end: range.end.toJSDate() },
		filters,
		{ returnAll, limit },
		item,
	);
	// After the search, which logged in if needed: the schema then comes with no extra request.
	const questions = output.mode === 'raw' ? [] : await loadQuestions(this, OPERATION, item);
	return surveys.map((survey) => ({
		json: shapeOutput(output, survey, () => simplifySurvey(survey, questions)),
	}));
}
