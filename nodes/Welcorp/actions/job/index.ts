import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { create, get, getAll };

export const description: INodeProperties[] = [
	operationField(
		'job',
		[
			{
				name: 'Create',
				value: 'create',
				description:
					'Send a job of any type with every option: SMS, 2 way SMS, MMS, text to speech, 2 way text to speech, voice recording, fax or email, to input items, a fixed list or uploaded lists. Returns the job_id, the job type and how many recipients it has.',
				action: 'Create a job of any type',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one job. Returns its status, dates, recipient, delivered and failed counts, cost and content (Raw adds the recipients and delivery reports).',
				action: 'Get a job',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get jobs, newest first, filtered by name, type, status, user or start date. Returns one item per job: status, dates, recipient, delivered and failed counts, and cost.',
				action: 'Get many jobs',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getAll.description,
];
