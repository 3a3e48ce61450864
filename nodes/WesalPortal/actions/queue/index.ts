import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import * as getActivity from './getActivity.operation';
import * as getPerformance from './getPerformance.operation';
import * as getSummary from './getSummary.operation';

export const operations: Record<string, Operation> = { getSummary, getActivity, getPerformance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{
				name: 'Get Activity',
				value: 'getActivity',
				description: 'Get how many members of each queue are idle, interacting, off queue…',
				action: 'Get the activity of queues',
			},
			{
				name: 'Get Performance',
				value: 'getPerformance',
				description: 'Get the performance metrics (ASA, answered, SLA…) of queues over an interval',
				action: 'Get the performance of queues',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				description: 'Get the live summary of queues (name, members…)',
				action: 'Get the summary of queues',
			},
		],
		default: 'getSummary',
	},
	...getSummary.description,
	...getActivity.description,
	...getPerformance.description,
];
