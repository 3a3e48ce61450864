import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, timeoutOnlyOptions } from '../../../shared';
import { WELCORP } from '../../transport';
import { readSendCode } from '../../verification';

const show = { resource: ['verification'], operation: ['sendCode'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Client Reference',
		name: 'clientRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user-123',
		description: 'A unique reference for the person; Validate Code uses the same one',
		displayOptions: { show },
	},
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
		displayOptions: { show },
	},
	{
		displayName: 'Destination',
		name: 'destination',
		type: 'string',
		required: true,
		default: '',
		placeholder: '61987654321',
		description: 'International phone number with country code (SMS, call), or email address',
		displayOptions: { show },
	},
	{
		displayName: 'Message Template',
		name: 'messageTemplate',
		type: 'string',
		default: '',
		placeholder: 'Your verification code for ACME is [[code]]',
		description:
			'Must contain [[code]]. Empty: Welcorp uses "Your [[company_name]] verification code is [[code]]" with the Company Name.',
		displayOptions: { show },
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		description: "Put into Welcorp's default template; required when there is no Message Template",
		displayOptions: { show },
	},
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const request = readSendCode.call(this, item.itemIndex);
	const answer = await callEndpoint(this, WELCORP, 'sendCode', {
		operation: 'Verification: Send Code',
		scope: item,
		body: request.body,
		headers: { 'Content-Type': 'application/json' },
	});
	return [
		{
			json: {
				sent: true,
				clientRef: request.clientRef,
				messageType: request.messageType,
				destination: request.destination,
				status: answer.status ?? 200,
				data: answer.data,
			},
		},
	];
}
