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
				description:
					'Get the survey results of a company answered in a date range: one item per survey with its conversation (queue, agent, channel, customer), one score field per question, the lowest and the average score',
				action: 'Get many survey results',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
