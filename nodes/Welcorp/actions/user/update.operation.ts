import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorField, readLocatorId, readOptionalLocatorId } from '../../../shared';
import { COMPANY_ID, USER_ID, userBody, userWriteOperation } from '../../user';
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

const formFields: INodeProperties[] = [
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
];

/** The user to change and the fields to change, checked before anything is sent. */
function readUserUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
): { body: IDataObject; userId: string } {
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
	return { body, userId };
}

const operation = userWriteOperation('update', formFields, readUserUpdate);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
