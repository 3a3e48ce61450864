import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { PollSource } from '../shared';
import { lookbackOption, pollNewItems, simplifyOption, timeoutOption } from '../shared';
import { readSurveyFilters, surveyFilterFields } from './filters';
import { loadQuestions } from './questions';
import { loadOptions } from './methods';
import { searchSurveys, simplifySurvey, surveyTime, type Survey } from './surveys';

const OPERATION = 'Trigger: New Survey';
const SAMPLE_DAYS = 30;

export class WesalVocTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal VoC Trigger',
		name: 'wesalVocTrigger',
		icon: { light: 'file:wesalVoc.svg', dark: 'file:wesalVoc.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey"}}',
		description: 'Starts the workflow when customers complete a Wesal VoC survey',
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
				],
				default: 'newSurvey',
			},
			surveyFilterFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					lookbackOption,
					{
						...simplifyOption,
						description:
							'Whether to return the normalized feedback record instead of the raw survey',
					},
					timeoutOption,
				],
			},
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const filters = await readSurveyFilters(
			this,
			this.getNodeParameter('filters', {}) as IDataObject,
			OPERATION,
		);
		const timeoutMs = options.timeout as number | undefined;
		const search = async (start: Date, end: Date) =>
			await searchSurveys.call(
				this,
				OPERATION,
				{ start, end },
				filters,
				{ returnAll: true, limit: 0 },
				{ timeoutMs },
			);

		const source: PollSource<Survey> = {
			fetchWindow: search,
			fetchSample: async () => {
				const now = new Date();
				const recent = await search(new Date(now.getTime() - SAMPLE_DAYS * 86_400_000), now);
				const newest = recent.reduce<Survey | undefined>(
					(best, survey) =>
						best && (surveyTime(best)?.getTime() ?? 0) >= (surveyTime(survey)?.getTime() ?? 0)
							? best
							: survey,
					undefined,
				);
				return newest ? [newest] : [];
			},
			idOf: (survey) => survey._id,
			timeOf: surveyTime,
		};
		const surveys = await pollNewItems(this, source, {
			lookbackMs: ((options.lookbackMinutes as number) ?? 10) * 60_000,
		});
		if (!surveys) return null;

		const questions = options.simplify ? await loadQuestions(this, OPERATION) : [];
		return [
			surveys.map((survey) => ({
				json: (options.simplify
					? simplifySurvey(survey, questions)
					: survey) as unknown as IDataObject,
			})),
		];
	}
}
