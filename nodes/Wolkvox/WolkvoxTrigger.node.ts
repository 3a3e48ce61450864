import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	csatThresholdEventOption,
	lookbackOption,
	optionsCollection,
	outputFields,
	pollSurveys,
	readAnswerScale,
	readThresholdEvent,
	readTriggerSettings,
	startFromFields,
	thresholdFields,
	timeoutOption,
} from '../shared';
import { loadOptions } from './methods';
import {
	feedbackOf,
	rangeOf,
	readSurveyFilters,
	readSurveys,
	simplifySurvey,
	SURVEY_FIELDS,
	surveyFilterFields,
	surveyKey,
	surveyTime,
} from './survey';
import { SCALE_NOTE, scaleOptions } from './surveySummary';

const OPERATION = 'Trigger: New Survey Response';
const DAY_MS = 86_400_000;
/** "Fetch Test Event" looks back further only while it finds nothing: the last day, week, then month. */
const SAMPLE_WINDOWS_MS = [1 * DAY_MS, 7 * DAY_MS, 31 * DAY_MS];

export class WolkvoxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox Trigger',
		name: 'wolkvoxTrigger',
		icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey response"}}',
		description: 'Starts the workflow when customers answer a Wolkvox intelligent survey',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wolkvox',
		defaults: { name: 'Wolkvox Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wolkvoxApi', required: true }],
		properties: [
			{
				displayName:
					'Wolkvox advises reading this report at most once every 5 minutes: set Poll Times to every 5 minutes or more. A token serves one request at a time, so give this trigger its own token if other workflows use Wolkvox at the same moments.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Survey Response',
						value: 'newSurveyResponse',
						description: 'A customer answered the intelligent survey',
					},
					csatThresholdEventOption,
				],
				default: 'newSurveyResponse',
			},
			...thresholdFields(SCALE_NOTE),
			surveyFilterFields,
			...startFromFields,
			...outputFields('Wolkvox', SURVEY_FIELDS),
			optionsCollection([lookbackOption, ...scaleOptions, timeoutOption]),
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = readThresholdEvent(this);
		const threshold = event && { ...event, scale: readAnswerScale(this) };
		// The threshold's settings join the query: changing one starts the trigger again.
		const settings = readTriggerSettings(this, threshold ?? null);
		const filters = readSurveyFilters(this.getNodeParameter('filters', {}) as IDataObject);
		return await pollSurveys(this, settings, threshold, {
			read: async (start, end) =>
				await readSurveys(
					this,
					OPERATION,
					rangeOf(start, end),
					filters,
					{ returnAll: true, limit: 0 },
					{ scope: settings },
				),
			idOf: surveyKey,
			timeOf: surveyTime,
			sampleWindowsMs: SAMPLE_WINDOWS_MS,
			simplify: simplifySurvey,
			recordOf: feedbackOf,
			scales: async () => () => threshold?.scale,
		});
	}
}
