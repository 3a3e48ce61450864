import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import * as send from './send.operation';

export const operations: Record<string, Operation> = { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fax'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description:
					'Fax documents (binary files or URLs) to each input item, or to a list. Returns the job_id.',
				action: 'Send a fax',
			},
		],
		default: 'send',
	},
	...send.description,
];
