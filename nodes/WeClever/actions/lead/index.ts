import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import * as get from './get.operation';
import * as getFinalized from './getFinalized.operation';

export const operations: Record<string, Operation> = { get, getFinalized };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get all the information of a lead by its WeClever ID',
				action: 'Get a lead',
			},
			{
				name: 'Get Finalized',
				value: 'getFinalized',
				description: 'Get the leads whose service was finalized between two dates',
				action: 'Get finalized leads',
			},
		],
		default: 'getFinalized',
	},
	...get.description,
	...getFinalized.description,
];
