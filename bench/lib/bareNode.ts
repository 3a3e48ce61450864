import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * What n8n itself costs: a node that reads the same Wesal Portal pages with n8n's
 * httpRequestWithAuthentication and our credential, and does nothing else (no validation,
 * no retries, no error mapping). Our node minus this = the cost of our own code.
 */
export class BarePortalReader implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bare Portal Reader',
		name: 'barePortalReader',
		group: ['input'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Bare Portal Reader' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wesalPortalApi', required: true }],
		properties: [{ displayName: 'Body', name: 'body', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('wesalPortalApi');
		const body = JSON.parse(this.getNodeParameter('body', 0) as string) as IDataObject;
		const output: INodeExecutionData[] = [];
		for (let offset = 0; ; offset += 100) {
			const answer = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'wesalPortalApi',
				{
					method: 'POST',
					url: `${baseUrl}/survey/queries/surveys`,
					body: { ...body, offset, limit: 100 },
					json: true,
				},
			)) as { data: { surveys: IDataObject[]; pagination: { nextPage: number | null } } };
			for (const survey of answer.data.surveys)
				output.push({ json: survey, pairedItem: { item: 0 } });
			if (answer.data.pagination.nextPage === null) return [output];
		}
	}
}
