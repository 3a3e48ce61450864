import { resource } from '../../../shared';
import * as getAll from './getAll.operation';
import * as getSummary from './getSummary.operation';

const table = resource('survey', 'getAll', [
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get intelligent-survey responses in a date range: one item per response with agent, skill (queue), date, one score per question, the lowest and the average score',
		action: 'Get many survey responses',
	},
	{
		module: getSummary,
		name: 'Get Summary',
		value: 'getSummary',
		description:
			'Get survey figures for a date range, one item per group (agent, skill or queue, channel, day, week or none): responses, then per question the responses, average, CSAT % and the lowest answer with its count. Answers are read as 1–5 unless Options → Lowest Answer and Highest Answer say otherwise.',
		action: 'Get a survey summary',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
