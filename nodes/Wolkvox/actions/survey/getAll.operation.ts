import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	optionsCollection,
	outputFields,
	readBoundedInteger,
	readDateRange,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOption,
} from '../../../shared';
import {
	DEFAULT_WINDOW_DAYS,
	MAX_WINDOW_DAYS,
	readSurveyFilters,
	readSurveys,
	simplifySurvey,
	SURVEY_FIELDS,
	surveyFilterFields,
} from '../../survey';
import type { IExecuteFunctions } from 'n8n-workflow';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Survey responses', 1),
	...returnAllOrLimit('survey', 'getAll'),
	{ ...surveyFilterFields, displayOptions: { show } },
	...outputFields('Wolkvox', SURVEY_FIELDS, show),
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
			timeoutOption,
		],
		show,
	),
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
	const windowDays = readBoundedInteger(this, itemIndex, 'options.windowDays', 'Days per Request', {
		min: 1,
		max: MAX_WINDOW_DAYS,
		fallback: DEFAULT_WINDOW_DAYS,
	});
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
