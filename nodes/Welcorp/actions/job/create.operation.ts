import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchResult, ItemScope } from '../../../shared';
import { createJobs } from '../../jobCreate';
import { createFields } from '../../jobFields';

export const description: INodeProperties[] = createFields;

/** Every item goes through executeBatch (one job may serve them all): this is never called alone. */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const [result] = await createJobs.call(this, [item]);
	if ('error' in result) throw result.error;
	return result.output;
}

/** Called once with every item that chose Job → Create, so that one job can serve them all. */
export async function executeBatch(
	this: IExecuteFunctions,
	items: ItemScope[],
): Promise<BatchResult[]> {
	return await createJobs.call(this, items);
}
