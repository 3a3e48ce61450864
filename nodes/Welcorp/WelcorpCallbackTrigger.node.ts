import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	CALLBACK_EVENTS,
	convertCallback,
	detectEvent,
	formBody,
	tokensMatch,
	type CallbackEvent,
} from './callback';
import { nothingToRegister } from './methods/webhook';
import { WELCORP } from './transport';

/** The secret callbacks must carry: the credential's (1.1), or the node's Secret Token (1). */
async function callbackSecret(context: IWebhookFunctions): Promise<string> {
	if (context.getNode().typeVersion < 1.1)
		return String(context.getNodeParameter('secretToken', '') ?? '');
	const credentials = await context.getCredentials(WELCORP.credentialType);
	return String(credentials.callbackSecret ?? '');
}

export class WelcorpCallbackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Welcorp Callback Trigger',
		name: 'welcorpCallbackTrigger',
		icon: { light: 'file:welcorp.svg', dark: 'file:welcorp.dark.svg' },
		group: ['trigger'],
		// 1.1: the secret comes from the Welcorp credential (1 kept it in a node field)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{"Job callbacks: " + $parameter["events"].length + " of 3 kinds"}}',
		description:
			'Starts the workflow when Welcorp posts a delivery report, an SMS reply or an SMS status to a job callback URL',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#welcorp',
		defaults: { name: 'Welcorp Callback Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'welcorpApi',
				required: true,
				displayOptions: { show: { '@version': [1.1] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'welcorp' },
		],
		properties: [
			{
				displayName:
					'Copy the Production URL above into <b>Callback URL</b> of the Welcorp credential chosen here, and give that credential a <b>Callback Secret</b> (a long random text). Welcorp nodes then report here when you choose <b>Send Delivery Reports and Replies To: The Callback URL in the Credential</b>. Calls without the secret are refused with 401, and so is every call while the credential has no secret.',
				name: 'credentialNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
			},
			{
				displayName:
					'Use the Production URL above followed by <code>?token=</code> and the Secret Token as the Callback URL of your jobs (Welcorp node → Job → Create → Additional Fields → Callback URL). Calls without the right token are refused with 401.',
				name: 'notice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [1] } },
			},
			{
				displayName: 'Secret Token',
				name: 'secretToken',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: 'A long random text only you and the callback URLs of your jobs know',
				hint: 'Callback URL: <Production URL>?token=<this token>',
				displayOptions: { show: { '@version': [1] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: CALLBACK_EVENTS,
				default: ['deliveryReport', 'smsReply', 'smsStatus'],
				description: 'Callbacks of other kinds are acknowledged but do not start the workflow',
			},
		],
	};

	webhookMethods = { default: nothingToRegister };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const expected = await callbackSecret(this);
		const { token } = this.getQueryData() as IDataObject;
		if (!tokensMatch(token, expected)) {
			response
				.status(401)
				.json({ message: 'Unauthorized: the token in the callback URL is missing or wrong' });
			// (also while no secret is set: nobody may post here then)
			return { noWebhookResponse: true };
		}
		const body = formBody(this.getBodyData());
		const event = detectEvent(body);
		if (!event) {
			response.status(400).json({
				message:
					'Not a Welcorp callback: BroadcastID and a status, response or call fields are expected',
			});
			return { noWebhookResponse: true };
		}
		const wanted = this.getNodeParameter('events', []) as CallbackEvent[];
		if (!wanted.includes(event)) return { webhookResponse: { received: true, ignored: event } };
		return { workflowData: [[{ json: convertCallback(body, event) }]] };
	}
}
