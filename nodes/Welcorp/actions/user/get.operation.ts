import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { timeoutOption } from '../../../shared';
import { readId } from '../../params';
import { userDetailSchema } from '../../schemas';
import { welcorpRequest } from '../../transport';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123',
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
	const id = readId.call(this, 'userId', 'User ID', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const answer = await welcorpRequest(this, 'getUser', {
		operation: 'User: Get',
		id,
		schema: userDetailSchema,
		itemIndex,
		timeoutMs: options.timeout as number | undefined,
	});
	return [{ json: answer.data as IDataObject }];
}
