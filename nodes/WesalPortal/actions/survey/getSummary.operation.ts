import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	groupByField,
	optionsCollection,
	readDateRange,
	readGroupBy,
	timeoutOption,
} from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { extendedOption } from '../../survey';
import { summarizeSurveys } from '../../surveySummary';

const show = { resource: ['survey'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	{ ...companyField, displayOptions: { show } },
	...dateRangeFields(show, 'Surveys answered', 7),
	groupByField(show),
	optionsCollection(
		[
			{
				...extendedOption,
				description:
					'Whether to ask the API for more details on each survey (direction, duration, wrap-up); the figures are the same',
			},
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
	const companyId = readCompanyId(this, itemIndex);
	const range = readDateRange(this, itemIndex);
	const groupBy = readGroupBy(this, itemIndex);
	const extended = this.getNodeParameter('options.extended', itemIndex, false) === true;
	const rows = await summarizeSurveys(this, OPERATION, {
		companyId,
		start: range.start.toJSDate(),
		end: range.end.toJSDate(),
		extended,
		groupBy,
		timezone: this.getTimezone(),
		scope: item,
	});
	return rows.map((json) => ({ json }));
}
