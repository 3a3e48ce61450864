import { resource } from '../../../shared';
import * as getAll from './getAll.operation';
import * as getSummary from './getSummary.operation';

const table = resource('survey', 'getAll', [
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get completed surveys in a date range: one item per survey with agent, queue, channel, direction, contact number, date, one score field per question (named after the question), the lowest and the average score',
		action: 'Get many survey results',
	},
	{
		module: getSummary,
		name: 'Get Summary',
		value: 'getSummary',
		description:
			'Get survey figures for a date range, one item per group (agent, queue, channel, day, week or none): responses, then per question the responses, average, CSAT %, NPS (0–10 questions) and the lowest answer with its count. Read with the same requests as Get Many; no survey is kept in memory.',
		action: 'Get a survey summary',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
