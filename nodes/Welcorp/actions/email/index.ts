import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as send from './send.operation';

export const operations: Record<string, Operation> = { send };

export const description: INodeProperties[] = [
	operationField(
		'email',
		[
			{
				name: 'Send',
				value: 'send',
				description:
					'Email each input item, or a list, with optional attachments. Returns the job_id (one job for all items by default).',
				action: 'Send an email',
			},
		],
		'send',
	),
	...send.description,
];
