import { resource } from '../../../shared';
import * as get from './get.operation';

const table = resource('organization', 'get', [
	{
		module: get,
		name: 'Get',
		value: 'get',
		description:
			'Get the organization and its companies: one item per company with its ID and name and the organization (ID, name, region)',
		action: 'Get the organization',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
