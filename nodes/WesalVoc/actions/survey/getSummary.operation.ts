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
	readDateRange,
	readGroupBy,
	timeoutOnlyOptions,
} from '../../../shared';
import { readSurveyFilters, surveyFilterFields } from '../../surveyFilters';
import { summarizeSurveys } from '../../surveySummary';

const show = { resource: ['survey'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Surveys completed', 7),
	groupByField(show),
	{ ...surveyFilterFields, displayOptions: { show } },
	timeoutOnlyOptions(show),
];

const OPERATION = 'Survey: Get Summary';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const groupBy = readGroupBy(this, itemIndex);
	const filters = await readSurveyFilters(
		this,
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		OPERATION,
		item,
	);
	const rows = await summarizeSurveys(this, OPERATION, {
		window: { start: range.start.toJSDate(), end: range.end.toJSDate() },
		filters,
		groupBy,
		timezone: this.getTimezone(),
		scope: item,
	});
	return rows.map((json) => ({ json }));
}
