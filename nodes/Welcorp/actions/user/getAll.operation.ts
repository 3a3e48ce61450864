import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readLimit, returnAllOrLimit, timeoutOption } from '../../../shared';
import { readPages } from '../../paging';
import { userListSchema } from '../../schemas';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [timeoutOption],
	},
];

/**
 * Admins see their distributor's users and agents the users linked to them, page by page; a
 * plain user gets only their own record (no paging, and Welcorp ignores the filter then).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const userCode = String(
		(this.getNodeParameter('filters', itemIndex, {}) as IDataObject).userCode ?? '',
	).trim();
	let single = false;
	const users = await readPages(
		this,
		'listUsers',
		{
			operation: 'User: Get Many',
			qs: userCode ? { user_code: userCode } : {},
			schema: userListSchema,
			itemIndex,
			timeoutMs: options.timeout as number | undefined,
		},
		{ returnAll, limit },
		(answer) => (single ||= 'single' in answer),
	);
	const matching =
		single && userCode
			? users.filter((user) =>
					String(user.user_code ?? '')
						.toLowerCase()
						.includes(userCode.toLowerCase()),
				)
			: users;
	return matching.map((user) => ({ json: user as IDataObject }));
}
