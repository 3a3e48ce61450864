import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { PollSource } from '../shared';
import { lookbackOption, pollNewItemsAndEnrich, timeoutOption } from '../shared';
import { includeDetailsOption, leadSimplifyOption } from './descriptions';
import { findFinalizedLeads, leadId, leadOutput, readWindow, type LeadEntry } from './leads';

const OPERATION = 'Trigger: New Finalized Lead';
const SAMPLE_DAYS = 30;

export class WeCleverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeClever Trigger',
		name: 'weCleverTrigger',
		icon: { light: 'file:weClever.svg', dark: 'file:weClever.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New finalized lead"}}',
		description: 'Starts the workflow when WeClever finalizes the service of a lead',
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [includeDetailsOption, lookbackOption, leadSimplifyOption, timeoutOption],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const request = { timeoutMs: options.timeout as number | undefined };
		const lookbackMs = ((options.lookbackMinutes as number | undefined) ?? 10) * 60_000;
		const search = async (start: Date, end: Date) =>
			await findFinalizedLeads.call(
				this,
				OPERATION,
				{ start: DateTime.fromJSDate(start), end: DateTime.fromJSDate(end) },
				'dateTime',
				request,
			);

		// The list has no timestamps: every poll asks again for the overlapping window and the
		// seen-id set keeps each lead from being emitted twice. A lead is dated with the poll time
		// (timeOf undefined), or earlier by readWindow when the next poll will not read it again.
		const dated = new Map<LeadEntry, Date>();
		const source: PollSource<LeadEntry> = {
			fetchWindow: async (since, until) =>
				await readWindow(search, { since, until, lookbackMs }, dated),
			fetchSample: async () => {
				const now = new Date();
				const recent = await search(new Date(now.getTime() - SAMPLE_DAYS * 86_400_000), now);
				return recent.slice(-1);
			},
			idOf: leadId,
			timeOf: (lead) => dated.get(lead),
		};
		const output = await pollNewItemsAndEnrich(
			this,
			source,
			{ lookbackMs },
			async (leads) => await leadOutput.call(this, OPERATION, leads, options, request),
		);
		return output ? [output.map((json) => ({ json }))] : null;
	}
}
