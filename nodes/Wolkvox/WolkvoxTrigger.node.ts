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
import { readSurveyFilters, surveyFilterFields, type SurveyFilters } from './filters';
import { simplifySurvey, surveyItem } from './output';
import { rangeOf, readSurveys, surveyKey, surveyTime, type SurveyRow } from './surveys';

const OPERATION = 'Trigger: New Survey Response';
const DAY_MS = 86_400_000;
/** "Fetch Test Event" looks back further only while it finds nothing: the last day, week, then month. */
const SAMPLE_SPANS_DAYS: Array<[number, number]> = [
	[0, 1],
	[1, 7],
	[7, 31],
];

export class WolkvoxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox Trigger',
		name: 'wolkvoxTrigger',
		icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New survey response"}}',
		description: 'Starts the workflow when customers answer a Wolkvox intelligent survey',
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
				],
				default: 'newSurveyResponse',
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
							'Whether to return the normalized feedback record instead of the report row',
					},
					timeoutOption,
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const filters: SurveyFilters = readSurveyFilters(
			this.getNodeParameter('filters', {}) as IDataObject,
		);
		const timeoutMs = options.timeout as number | undefined;
		const read = async (start: Date, end: Date) =>
			await readSurveys.call(
				this,
				OPERATION,
				rangeOf(start, end),
				filters,
				{ returnAll: true, limit: 0 },
				{ timeoutMs },
			);

		const source: PollSource<SurveyRow> = {
			fetchWindow: read,
			fetchSample: async () => {
				const now = Date.now();
				for (const [from, to] of SAMPLE_SPANS_DAYS) {
					const rows = await read(
						new Date(now - to * DAY_MS),
						new Date(now - from * DAY_MS - (from ? 1000 : 0)),
					);
					const newest = rows.reduce<SurveyRow | undefined>(
						(best, row) =>
							best && (surveyTime(best)?.getTime() ?? 0) > (surveyTime(row)?.getTime() ?? 0)
								? best
								: row,
						undefined,
					);
					if (newest) return [newest];
				}
				return [];
			},
			idOf: surveyKey,
			timeOf: surveyTime,
		};
		const rows = await pollNewItems(this, source, {
			lookbackMs: ((options.lookbackMinutes as number) ?? 10) * 60_000,
		});
		if (!rows) return null;
		return [
			rows.map((row) => ({
				json: options.simplify ? (simplifySurvey(row) as unknown as IDataObject) : surveyItem(row),
			})),
		];
	}
}
