import type { IDataObject } from 'n8n-workflow';

import { filtersCollection, listOperation, shapeOutput } from '../../../shared';
import { accountZone } from '../../transport/values';
import { listUsers, simplifyUser, USER_FIELDS } from '../../user';

const show = { resource: ['user'], operation: ['getAll'] };

const userCodeFilter = {
	displayName: 'User Code Contains',
	name: 'userCode',
	type: 'string' as const,
	default: '',
	placeholder: 'jon',
	description:
		'Only users whose login contains this text, e.g. "jon" finds au/jon1 and au/jonathan',
};

const operation = listOperation(
	{
		show,
		filters: [filtersCollection([userCodeFilter], show)],
		output: { vendor: 'Welcorp', fields: USER_FIELDS },
	},
	{
		async read(_, { item, output, page }) {
			const zone = await accountZone(this, item.itemIndex);
			const filters = this.getNodeParameter('filters', item.itemIndex, {}) as IDataObject;
			const userCode = String(filters.userCode ?? '').trim();
			const { users, single } = await listUsers(this, 'User: Get Many', userCode, page, item);
			// A plain user gets their own record whatever the filter: apply it here.
			const wanted = userCode.toLowerCase();
			const matching =
				single && userCode
					? users.filter((user) =>
							String(user.user_code ?? '')
								.toLowerCase()
								.includes(wanted),
						)
					: users;
			return matching.map((user) =>
				shapeOutput(output, user, () => simplifyUser(user as IDataObject, zone)),
			);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
