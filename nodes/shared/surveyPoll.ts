import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { readOutput, shapeOutput } from './output';
import type { PollSource } from './pollCursor';
import { pollNewItems } from './pollCursor';
import type { ThresholdSettings, ThresholdVendor } from './threshold';
import { CSAT_BELOW_THRESHOLD, pollCsatThreshold, readThresholdSettings } from './threshold';
import type { TriggerSettings } from './trigger';
import { newestInWindows } from './trigger';

const WEEK_MS = 7 * 86_400_000;

/** The threshold's settings when the trigger's event is CSAT Below Threshold. */
export function readThresholdEvent(context: IPollFunctions): ThresholdSettings | undefined {
	return context.getNodeParameter('event') === CSAT_BELOW_THRESHOLD
		? readThresholdSettings(context)
		: undefined;
}

/**
 * What a survey trigger reads from its vendor and how it makes each survey an output; for CSAT
 * Below Threshold also a survey's answers and each question's scale (read once per poll).
 */
export interface SurveyFeed<T> extends Omit<ThresholdVendor<T>, 'shape'> {
	/** Every survey of the trigger's query answered within [start, end], all pages. */
	read(start: Date, end: Date): Promise<T[]>;
	idOf(survey: T): string;
	timeOf(survey: T): Date | undefined;
	/** New Survey's Fetch Test Event looks back this far, widening only while nothing is found. */
	sampleWindowsMs: number[];
	/** The Simplified output of a survey. */
	simplify(survey: T): IDataObject;
}

/** The poll source of a survey trigger: its window reader, and the newest survey as a sample. */
export function surveySource<T>(feed: SurveyFeed<T>): PollSource<T> {
	return {
		fetchWindow: feed.read,
		fetchSample: async () => await newestInWindows(feed.read, feed.sampleWindowsMs, feed.timeOf),
		idOf: feed.idOf,
		timeOf: feed.timeOf,
	};
}

/**
 * One poll of a survey trigger: the new surveys in the Output's shape, or with a threshold the
 * groups whose CSAT fell below it (Fetch Test Event then reads the last week).
 */
export async function pollSurveys<T extends object>(
	context: IPollFunctions,
	settings: TriggerSettings,
	threshold: ThresholdSettings | undefined,
	feed: SurveyFeed<T>,
): Promise<INodeExecutionData[][] | null> {
	const output = readOutput(context);
	const shape = (survey: T) => shapeOutput(output, survey, () => feed.simplify(survey));
	const source = surveySource(feed);
	if (threshold) {
		const lastWeek = async () => await feed.read(new Date(Date.now() - WEEK_MS), new Date());
		return await pollCsatThreshold(
			context,
			{ ...source, fetchSample: lastWeek },
			settings,
			threshold,
			{ recordOf: feed.recordOf, shape, scales: feed.scales },
		);
	}
	const surveys = await pollNewItems(context, source, settings);
	return surveys ? [surveys.map((survey) => ({ json: shape(survey) }))] : null;
}
