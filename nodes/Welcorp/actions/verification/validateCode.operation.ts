import type { INodeProperties } from 'n8n-workflow';

import {
	clientRefField,
	readValidateCode,
	validOutput,
	verificationOperation,
} from '../../verification';

const fields: INodeProperties[] = [
	clientRefField('The reference used when the code was sent'),
	{
		displayName: 'Entered Code',
		name: 'enteredCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The code the person typed in',
	},
	{
		displayName: 'Validation Window (Minutes)',
		name: 'validationWindow',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 120 },
		default: 10,
		description: 'Codes sent within this many minutes are accepted (1 to 120)',
	},
];

const operation = verificationOperation('validateCode', fields, readValidateCode, validOutput);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
