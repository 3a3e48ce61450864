import { resource } from '../../../shared';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const table = resource('user', 'getAll', [
	{
		module: create,
		name: 'Create',
		value: 'create',
		description:
			'Create a user (admins and agents), in a new or an existing company. Returns the new user_id.',
		action: 'Create a user',
	},
	{
		module: get,
		name: 'Get',
		value: 'get',
		description:
			'Get one user. Returns their login, name, contact details, account type, company and limits.',
		action: 'Get a user',
	},
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get the users you can see (all of a distributor for admins, the linked ones for agents, yourself for users). Returns one item per user.',
		action: 'Get many users',
	},
	{
		module: update,
		name: 'Update',
		value: 'update',
		description: 'Change fields of a user. Returns the user_id.',
		action: 'Update a user',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
