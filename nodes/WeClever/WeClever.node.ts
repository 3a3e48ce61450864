import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared';
import * as lead from './actions/lead';
import { operations } from './actions/router';

export class WeClever implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeClever',
		name: 'weClever',
		icon: { light: 'file:weClever.svg', dark: 'file:weClever.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read finalized leads (chats, feelings, CSAT) from the WeClever API',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#weclever',
		defaults: { name: 'WeClever' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weCleverApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Lead', value: 'lead' }],
				default: 'lead',
			},
			...lead.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}
