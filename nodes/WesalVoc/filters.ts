import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../shared';
import { listParameter } from '../shared';
import { loadQuestions } from './questions';
import type { SurveyFilters } from './surveys';

/** The survey filters shared by Survey → Get Many and the trigger. */
export const surveyFilterFields: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Agent Names',
			name: 'agents',
			type: 'string',
			default: '',
			placeholder: 'Nourah, Ahmed',
			description: 'Only surveys handled by these agents (comma-separated names)',
		},
		{
			displayName: 'Answers',
			name: 'answers',
			type: 'fixedCollection',
			placeholder: 'Add Answer Filter',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Only surveys whose answer to a question is one of the given values',
			options: [
				{
					displayName: 'Answer',
					name: 'answer',
					values: [
						{
							displayName: 'Question Name or ID',
							name: 'question',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getQuestions' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Values',
							name: 'values',
							type: 'string',
							default: '',
							placeholder: '1, 2',
							description: 'Accepted answers, comma-separated (e.g. 1, 2 for low scores)',
						},
					],
				},
			],
		},
		{
			displayName: 'Interaction Types',
			name: 'interactionTypes',
			type: 'string',
			default: '',
			placeholder: 'voice, chat',
			description: 'Only these interaction types (comma-separated)',
		},
		{
			displayName: 'Queue Names',
			name: 'queues',
			type: 'string',
			default: '',
			placeholder: 'Sales, Support',
			description: 'Only surveys from these queues (comma-separated names)',
		},
	],
};

interface AnswerFilterInput {
	answer?: Array<{ question?: string; values?: string }>;
}

/** Reads and checks the filters; answer filters are checked against the account's questions. */
export async function readSurveyFilters(
	context: RequestContext,
	raw: IDataObject,
	operation: string,
	itemIndex?: number,
): Promise<SurveyFilters> {
	const filters: SurveyFilters = {
		agents: listParameter(raw.agents),
		queues: listParameter(raw.queues),
		interactionTypes: listParameter(raw.interactionTypes),
		answers: {},
	};
	const rows = (raw.answers as AnswerFilterInput | undefined)?.answer ?? [];
	if (rows.length === 0) return filters;

	const questions = await loadQuestions(context, operation);
	for (const row of rows) {
		const question = questions.find((candidate) => candidate.id === row.question);
		if (!question) {
			throw new NodeOperationError(
				context.getNode(),
				`Invalid "Question Name or ID": "${row.question ?? ''}" is not a question of this account`,
				{
					itemIndex,
					description: `Known questions: ${questions.map((known) => known.id).join(', ')}`,
				},
			);
		}
		const values = listParameter(row.values);
		if (values.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Invalid "Values" for "${question.name}": give at least one answer`,
				{
					itemIndex,
				},
			);
		}
		const { minAnswer: min, maxAnswer: max } = question;
		const outside = values.find((value) => {
			const number = Number(value);
			return (
				question.type === 'rating' &&
				(!Number.isFinite(number) ||
					(min !== undefined && number < min) ||
					(max !== undefined && number > max))
			);
		});
		if (outside !== undefined) {
			throw new NodeOperationError(
				context.getNode(),
				`Invalid "Values" for "${question.name}": "${outside}" is not an answer between ${min} and ${max}`,
				{ itemIndex },
			);
		}
		filters.answers[question.id] = [...(filters.answers[question.id] ?? []), ...values];
	}
	return filters;
}
