import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { readLimit, returnAllOrLimit, timeoutOnlyOptions } from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { envelope, wesalPortalRequest } from '../../transport';

const show = { resource: ['question'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{ ...companyField, displayOptions: { show } },
	...returnAllOrLimit('question', 'getAll'),
	timeoutOnlyOptions(show),
];

const questionsSchema = envelope(
	z
		.object({
			questions: z.array(
				z
					.object({
						id: z.union([z.number(), z.string()]),
						name: z.string().nullish(),
						answers: z.array(z.object({}).passthrough()).nullish(),
					})
					.passthrough(),
			),
		})
		.passthrough(),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const companyId = readCompanyId(this, this.getNodeParameter('company', itemIndex), itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : readLimit(this, itemIndex);
	const answer = await wesalPortalRequest(this, 'getQuestions', {
		operation: 'Question: Get Many',
		pathParams: { companyId },
		schema: questionsSchema,
		itemIndex,
	});
	return answer.data.questions
		.slice(0, limit)
		.map((question) => ({ json: question as IDataObject }));
}
