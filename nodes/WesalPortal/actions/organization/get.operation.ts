import { getOperation, shapeOutputRows } from '../../../shared';
import { getOrganization, ORGANIZATION_FIELDS, simplifyOrganization } from '../../organization';

/** Raw: the organization with its companies as one item; otherwise one flat item per company. */
const operation = getOperation(
	{
		show: { resource: ['organization'], operation: ['get'] },
		output: { vendor: 'Wesal Portal', fields: ORGANIZATION_FIELDS },
	},
	{
		async read(_, { item, output }) {
			const organization = await getOrganization(this, 'Organization: Get', item);
			return shapeOutputRows(output, organization, () => simplifyOrganization(organization));
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
