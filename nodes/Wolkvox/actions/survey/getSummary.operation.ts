import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	groupByField,
	optionsCollection,
	readDateRange,
	readAnswerScale,
	readGroupBy,
	timeoutOption,
} from '../../../shared';
import {
	readSurveyFilters,
	readWindowDays,
	surveyFilterFields,
	windowDaysOption,
} from '../../survey';
import { scaleOptions, summarizeSurveys } from '../../surveySummary';

const show = { resource: ['survey'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Survey responses', 1),
	groupByField(show),
	{ ...surveyFilterFields, displayOptions: { show } },
	optionsCollection([windowDaysOption, ...scaleOptions, timeoutOption], show),
];

const OPERATION = 'Survey: Get Summary';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const groupBy = readGroupBy(this, itemIndex);
	const scale = readAnswerScale(this, itemIndex);
	const windowDays = readWindowDays(this, itemIndex);
	const filters = readSurveyFilters(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const rows = await summarizeSurveys(this, OPERATION, {
		range,
		filters,
		options: { scope: item, windowDays },
		groupBy,
		scale,
		timezone: this.getTimezone(),
	});
	return rows.map((json) => ({ json }));
}
