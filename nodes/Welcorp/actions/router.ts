import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationTable } from '../../shared';
import * as job from './job';
import * as user from './user';
import * as verification from './verification';

export const operations: OperationTable = {
	job: job.operations,
	user: user.operations,
	verification: verification.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
