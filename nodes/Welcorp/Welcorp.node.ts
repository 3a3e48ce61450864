import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared';
import * as job from './actions/job';
import { operations } from './actions/router';
import * as user from './actions/user';
import * as verification from './actions/verification';
import { listSearch } from './methods';

export class Welcorp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Welcorp',
		name: 'welcorp',
		icon: { light: 'file:welcorp.svg', dark: 'file:welcorp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send SMS, MMS, voice, fax and email jobs, manage users and 2FA codes with the Welcorp REST API',
		defaults: { name: 'Welcorp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'welcorpApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Job', value: 'job' },
					{ name: 'User', value: 'user' },
					{ name: 'Verification', value: 'verification' },
				],
				default: 'job',
			},
			...job.description,
			...user.description,
			...verification.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}
