import type { IPollFunctions } from 'n8n-workflow';

import { pollNewItems, type PollSettings, type PollSource } from './pollCursor';

/**
 * Runs a poll step that reads more after the cursor engine has moved on; if any later read fails,
 * the poll state (the node's and the workflow's static data, where the cursor engine keeps it) is
 * put back as it was, so the same items are offered again next time instead of being marked seen
 * without ever being emitted.
 */
export async function withPollStateRollback<R>(
	context: IPollFunctions,
	step: () => Promise<R>,
): Promise<R> {
	const states = [context.getWorkflowStaticData('node'), context.getWorkflowStaticData('global')];
	const before = states.map((state) => JSON.parse(JSON.stringify(state)) as typeof state);
	let done = false;
	try {
		const result = await step();
		done = true;
		return result;
	} finally {
		if (!done) {
			states.forEach((state, index) => {
				for (const key of Object.keys(state)) delete state[key];
				Object.assign(state, before[index]);
			});
		}
	}
}

/** pollNewItems, then `enrich` on the new items (e.g. one detail call per item), all or nothing. */
export async function pollNewItemsAndEnrich<T, R>(
	context: IPollFunctions,
	source: PollSource<T>,
	settings: PollSettings,
	enrich: (items: T[]) => Promise<R[]>,
): Promise<R[] | null> {
	return await withPollStateRollback(context, async () => {
		const items = await pollNewItems(context, source, settings);
		return items ? await enrich(items) : null;
	});
}
