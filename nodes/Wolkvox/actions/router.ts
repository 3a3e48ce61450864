import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationTable } from '../../shared';
import * as survey from './survey';

export const operations: OperationTable = {
	survey: survey.operations,
};

/** Items are handled one after another, so the token never serves two requests at once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
