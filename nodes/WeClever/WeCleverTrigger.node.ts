import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { PollSource } from '../shared';
import {
	lookbackOption,
	newestInWindows,
	optionsCollection,
	outputFields,
	pollNewItemsAndEnrich,
	readTriggerSettings,
	startFromFields,
	timeoutOption,
} from '../shared';
import {
	findFinalizedLeads,
	includeDetailsOption,
	LEAD_FIELDS,
	leadId,
	leadOutput,
	readLeadOutput,
	readWindow,
} from './lead';
import type { LeadEntry } from './transport';

const OPERATION = 'Trigger: New Finalized Lead';
const DAY_MS = 86_400_000;
/** "Fetch Test Event" looks back further only while it finds nothing: the last day, week, then 30 days. */
const SAMPLE_WINDOWS_MS = [1 * DAY_MS, 7 * DAY_MS, 30 * DAY_MS];

export class WeCleverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeClever Trigger',
		name: 'weCleverTrigger',
		icon: { light: 'file:weClever.svg', dark: 'file:weClever.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New finalized lead"}}',
		description: 'Starts the workflow when WeClever finalizes the service of a lead',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#weclever',
		defaults: { name: 'WeClever Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weCleverApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Finalized Lead',
						value: 'newFinalizedLead',
						description: 'The service of a lead was finalized',
					},
				],
				default: 'newFinalizedLead',
			},
			...startFromFields,
			...outputFields('WeClever', LEAD_FIELDS),
			optionsCollection([includeDetailsOption, lookbackOption, timeoutOption]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readTriggerSettings(this);
		const shape = readLeadOutput(this);
		const scope = { timeoutMs: settings.timeoutMs };
		const search = async (start: Date, end: Date): Promise<LeadEntry[]> =>
			await findFinalizedLeads(
				this,
				OPERATION,
				{ start: DateTime.fromJSDate(start), end: DateTime.fromJSDate(end) },
				'dateTime',
				scope,
			);

		// The list has no timestamps: every poll asks again for the overlapping window and the
		// seen-id set keeps each lead from being emitted twice. A lead is dated with the poll time
		// (timeOf undefined), or earlier by readWindow when the next poll will not read it again.
		const dated = new Map<LeadEntry, Date>();
		const source: PollSource<LeadEntry> = {
			fetchWindow: async (since, until) =>
				await readWindow(search, { since, until, lookbackMs: settings.lookbackMs }, dated),
			// The newest lead is the last one listed: the list has no times to compare.
			fetchSample: async () =>
				await newestInWindows(
					async (since, until) => (await search(since, until)).slice(-1),
					SAMPLE_WINDOWS_MS,
					() => undefined,
				),
			idOf: leadId,
			timeOf: (lead) => dated.get(lead),
		};
		const output = await pollNewItemsAndEnrich(
			this,
			source,
			settings,
			async (leads) => await leadOutput(this, OPERATION, leads, shape, scope),
		);
		return output ? [output.map((json) => ({ json }))] : null;
	}
}
