import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	outputFields,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { getQuestions, QUESTION_FIELDS, simplifyQuestion } from '../../question';

const show = { resource: ['question'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{ ...companyField, displayOptions: { show } },
	...returnAllOrLimit('question', 'getAll'),
	...outputFields('Wesal Portal', QUESTION_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const companyId = readCompanyId(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : readLimit(this, itemIndex);
	const output = readOutput(this, itemIndex);
	const questions = await getQuestions(this, 'Question: Get Many', companyId, item);
	return questions.slice(0, limit).map((question) => ({
		json: shapeOutput(output, question, () => simplifyQuestion(question)),
	}));
}
