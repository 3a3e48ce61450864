import { resource } from '../../../shared';
import * as getAll from './getAll.operation';
import * as getSummary from './getSummary.operation';

const table = resource('survey', 'getAll', [
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get the survey results of a company answered in a date range: one item per survey with its conversation (queue, agent, channel, customer), one score field per question, the lowest and the average score',
		action: 'Get many survey results',
	},
	{
		module: getSummary,
		name: 'Get Summary',
		value: 'getSummary',
		description:
			"Get a company's survey figures for a date range, one item per group (agent, queue, channel, day, week or none): responses, then per question the responses, average, CSAT %, NPS (0–10 questions) and the worst answer with its count. The questions list gives each scale (1 = high is read as lower is better); then the same requests as Get Many.",
		action: 'Get a survey summary',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
