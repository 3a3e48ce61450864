import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	outputFields,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { accountZone } from '../../transport/values';
import { listUsers, simplifyUser, USER_FIELDS } from '../../user';

const show = { resource: ['user'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit('user', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'User Code Contains',
				name: 'userCode',
				type: 'string',
				default: '',
				placeholder: 'jon',
				description:
					'Only users whose login contains this text, e.g. "jon" finds au/jon1 and au/jonathan',
			},
		],
	},
	...outputFields('Welcorp', USER_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const output = readOutput(this, itemIndex);
	const zone = await accountZone(this, itemIndex);
	const userCode = String(
		(this.getNodeParameter('filters', itemIndex, {}) as IDataObject).userCode ?? '',
	).trim();
	const { users, single } = await listUsers(
		this,
		'User: Get Many',
		userCode,
		{ returnAll, limit },
		item,
	);
	// A plain user gets their own record whatever the filter: apply it here.
	const matching =
		single && userCode
			? users.filter((user) =>
					String(user.user_code ?? '')
						.toLowerCase()
						.includes(userCode.toLowerCase()),
				)
			: users;
	return matching.map((user) => ({
		json: shapeOutput(output, user, () => simplifyUser(user as IDataObject, zone)),
	}));
}
