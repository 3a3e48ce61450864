import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { getOrganization } from '../../organization';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['organization'], operation: ['get'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const organization = await getOrganization(this, 'Organization: Get', itemIndex);
	return [{ json: organization as unknown as IDataObject }];
}
