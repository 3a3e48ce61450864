import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	groupByField,
	readAnswerScale,
	optionsCollection,
	readDateRange,
	readGroupBy,
	timeoutOption,
} from '../../../shared';
import { datePrecisionField, readDatePrecision } from '../../datePrecision';
import { LEAD_GROUPS, scaleOptions, summarizeLeads } from '../../leadSummary';

const show = { resource: ['lead'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Leads finalized', 1),
	datePrecisionField(show),
	groupByField(show, LEAD_GROUPS),
	optionsCollection([...scaleOptions, timeoutOption], show),
];

const OPERATION = 'Lead: Get Summary';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const precision = readDatePrecision(this, itemIndex);
	const groupBy = readGroupBy(this, itemIndex, LEAD_GROUPS);
	const scale = readAnswerScale(this, itemIndex);
	const rows = await summarizeLeads(this, OPERATION, {
		range,
		precision,
		groupBy,
		scale,
		timezone: this.getTimezone(),
		scope: item,
	});
	return rows.map((json) => ({ json }));
}
