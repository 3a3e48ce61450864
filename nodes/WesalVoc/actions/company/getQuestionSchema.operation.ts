import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { outputFields, readOutput, shapeOutput, timeoutOnlyOptions } from '../../../shared';
import { loadQuestionSchema, QUESTION_FIELDS, simplifyQuestion } from '../../company';

const show = { resource: ['company'], operation: ['getQuestionSchema'] };

export const description: INodeProperties[] = [
	...outputFields('Wesal VoC', QUESTION_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const output = readOutput(this, item.itemIndex);
	const schema = await loadQuestionSchema(this, 'Company: Get Question Schema', item);
	return schema.map(({ raw, question }) => ({
		json: shapeOutput(output, raw, () => simplifyQuestion(question)),
	}));
}
