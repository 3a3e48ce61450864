import type { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { CallScope, DateRange, RequestContext, Scale, SummaryGroup } from '../shared';
import { answerScaleOptions, FeedbackSummary } from '../shared';
import type { DatePrecision } from './datePrecision';
import { findFinalizedLeads, leadFeedback, withDetails } from './lead';

/** A lead's chat always has channel "chat", and leads name no agent or queue: only the dates group. */
export const LEAD_GROUPS: SummaryGroup[] = ['day', 'week'];

export const scaleOptions = answerScaleOptions(
	'The lowest CSAT rating a customer can give. WeClever does not say which scale its ratings use, so 1–5 is assumed; with 0 and 10 the summary also gives an NPS.',
	'The highest (best) CSAT rating a customer can give',
);

export interface LeadSummaryRequest {
	range: DateRange;
	precision: DatePrecision;
	groupBy: SummaryGroup[];
	scale: Scale;
	timezone: string;
	scope?: CallScope;
}

/** The range as it was asked for: the instants in UTC, or the calendar days with Date Only. */
const bound = (value: DateTime, precision: DatePrecision) =>
	precision === 'date' ? value.toFormat('yyyy-MM-dd') : value.toUTC().toISO();

/**
 * Lead → Get Summary: the finalized list of the range, then each lead's details (the requests of
 * Get Finalized with Include Details), each counted as it arrives and dropped: memory holds the
 * groups, not the leads.
 */
export async function summarizeLeads(
	context: RequestContext,
	operation: string,
	request: LeadSummaryRequest,
): Promise<IDataObject[]> {
	const { range, precision, scope } = request;
	const summary = new FeedbackSummary({
		groupBy: request.groupBy,
		questions: [{ id: 'csat', name: 'CSAT' }],
		scaleOf: () => request.scale,
		timezone: request.timezone,
		fields: { from: bound(range.start, precision), to: bound(range.end, precision) },
	});
	const entries = await findFinalizedLeads(context, operation, range, precision, scope);
	await withDetails(
		context,
		operation,
		entries,
		(record) => summary.add(leadFeedback(record)),
		scope,
	);
	return summary.rows();
}
