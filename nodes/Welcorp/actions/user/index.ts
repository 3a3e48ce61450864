import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { create, get, getAll, update };

export const description: INodeProperties[] = [
	operationField(
		'user',
		[
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a user (admins and agents), in a new or an existing company. Returns the new user_id.',
				action: 'Create a user',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one user. Returns their login, name, contact details, account type, company and limits.',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get the users you can see (all of a distributor for admins, the linked ones for agents, yourself for users). Returns one item per user.',
				action: 'Get many users',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a user. Returns the user_id.',
				action: 'Update a user',
			},
		],
		'getAll',
	),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
