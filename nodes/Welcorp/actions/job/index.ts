import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Send an SMS, MMS, text to speech, voice, fax or email job',
				action: 'Create a job',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a job with its recipients and delivery reports',
				action: 'Get a job',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many jobs, newest first',
				action: 'Get many jobs',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
