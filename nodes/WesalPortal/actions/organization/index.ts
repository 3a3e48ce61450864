import { resource } from '../../../shared';
import * as get from './get.operation';

export const { operations, description } = resource('organization', 'get', [
	{
		module: get,
		name: 'Get',
		value: 'get',
		description:
			'Get the organization and its companies: one item per company with its ID and name and the organization (ID, name, region)',
		action: 'Get the organization',
	},
]);
