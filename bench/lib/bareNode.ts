import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** One page as a bare reader sees it: its records and whether another page follows. */
interface BarePage {
	records: IDataObject[];
	more: boolean;
}

/**
 * What n8n itself costs: a node that reads the same pages as our node with n8n's
 * httpRequestWithAuthentication and our credential, one page after the other, and does nothing
 * else (no validation, no retries, no error mapping, no pages in flight together). Our node minus
 * this = the cost of our own code.
 */
function bareReader(
	name: string,
	credential: string,
	readPage: (
		context: IExecuteFunctions,
		baseUrl: string,
		page: number,
		body: IDataObject,
		/** records read before this page */
		before: number,
	) => Promise<BarePage>,
): new () => INodeType {
	return class implements INodeType {
		description: INodeTypeDescription = {
			displayName: name,
			name: name.replace(/\s/g, ''),
			group: ['input'],
			version: 1,
			description: 'Benchmark baseline',
			defaults: { name },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credential, required: true }],
			properties: [{ displayName: 'Body', name: 'body', type: 'json', default: '{}' }],
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const { baseUrl } = await this.getCredentials<{ baseUrl: string }>(credential);
			const body = JSON.parse(this.getNodeParameter('body', 0) as string) as IDataObject;
			const output: INodeExecutionData[] = [];
			for (let page = 0; ; page++) {
				const { records, more } = await readPage(this, baseUrl, page, body, output.length);
				for (const json of records) output.push({ json, pairedItem: { item: 0 } });
				if (!more) return [output];
			}
		}
	};
}

const request = async <T>(
	context: IExecuteFunctions,
	credential: string,
	options: { method: 'GET' | 'POST'; url: string; body?: IDataObject },
) =>
	(await context.helpers.httpRequestWithAuthentication.call(context, credential, {
		...options,
		json: true,
	})) as T;

/** Wesal Portal: offsets of 100. */
export const BarePortalReader = bareReader(
	'Bare Portal Reader',
	'wesalPortalApi',
	async (context, baseUrl, page, body) => {
		const answer = await request<{
			data: { surveys: IDataObject[]; pagination: { nextPage: number | null } };
		}>(context, 'wesalPortalApi', {
			method: 'POST',
			url: `${baseUrl}/survey/queries/surveys`,
			body: { ...body, offset: page * 100, limit: 100 },
		});
		return { records: answer.data.surveys, more: answer.data.pagination.nextPage !== null };
	},
);

/** Wesal VoC: page numbers from 1, the server's page size, until `total`. */
export const BareVocReader = bareReader(
	'Bare VoC Reader',
	'wesalVocApi',
	async (context, baseUrl, page, body, before) => {
		const answer = await request<{ surveys: IDataObject[]; total: number }>(
			context,
			'wesalVocApi',
			{
				method: 'POST',
				url: `${baseUrl}/survey/queries/surveys`,
				body: { ...body, page: page + 1 },
			},
		);
		return {
			records: answer.surveys,
			more: answer.surveys.length > 0 && before + answer.surveys.length < answer.total,
		};
	},
);

/** Welcorp jobs: page numbers from 1, 100 per page, until `last_page`. */
export const BareWelcorpReader = bareReader(
	'Bare Welcorp Reader',
	'welcorpApi',
	async (context, baseUrl, page) => {
		const answer = await request<{ data: IDataObject[]; current_page: number; last_page: number }>(
			context,
			'welcorpApi',
			{ method: 'GET', url: `${baseUrl}/jobs?page=${page + 1}&page_size=100` },
		);
		return { records: answer.data, more: answer.current_page < answer.last_page };
	},
);
