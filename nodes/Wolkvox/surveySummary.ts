import type { IDataObject } from 'n8n-workflow';

import type { DateRange, RequestContext, Scale, SummaryGroup } from '../shared';
import { answerScaleOptions, FeedbackSummary } from '../shared';
import { feedbackOf, streamSurveys, type ReadOptions, type SurveyFilters } from './survey';

/** Wolkvox publishes no answer scale: 1 to 5 unless the user sets another. */
export const SCALE_NOTE =
	'Wolkvox gives no answer scale: answers are read as 1–5 (higher is better) unless Options → Lowest Answer and Highest Answer say otherwise.';

export const scaleOptions = answerScaleOptions(
	'The lowest answer of every question (Wolkvox gives no scale; 1–5 is assumed). With 0 and 10 the questions also get an NPS.',
	'The highest (best) answer of every question',
);

export interface SummaryRequest {
	range: DateRange;
	filters: SurveyFilters;
	options: ReadOptions;
	groupBy: SummaryGroup[];
	scale: Scale;
	timezone: string;
}

/** Survey → Get Summary: the windows Get Many reads (the same requests), counted one by one. */
export async function summarizeSurveys(
	context: RequestContext,
	operation: string,
	request: SummaryRequest,
): Promise<IDataObject[]> {
	const summary = new FeedbackSummary({
		groupBy: request.groupBy,
		scaleOf: () => request.scale,
		timezone: request.timezone,
		fields: { from: request.range.start.toUTC().toISO(), to: request.range.end.toUTC().toISO() },
	});
	await streamSurveys(
		context,
		operation,
		request.range,
		request.filters,
		request.options,
		(rows) => {
			for (const row of rows) summary.add(feedbackOf(row));
		},
	);
	return summary.rows();
}
