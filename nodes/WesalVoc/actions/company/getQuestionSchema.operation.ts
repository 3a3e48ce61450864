import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { loadQuestions } from '../../questions';

export const description: INodeProperties[] = [
	timeoutOnlyOptions({ resource: ['company'], operation: ['getQuestionSchema'] }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const questions = await loadQuestions(this, 'Company: Get Question Schema');
	return questions.map((question) => ({ json: { ...question } }));
}
