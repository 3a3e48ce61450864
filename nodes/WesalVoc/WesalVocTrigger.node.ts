import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { SurveyFeed } from '../shared';
import {
	csatThresholdEventOption,
	lookbackOption,
	optionsCollection,
	outputFields,
	pollNewItemsAndEnrich,
	pollSurveys,
	readOutput,
	readThresholdEvent,
	readTriggerSettings,
	shapeOutput,
	startFromFields,
	surveySource,
	thresholdFields,
	timeoutOption,
} from '../shared';
import { loadQuestions, storedQuestions } from './company';
import { loadOptions } from './methods';
import {
	feedbackOf,
	searchSurveys,
	simplifySurvey,
	SURVEY_FIELDS,
	surveyTime,
	type Survey,
} from './survey';
import { scalesOf } from './surveySummary';
import type { Question } from './transport';
import { readSurveyFilters, surveyFilterFields } from './surveyFilters';

const OPERATION = 'Trigger: New Survey';
const DAY_MS = 86_400_000;
/** "Fetch Test Event" looks back further only while it finds nothing: the last day, week, then month. */
const SAMPLE_WINDOWS_MS = [1 * DAY_MS, 7 * DAY_MS, 30 * DAY_MS];

export class WesalVocTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal VoC Trigger',
		name: 'wesalVocTrigger',
		icon: { light: 'file:wesalVoc.svg', dark: 'file:wesalVoc.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey"}}',
		description: 'Starts the workflow when customers complete a Wesal VoC survey',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-voc',
		defaults: { name: 'Wesal VoC Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wesalVocApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Survey', value: 'newSurvey', description: 'A survey was completed' },
					csatThresholdEventOption,
				],
				default: 'newSurvey',
			},
			...thresholdFields("Each question's scale is read from the company's question schema."),
			surveyFilterFields,
			...startFromFields,
			...outputFields('Wesal VoC', SURVEY_FIELDS),
			optionsCollection([lookbackOption, timeoutOption]),
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const threshold = readThresholdEvent(this);
		// The threshold's settings join the query: changing one starts the trigger again.
		const settings = readTriggerSettings(this, threshold ?? null);
		const scope = { timeoutMs: settings.timeoutMs };
		const filters = await readSurveyFilters(
			this,
			this.getNodeParameter('filters', {}) as IDataObject,
			OPERATION,
			scope,
		);
		// A survey's scores are named after the company's questions.
		let questions: Question[] = [];
		const feed: SurveyFeed<Survey> = {
			read: async (start, end) =>
				await searchSurveys(
					this,
					OPERATION,
					{ start, end },
					filters,
					{ returnAll: true, limit: 0 },
					scope,
				),
			idOf: (survey) => survey._id,
			timeOf: surveyTime,
			sampleWindowsMs: SAMPLE_WINDOWS_MS,
			simplify: (survey) => simplifySurvey(survey, questions),
			recordOf: (survey) => feedbackOf(survey, questions),
			// The search logged in: the schema is in the credential, read without a request.
			scales: async () => scalesOf((questions = await loadQuestions(this, OPERATION, scope))),
		};
		if (threshold) return await pollSurveys(this, settings, threshold, feed);

		const output = readOutput(this);
		const stored = output.mode === 'raw' ? [] : await storedQuestions(this);
		if (stored) {
			questions = stored;
			return await pollSurveys(this, settings, undefined, feed);
		}
		// No schema yet: the search logs in and brings it. Should reading it still fail, the cursor
		// is put back, so the same surveys come again at the next poll.
		const shaped = await pollNewItemsAndEnrich(
			this,
			surveySource(feed),
			settings,
			async (surveys) => {
				questions = await loadQuestions(this, OPERATION, scope);
				return surveys.map((survey) => ({
					json: shapeOutput(output, survey, () => feed.simplify(survey)),
				}));
			},
		);
		return shaped ? [shaped] : null;
	}
}
