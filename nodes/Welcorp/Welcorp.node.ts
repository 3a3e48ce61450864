import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { routeItems } from '../shared';
import * as email from './actions/email';
import * as fax from './actions/fax';
import * as job from './actions/job';
import { operations } from './actions/router';
import * as sms from './actions/sms';
import * as user from './actions/user';
import * as verification from './actions/verification';
import * as voiceCall from './actions/voiceCall';
import { listSearch } from './methods';
import { nothingToRegister } from './methods/webhook';
import type { Channel } from './waitFields';
import { receiveReply } from './waitReply';
import { sendAndWait } from './waitSend';

export class Welcorp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Welcorp',
		name: 'welcorp',
		icon: { light: 'file:welcorp.svg', dark: 'file:welcorp.dark.svg' },
		group: ['output'],
		// 1.1: Job → Create asks "Send Delivery Reports and Replies To" (1 kept a Callback URL field)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send SMS (also two-way, waiting for the reply), voice calls (also waiting for a keypress), faxes, emails and any Welcorp job; manage users and 2FA codes',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#welcorp',
		defaults: { name: 'Welcorp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'welcorpApi', required: true }],
		// Where Welcorp posts the reply to a send-and-wait job: this execution's signed resume URL.
		// Answered once the resumed run is done (or waits again), without data: n8n 1.x answered
		// 'onReceived' callbacks before marking the execution running, so a repeated callback
		// right after the first resumed it twice. 2.x checks the status itself.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'lastNode',
				responseData: 'noData',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'Fax', value: 'fax' },
					{
						name: 'Job',
						value: 'job',
						description: 'Any job type with every option, and job reports',
					},
					{ name: 'SMS', value: 'sms' },
					{ name: 'User', value: 'user' },
					{ name: 'Verification', value: 'verification' },
					{ name: 'Voice Call', value: 'voiceCall' },
				],
				// Saved workflows leave out parameters at their default: it stays 'job' for them.
				default: 'job',
			},
			...sms.description,
			...voiceCall.description,
			...fax.description,
			...email.description,
			...job.description,
			...user.description,
			...verification.description,
		],
	};

	methods = { listSearch };

	/** The webhook is a resume URL of one waiting execution: n8n never registers it. */
	webhookMethods = { default: nothingToRegister };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (this.getNodeParameter('operation', 0) === SEND_AND_WAIT_OPERATION)
			return await sendAndWait.call(this, this.getNodeParameter('resource', 0) as Channel);
		return await routeItems.call(this, operations);
	}

	/** The callback of a send-and-wait job, resuming the execution that waits for it. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveReply.call(this);
	}
}
