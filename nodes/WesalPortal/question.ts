import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { CallScope, RequestContext } from '../shared';
import { callEndpoint, numericAnswer, scoreField } from '../shared';
import { WESAL_PORTAL, type Question } from './transport';

export async function getQuestions(
	context: RequestContext,
	operation: string,
	companyId: number,
	scope?: CallScope,
): Promise<Question[]> {
	const answer = await callEndpoint(context, WESAL_PORTAL, 'getQuestions', {
		operation,
		scope,
		pathParams: { companyId },
	});
	return answer.data.questions;
}

/**
 * Simplified: one flat item per question, with the field its score gets in a simplified survey
 * (`scoreField`), its possible answers as text and the range of their values.
 */
export function simplifyQuestion(question: Question): IDataObject {
	const answers = question.answers ?? [];
	const name = question.name ?? String(question.id);
	const values = answers
		.map((answer) => numericAnswer(answer.value))
		.filter((value): value is number => value !== null);
	return {
		questionId: question.id,
		question: name,
		scoreField: scoreField(name, String(question.id)),
		answerCount: answers.length,
		answers: answers
			.map((answer) => `${answer.value ?? '?'} = ${answer.title ?? answer.id ?? ''}`)
			.join(', '),
		lowestValue: values.length ? Math.min(...values) : null,
		highestValue: values.length ? Math.max(...values) : null,
	};
}

export const QUESTION_FIELDS: INodePropertyOptions[] = [
	{ name: 'Answer Count', value: 'answerCount' },
	{ name: 'Answers', value: 'answers' },
	{ name: 'Highest Value', value: 'highestValue' },
	{ name: 'Lowest Value', value: 'lowestValue' },
	{ name: 'Question', value: 'question' },
	{ name: 'Question ID', value: 'questionId' },
	{ name: 'Score Field', value: 'scoreField' },
];
