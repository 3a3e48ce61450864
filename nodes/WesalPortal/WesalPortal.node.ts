import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared';
import * as account from './actions/account';
import * as organization from './actions/organization';
import * as queue from './actions/queue';
import * as question from './actions/question';
import { operations } from './actions/router';
import * as survey from './actions/survey';
import { listSearch, loadOptions } from './methods';

export class WesalPortal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wesal Portal',
		name: 'wesalPortal',
		icon: { light: 'file:wesalPortal.svg', dark: 'file:wesalPortal.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read surveys, questions and queue analytics from the Wesal Portal API',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-portal',
		defaults: { name: 'Wesal Portal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wesalPortalApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Organization', value: 'organization' },
					{ name: 'Question', value: 'question' },
					{ name: 'Queue', value: 'queue' },
					{ name: 'Survey', value: 'survey' },
				],
				default: 'survey',
			},
			...survey.description,
			...question.description,
			...queue.description,
			...organization.description,
			...account.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}
