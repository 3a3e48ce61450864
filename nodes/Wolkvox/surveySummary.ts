import type { IDataObject, IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DateRange, RequestContext, Scale, SummaryGroup } from '../shared';
import { FeedbackSummary } from '../shared';
import { feedbackOf, streamSurveys, type ReadOptions, type SurveyFilters } from './survey';

/** Wolkvox publishes no answer scale: 1 to 5 unless the user sets another. */
export const SCALE_NOTE =
	'Wolkvox gives no answer scale: answers are read as 1–5 (higher is better) unless Options → Lowest Answer and Highest Answer say otherwise.';

export const scaleOptions: INodeProperties[] = [
	{
		displayName: 'Lowest Answer',
		name: 'scaleMin',
		type: 'number',
		default: 1,
		description:
			'The lowest answer of every question (Wolkvox gives no scale; 1–5 is assumed). With 0 and 10 the questions also get an NPS.',
	},
	{
		displayName: 'Highest Answer',
		name: 'scaleMax',
		type: 'number',
		default: 5,
		description: 'The highest (best) answer of every question',
	},
];

/** The scale of every question: 1–5 unless Options → Lowest / Highest Answer say otherwise. */
export function readScale(context: IExecuteFunctions | IPollFunctions, itemIndex?: number): Scale {
	const read = (name: string, fallback: number) =>
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter(`options.${name}`, fallback)
			: (context as IExecuteFunctions).getNodeParameter(`options.${name}`, itemIndex, fallback);
	const [min, max] = [read('scaleMin', 1), read('scaleMax', 5)];
	if (typeof min !== 'number' || typeof max !== 'number' || !(min < max)) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Lowest Answer" / "Highest Answer": the lowest must be a number below the highest',
			{ itemIndex, description: `Got ${JSON.stringify([min, max])}. Nothing was read.` },
		);
	}
	return { min, max, higherIsBetter: true };
}

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
