import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createJobs } from '../../jobs/create';
import { createFields } from '../../jobs/createFields';

export const description: INodeProperties[] = createFields;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await createJobs.call(this, [itemIndex]);
}

/** Called once with every item that chose Job → Create, so that one job can serve them all. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<INodeExecutionData[]> {
	return await createJobs.call(this, itemIndexes);
}
