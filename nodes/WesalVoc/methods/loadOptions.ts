import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadQuestions } from '../questions';

export async function getQuestions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const questions = await loadQuestions(this, 'Load questions');
	return questions.map((question) => ({
		name: question.name,
		value: question.id,
		description:
			question.minAnswer !== undefined && question.maxAnswer !== undefined
				? `${question.type ?? 'answer'} from ${question.minAnswer} to ${question.maxAnswer}`
				: question.type,
	}));
}
