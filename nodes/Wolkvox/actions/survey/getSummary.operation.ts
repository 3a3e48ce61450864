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
	readBoundedInteger,
	readDateRange,
	readGroupBy,
	timeoutOption,
} from '../../../shared';
import {
	DEFAULT_WINDOW_DAYS,
	MAX_WINDOW_DAYS,
	readSurveyFilters,
	surveyFilterFields,
} from '../../survey';
import { readScale, scaleOptions, summarizeSurveys } from '../../surveySummary';

const show = { resource: ['survey'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Survey responses', 1),
	groupByField(show),
	{ ...surveyFilterFields, displayOptions: { show } },
	optionsCollection(
		[
			{
				displayName: 'Days per Request',
				name: 'windowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_WINDOW_DAYS },
				default: DEFAULT_WINDOW_DAYS,
				description:
					'Longer ranges are read in windows of this many days, one request after another (the API allows at most 31 days per request)',
			},
			...scaleOptions,
			timeoutOption,
		],
		show,
	),
];

const OPERATION = 'Survey: Get Summary';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const groupBy = readGroupBy(this, itemIndex);
	const scale = readScale(this, itemIndex);
	const windowDays = readBoundedInteger(this, itemIndex, 'options.windowDays', 'Days per Request', {
		min: 1,
		max: MAX_WINDOW_DAYS,
		fallback: DEFAULT_WINDOW_DAYS,
	});
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
