import { resource } from '../../../shared';
import * as getQuestionSchema from './getQuestionSchema.operation';

const table = resource('company', 'getQuestionSchema', [
	{
		module: getQuestionSchema,
		name: 'Get Question Schema',
		value: 'getQuestionSchema',
		description:
			"Get the survey questions of the account's company: one item per question with its ID, name, type and lowest and highest answer",
		action: 'Get the question schema',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
