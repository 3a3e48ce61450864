import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, timeoutOnlyOptions } from '../../../shared';
import { EMAIL_PATTERN } from '../../params';
import { textAnswerSchema } from '../../schemas';
import { welcorpRequest } from '../../transport';

const show = { resource: ['verification'], operation: ['sendCode'] };
const INTERNATIONAL = /^\+?[1-9]\d{7,14}$/;

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
	timeoutOnlyOptions({ resource: ['verification'], operation: ['sendCode'] }),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const clientRef = text('clientRef');
	const messageType = text('messageType');
	const destination = text('destination');
	const template = text('messageTemplate');
	const companyName = text('companyName');
	if (!clientRef)
		throw new NodeOperationError(node, 'Invalid "Client Reference": it is required', { itemIndex });
	if (!['sms', 'email', 'tts'].includes(messageType)) {
		throw new NodeOperationError(
			node,
			`Invalid "Send By": "${messageType}" must be sms, email or tts`,
			{ itemIndex },
		);
	}
	const destinationOk =
		messageType === 'email'
			? EMAIL_PATTERN.test(destination)
			: INTERNATIONAL.test(destination.replace(/[\s-]/g, ''));
	if (!destinationOk) {
		throw new NodeOperationError(
			node,
			`Invalid "Destination": "${destination}" is not ${messageType === 'email' ? 'an email address' : 'an international phone number'}`,
			{
				itemIndex,
				description:
					messageType === 'email' ? undefined : 'Include the country code, e.g. 61987654321.',
			},
		);
	}
	if (template && !template.includes('[[code]]')) {
		throw new NodeOperationError(
			node,
			'Invalid "Message Template": it must contain [[code]] where the code goes',
			{ itemIndex },
		);
	}
	if (!template && !companyName) {
		throw new NodeOperationError(
			node,
			'Invalid "Company Name": give a company name, or a Message Template containing [[code]]',
			{ itemIndex },
		);
	}
	const body = compact({
		client_ref: clientRef,
		message_type: messageType,
		message_destination: destination,
		message_template: template,
		company_name: companyName,
	});
	const answer = await welcorpRequest(this, 'sendCode', {
		operation: 'Verification: Send Code',
		body,
		schema: textAnswerSchema,
		itemIndex,
	});
	return [
		{
			json: {
				sent: true,
				clientRef,
				messageType,
				destination,
				status: answer.status ?? 200,
				data: answer.data,
			},
		},
	];
}
