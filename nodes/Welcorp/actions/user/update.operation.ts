import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { readId } from '../../params';
import { idAnswerSchema } from '../../schemas';
import { welcorpRequest } from '../../transport';
import { userBody, writeOutput } from '../../users/body';
import { nameAndLoginFields, optionalUserFields } from '../../users/fields';

const show = { resource: ['user'], operation: ['update'] };

const extraUpdateFields: INodeProperties[] = [
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'number',
		default: 0,
		description: 'Move the user to this company',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
	},
];

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
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [...nameAndLoginFields, ...optionalUserFields, ...extraUpdateFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	timeoutOnlyOptions({ resource: ['user'], operation: ['update'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = readId.call(this, 'userId', 'User ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(node, fields, itemIndex);
	if (fields.password) body.password = String(fields.password);
	if (fields.companyId !== undefined && fields.companyId !== 0) {
		const companyId = Number(fields.companyId);
		if (!Number.isInteger(companyId) || companyId < 1) {
			throw new NodeOperationError(
				node,
				`Invalid "Company ID": "${String(fields.companyId)}" must be a positive whole number`,
				{ itemIndex },
			);
		}
		body.company_id = companyId;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			node,
			'Invalid "Update Fields": add at least one field to change',
			{ itemIndex },
		);
	}
	const answer = await welcorpRequest(this, 'updateUser', {
		operation: 'User: Update',
		id,
		body,
		schema: idAnswerSchema,
		itemIndex,
	});
	return [{ json: writeOutput(answer) }];
}
