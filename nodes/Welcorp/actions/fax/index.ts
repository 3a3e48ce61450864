import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as send from './send.operation';

export const operations: Record<string, Operation> = { send };

export const description: INodeProperties[] = [
	operationField(
		'fax',
		[
			{
				name: 'Send',
				value: 'send',
				description:
					'Fax documents (binary files or URLs) to each input item, or to a list. Returns the job_id.',
				action: 'Send a fax',
			},
		],
		'send',
	),
	...send.description,
];
