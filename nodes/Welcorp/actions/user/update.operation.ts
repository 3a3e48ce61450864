import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	locatorField,
	readLocatorId,
	readOptionalLocatorId,
	timeoutOnlyOptions,
} from '../../../shared';
import { WELCORP } from '../../transport';
import { COMPANY_ID, USER_ID, userBody, writeOutput } from '../../user';
import { nameAndLoginFields, optionalUserFields } from '../../userFields';

const show = { resource: ['user'], operation: ['update'] };

const extraUpdateFields: INodeProperties[] = [
	locatorField({ ...COMPANY_ID, required: false, description: 'Move the user to this company' }),
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
	},
];

export const description: INodeProperties[] = [
	{ ...locatorField({ ...USER_ID, description: 'The user to change' }), displayOptions: { show } },
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
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const node = this.getNode();
	const userId = readLocatorId(this, USER_ID, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(node, fields, itemIndex);
	if (fields.password) body.password = String(fields.password);
	const companyId = readOptionalLocatorId(this, COMPANY_ID, 'updateFields.companyId', itemIndex);
	if (companyId !== undefined) body.company_id = Number(companyId);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			node,
			'Invalid "Update Fields": add at least one field to change',
			{ itemIndex, description: 'Nothing was sent.' },
		);
	}
	const answer = await callEndpoint(this, WELCORP, 'updateUser', {
		operation: 'User: Update',
		scope: item,
		pathParams: { userId },
		body,
		headers: { 'Content-Type': 'application/json' },
	});
	return [{ json: writeOutput(answer) }];
}
