import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { timeoutOption } from '../../../shared';
import { readId } from '../../params';
import { jobDetailSchema } from '../../schemas';
import { welcorpRequest } from '../../transport';

const show = { resource: ['job'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '60276558',
		description: 'The job_id returned when the job was created',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [timeoutOption],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = readId.call(this, 'jobId', 'Job ID', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const answer = await welcorpRequest(this, 'getJob', {
		operation: 'Job: Get',
		id,
		schema: jobDetailSchema,
		itemIndex,
		timeoutMs: options.timeout as number | undefined,
	});
	return [{ json: answer.data as IDataObject }];
}
