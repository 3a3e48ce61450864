import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { outputFields, pickFields, readOutput, timeoutOnlyOptions } from '../../../shared';
import { getOrganization, ORGANIZATION_FIELDS, simplifyOrganization } from '../../organization';

const show = { resource: ['organization'], operation: ['get'] };

export const description: INodeProperties[] = [
	...outputFields('Wesal Portal', ORGANIZATION_FIELDS, show),
	timeoutOnlyOptions(show),
];

/** Raw: the organization with its companies as one item; otherwise one flat item per company. */
export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const output = readOutput(this, item.itemIndex);
	const organization = await getOrganization(this, 'Organization: Get', item);
	if (output.mode === 'raw') return [{ json: organization as unknown as IDataObject }];
	return simplifyOrganization(organization).map((company) => ({
		json: output.mode === 'selected' ? pickFields(company, output.fields) : company,
	}));
}
