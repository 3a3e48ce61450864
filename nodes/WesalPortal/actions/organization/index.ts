import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { get };

export const description: INodeProperties[] = [
	operationField(
		'organization',
		[
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the organization and its companies: one item per company with its ID and name and the organization (ID, name, region)',
				action: 'Get the organization',
			},
		],
		'get',
	),
	...get.description,
];
