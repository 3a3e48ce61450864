import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { getAll };

export const description: INodeProperties[] = [
	operationField(
		'question',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get the survey questions of a company: one item per question with its ID, name, possible answers and the score field it gets in survey results',
				action: 'Get many questions',
			},
		],
		'getAll',
	),
	...getAll.description,
];
