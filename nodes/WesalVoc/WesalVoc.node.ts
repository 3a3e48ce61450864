import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared';
import * as account from './actions/account';
import * as company from './actions/company';
import { operations } from './actions/router';
import * as survey from './actions/survey';
import { loadOptions } from './methods';

export class WesalVoc implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal VoC',
		name: 'wesalVoc',
		icon: { light: 'file:wesalVoc.svg', dark: 'file:wesalVoc.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read survey results (CSAT per agent and queue) and reset passwords with the Wesal Cloud API',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-voc',
		defaults: { name: 'Wesal VoC' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wesalVocApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Company', value: 'company' },
					{ name: 'Survey', value: 'survey' },
				],
				default: 'survey',
			},
			...survey.description,
			...company.description,
			...account.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}
