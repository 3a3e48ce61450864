import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as getQuestionSchema from './getQuestionSchema.operation';

export const operations: Record<string, Operation> = { getQuestionSchema };

export const description: INodeProperties[] = [
	operationField(
		'company',
		[
			{
				name: 'Get Question Schema',
				value: 'getQuestionSchema',
				description:
					"Get the survey questions of the account's company: one item per question with its ID, name, type and lowest and highest answer",
				action: 'Get the question schema',
			},
		],
		'getQuestionSchema',
	),
	...getQuestionSchema.description,
];
