import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['survey'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many intelligent-survey responses',
				action: 'Get many survey responses',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
