import type {
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
	readThresholdEvent,
	readTriggerSettings,
	startFromFields,
	thresholdFields,
	timeoutOption,
} from '../shared';
import { listSearch } from './methods';
import { companyField, readCompanyId } from './organization';
import { extendedOption, searchSurveys, surveyId, surveyTime } from './survey';
import { getQuestions } from './question';
import { feedbackOf, simplifySurvey, SURVEY_FIELDS } from './surveyOutput';
import { SCALE_NOTE, scalesOf } from './surveySummary';

const OPERATION = 'Trigger: New Survey';
const HOUR_MS = 3_600_000;
/** Fetch Test Event looks back this far, widening only while nothing is found. */
const SAMPLE_WINDOWS_MS = [HOUR_MS, 24 * HOUR_MS, 7 * 24 * HOUR_MS, 30 * 24 * HOUR_MS];

export class WesalPortalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal Portal Trigger',
		name: 'wesalPortalTrigger',
		icon: { light: 'file:wesalPortal.svg', dark: 'file:wesalPortal.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey"}}',
		description: 'Starts the workflow when customers answer a Wesal Portal survey',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-portal',
		defaults: { name: 'Wesal Portal Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wesalPortalApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Survey', value: 'newSurvey', description: 'A customer answered a survey' },
					csatThresholdEventOption,
				],
				default: 'newSurvey',
			},
			...thresholdFields(SCALE_NOTE),
			{
				...companyField,
				description:
					'The company whose surveys start the workflow; choosing another one starts the trigger again from Start From',
			},
			...startFromFields,
			...outputFields('Wesal Portal', SURVEY_FIELDS),
			optionsCollection([extendedOption, lookbackOption, timeoutOption]),
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const companyId = readCompanyId(this);
		const threshold = readThresholdEvent(this);
		// The company (and the threshold's settings) join the query's fingerprint here.
		const settings = readTriggerSettings(
			this,
			threshold ? { companyId, threshold } : { companyId },
		);
		const extended = this.getNodeParameter('options.extended', false) === true;
		return await pollSurveys(this, settings, threshold, {
			read: async (start, end) =>
				await searchSurveys(
					this,
					OPERATION,
					// The trigger reads each survey's time from its answers: every field is checked.
					{ companyId, start, end, extended, checkFields: true },
					{ returnAll: true, limit: 0 },
					{ timeoutMs: settings.timeoutMs },
				),
			idOf: surveyId,
			timeOf: surveyTime,
			sampleWindowsMs: SAMPLE_WINDOWS_MS,
			simplify: simplifySurvey,
			recordOf: feedbackOf,
			// One read of the questions list per poll: the answer scales.
			scales: async () =>
				scalesOf(await getQuestions(this, OPERATION, companyId, { timeoutMs: settings.timeoutMs })),
		});
	}
}
