import type { DateTime } from 'luxon';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DateRange } from '../shared';
import { formatForVendor, readDateRange } from '../shared';

/** How the finalized-leads list is asked for a range: with the time of day, or whole days. */
export type DatePrecision = 'dateTime' | 'date';

/** YYYY-MM-DD (the calendar day as given) or YYYY-MM-DD+HH:mm:ss (in UTC). */
export function weCleverDate(value: DateTime, precision: DatePrecision): string {
	return precision === 'date'
		? value.toFormat('yyyy-MM-dd')
		: formatForVendor(value, 'spaced').replace(' ', '+');
}

export function datePrecisionField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Date Precision',
		name: 'datePrecision',
		type: 'options',
		options: [
			{
				name: 'Date and Time',
				value: 'dateTime',
				description: 'Send both dates with their time of day, in UTC (YYYY-MM-DD+HH:mm:ss)',
			},
			{
				name: 'Date Only',
				value: 'date',
				description: 'Send only the calendar days (YYYY-MM-DD), whole days included',
			},
		],
		default: 'dateTime',
		displayOptions: { show },
	};
}

export function readDatePrecision(context: IExecuteFunctions, itemIndex: number): DatePrecision {
	const value = context.getNodeParameter('datePrecision', itemIndex, 'dateTime') as unknown;
	if (value === 'dateTime' || value === 'date') return value;
	throw new NodeOperationError(
		context.getNode(),
		'Invalid "Date Precision": must be "dateTime" or "date"',
		{ itemIndex, description: `Got ${JSON.stringify(value)}. Nothing was sent.` },
	);
}

/** Start Date, End Date and Date Precision of Lead → Get Finalized and Get Summary. */
export function readLeadRange(
	context: IExecuteFunctions,
	itemIndex: number,
): { range: DateRange; precision: DatePrecision } {
	return {
		range: readDateRange(context, itemIndex),
		precision: readDatePrecision(context, itemIndex),
	};
}
