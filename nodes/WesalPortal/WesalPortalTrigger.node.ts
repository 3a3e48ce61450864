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
import { listSearch } from './methods';
import { companyField, readCompanyId } from './organization';
import { extendedOption } from './surveyFields';
import { searchSurveys, simplifySurvey, surveyId, surveyTime, type Survey } from './surveys';

const OPERATION = 'Trigger: New Survey';
/** Fetch Test Event looks back this far, widening only while nothing is found. */
const SAMPLE_WINDOWS_MS = [3_600_000, 86_400_000, 7 * 86_400_000, 30 * 86_400_000];

export class WesalPortalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal Portal Trigger',
		name: 'wesalPortalTrigger',
		icon: { light: 'file:wesalPortal.svg', dark: 'file:wesalPortal.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey"}}',
		description: 'Starts the workflow when customers answer a Wesal Portal survey',
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
				],
				default: 'newSurvey',
			},
			companyField,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					extendedOption,
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

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const companyId = readCompanyId(this, this.getNodeParameter('company'));
		const extended = options.extended === true;
		const timeoutMs = options.timeout as number | undefined;
		const search = async (start: Date, end: Date) =>
			await searchSurveys(
				this,
				OPERATION,
				{ companyId, start, end, extended, checkFields: true },
				{ returnAll: true, limit: 0 },
				{ timeoutMs },
			);

		const source: PollSource<Survey> = {
			fetchWindow: search,
			fetchSample: async () => {
				const now = new Date();
				for (const windowMs of SAMPLE_WINDOWS_MS) {
					const recent = await search(new Date(now.getTime() - windowMs), now);
					const newest = recent.reduce<Survey | undefined>(
						(best, survey) =>
							best && (surveyTime(best)?.getTime() ?? 0) >= (surveyTime(survey)?.getTime() ?? 0)
								? best
								: survey,
						undefined,
					);
					if (newest) return [newest];
				}
				return [];
			},
			idOf: surveyId,
			timeOf: surveyTime,
		};
		const surveys = await pollNewItems(this, source, {
			lookbackMs: ((options.lookbackMinutes as number) ?? 10) * 60_000,
		});
		if (!surveys) return null;
		return [
			surveys.map((survey) => ({
				json: (options.simplify ? simplifySurvey(survey) : survey) as unknown as IDataObject,
			})),
		];
	}
}
