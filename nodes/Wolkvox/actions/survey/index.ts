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
					'Get intelligent-survey responses in a date range: one item per response with agent, skill (queue), date, one score per question, the lowest and the average score',
				action: 'Get many survey responses',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
