import type { IPollFunctions } from 'n8n-workflow';

import { pollNewItems, type PollSettings, type PollSource } from './pollCursor';

/**
 * pollNewItems, then `enrich` on the new items (e.g. one detail call per item). If enriching
 * fails, the poll state is put back as it was before this poll, so the same items are
 * offered again next time instead of being marked seen without ever being emitted.
 */
export async function pollNewItemsAndEnrich<T, R>(
	context: IPollFunctions,
	source: PollSource<T>,
	settings: PollSettings,
	enrich: (items: T[]) => Promise<R[]>,
): Promise<R[] | null> {
	// The cursor engine keeps state in both the node's and the workflow's (global) static data.
	const states = [context.getWorkflowStaticData('node'), context.getWorkflowStaticData('global')];
	const before = states.map((state) => JSON.parse(JSON.stringify(state)) as typeof state);
	const items = await pollNewItems(context, source, settings);
	if (!items) return null;
	let enriched = false;
	try {
		const result = await enrich(items);
		enriched = true;
		return result;
	} finally {
		if (!enriched) {
			states.forEach((state, index) => {
				for (const key of Object.keys(state)) delete state[key];
				Object.assign(state, before[index]);
			});
		}
	}
}
