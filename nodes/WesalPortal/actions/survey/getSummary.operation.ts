import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { groupByField, readDateRange, readGroupBy, timeoutOption } from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { extendedOption } from '../../survey';
import { summarizeSurveys } from '../../surveySummary';

const show = { resource: ['survey'], operation: ['getSummary'] };

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
	groupByField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				...extendedOption,
				description:
					'Whether to ask the API for more details on each survey (direction, duration, wrap-up); the figures are the same',
			},
			timeoutOption,
		],
	},
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
