import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { leadId, readWindow } from '../../nodes/WeClever/lead';
import type { LeadEntry } from '../../nodes/WeClever/transport';
import { pollNewItems, type PollSource } from '../../nodes/shared';

/** A lead of the simulated vendor: finalized at `at`, listed by the API from `visibleAt` on. */
export interface SimLead {
	id: number;
	at: number;
	visibleAt: number;
}

/** The simulated WeClever list and clock; tests change it between polls. */
export const sim = {
	leads: [] as SimLead[],
	now: 0,
	lookbackMs: 600_000,
	/** Start From (ms), for the first poll after activation; none: from now on. */
	startFrom: undefined as number | undefined,
	searches: [] as Array<[number, number]>,
};

/**
 * The WeClever trigger's read (readWindow) over the real cursor engine, with a simulated clock, so
 * that hours of polling run in a second. The list is filtered as the API does, in whole seconds
 * (lastDate to the end of its second), and gives no finalization time.
 */
export class WeCleverWindowProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeClever Window Probe',
		name: 'weCleverWindowProbe',
		group: ['trigger'],
		version: 1,
		description: 'Test fixture',
		defaults: { name: 'WeClever Window Probe' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const search = async (start: Date, end: Date): Promise<LeadEntry[]> => {
			sim.searches.push([start.getTime(), end.getTime()]);
			const from = Math.floor(start.getTime() / 1000) * 1000;
			const to = Math.floor(end.getTime() / 1000) * 1000 + 999;
			return sim.leads
				.filter((lead) => lead.visibleAt <= sim.now && lead.at >= from && lead.at <= to)
				.map((lead) => ({ weclever_lead_id: lead.id, mapped_status: 'finalized' }));
		};
		const dated = new Map<LeadEntry, Date>();
		const source: PollSource<LeadEntry> = {
			fetchWindow: async (since, until) =>
				await readWindow(search, { since, until, lookbackMs: sim.lookbackMs }, dated),
			fetchSample: async () => [],
			idOf: leadId,
			timeOf: (lead) => dated.get(lead),
		};
		const leads = await pollNewItems(this, source, {
			lookbackMs: sim.lookbackMs,
			startFrom: sim.startFrom === undefined ? undefined : new Date(sim.startFrom),
			now: new Date(sim.now),
		});
		return leads
			? [leads.map((lead) => ({ json: { weclever_lead_id: lead.weclever_lead_id } }))]
			: null;
	}
}
