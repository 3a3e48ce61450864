import type { INodeProperties } from 'n8n-workflow';

import {
	clientRefField,
	readSendCode,
	sentOutput,
	verificationOperation,
} from '../../verification';

const fields: INodeProperties[] = [
	clientRefField('A unique reference for the person; Validate Code uses the same one'),
	{
		displayName: 'Send By',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'Email', value: 'email' },
			{ name: 'Text to Speech Call', value: 'tts' },
		],
		default: 'sms',
	},
	{
		displayName: 'Destination',
		name: 'destination',
		type: 'string',
		required: true,
		default: '',
		placeholder: '61987654321',
		description: 'International phone number with country code (SMS, call), or email address',
	},
	{
		displayName: 'Message Template',
		name: 'messageTemplate',
		type: 'string',
		default: '',
		placeholder: 'Your verification code for ACME is [[code]]',
		description:
			'Must contain [[code]]. Empty: Welcorp uses "Your [[company_name]] verification code is [[code]]" with the Company Name.',
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		description: "Put into Welcorp's default template; required when there is no Message Template",
	},
];

const operation = verificationOperation('sendCode', fields, readSendCode, sentOutput);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
