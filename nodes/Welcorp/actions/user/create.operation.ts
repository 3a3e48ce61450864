import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, locatorField, readLocatorId } from '../../../shared';
import { COMPANY_ID, userBody, userWriteOperation } from '../../user';
import { COMPANY_FIELDS, optionalUserFields } from '../../userFields';

const show = { resource: ['user'], operation: ['create'] };

const formFields: INodeProperties[] = [
	{
		displayName: 'User Code',
		name: 'userCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'au/my_test_user',
		description: 'Login of the new user',
		displayOptions: { show },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Company',
		name: 'companyMode',
		type: 'options',
		options: [
			{ name: 'New Company', value: 'new', description: 'Create a company for the user' },
			{ name: 'Existing Company', value: 'existing', description: 'Join a company by its ID' },
		],
		default: 'new',
		displayOptions: { show },
	},
	{
		...locatorField({ ...COMPANY_ID, description: 'The company the new user joins' }),
		displayOptions: { show: { ...show, companyMode: ['existing'] } },
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...show, companyMode: ['new'] } },
	},
	{
		displayName: 'Company Details',
		name: 'companyDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: { ...show, companyMode: ['new'] } },
		options: COMPANY_FIELDS,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: optionalUserFields,
	},
];

/** The new user's fields, checked before anything is sent. */
function readNewUser(this: IExecuteFunctions, itemIndex: number): { body: IDataObject } {
	const node = this.getNode();
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const fields: IDataObject = {
		userCode: text('userCode'),
		firstName: text('firstName'),
		lastName: text('lastName'),
		email: text('email'),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	for (const [name, label] of [
		['userCode', 'User Code'],
		['firstName', 'First Name'],
		['lastName', 'Last Name'],
		['email', 'Email'],
	]) {
		if (!fields[name])
			throw new NodeOperationError(node, `Invalid "${label}": it is required`, { itemIndex });
	}
	const password = String(this.getNodeParameter('password', itemIndex, '') ?? '');
	if (!password)
		throw new NodeOperationError(node, 'Invalid "Password": it is required', { itemIndex });
	const body: IDataObject = { ...userBody(node, fields, itemIndex), password };

	if (this.getNodeParameter('companyMode', itemIndex) === 'existing') {
		body.company_id = Number(readLocatorId(this, COMPANY_ID, itemIndex));
	} else {
		const name = text('companyName');
		if (!name)
			throw new NodeOperationError(
				node,
				'Invalid "Company Name": it is required for a new company',
				{ itemIndex },
			);
		body.company = compact({
			name,
			...(this.getNodeParameter('companyDetails', itemIndex, {}) as IDataObject),
		});
	}
	return { body };
}

const operation = userWriteOperation('create', formFields, readNewUser);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
