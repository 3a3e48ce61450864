import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallScope, RequestContext } from '../shared';
import { filtersCollection, listFilter, listParameter } from '../shared';
import { loadQuestions } from './company';
import { NO_FILTERS, searchSurveys, type SurveyFilters } from './survey';

/** The agent and queue lists hold the names of this many last days' surveys. */
const LIST_DAYS = 30;

/** The survey filters shared by Survey → Get Many and the trigger. */
export const surveyFilterFields: INodeProperties = filtersCollection([
	listFilter(
		'Agent Names or IDs',
		'agents',
		'getAgents',
		"Only surveys handled by these agents (the list holds those of the last 30 days' surveys; an expression may also give comma-separated names).",
	),
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
	listFilter(
		'Queue Names or IDs',
		'queues',
		'getQueues',
		"Only surveys from these queues (the list holds those of the last 30 days' surveys; an expression may also give comma-separated names).",
	),
]);

interface AnswerFilterInput {
	answer?: Array<{ question?: string; values?: string }>;
}

/** Reads and checks the filters; answer filters are checked against the company's questions. */
export async function readSurveyFilters(
	context: RequestContext,
	raw: IDataObject,
	operation: string,
	scope?: CallScope,
): Promise<SurveyFilters> {
	const itemIndex = scope?.itemIndex;
	const filters: SurveyFilters = {
		agents: listParameter(raw.agents),
		queues: listParameter(raw.queues),
		interactionTypes: listParameter(raw.interactionTypes),
		answers: {},
	};
	const rows = (raw.answers as AnswerFilterInput | undefined)?.answer ?? [];
	if (rows.length === 0) return filters;

	const questions = await loadQuestions(context, operation, scope);
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
				{ itemIndex },
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

/**
 * The agents or queues of the last days' surveys, for the filter lists: the API has no list call,
 * and filters by name.
 */
export async function recentNames(
	context: RequestContext,
	field: 'agent' | 'queue',
): Promise<INodePropertyOptions[]> {
	const end = new Date();
	const start = new Date(end.getTime() - LIST_DAYS * 86_400_000);
	const operation = field === 'agent' ? 'Load agents' : 'Load queues';
	const surveys = await searchSurveys(context, operation, { start, end }, NO_FILTERS, {
		returnAll: true,
		limit: 0,
	});
	const names = new Set<string>();
	for (const survey of surveys) {
		const name = survey[field]?.trim();
		if (name) names.add(name);
	}
	return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}
