import { resource } from '../../../shared';
import * as getQuestionSchema from './getQuestionSchema.operation';

export const { operations, description } = resource('company', 'getQuestionSchema', [
	{
		module: getQuestionSchema,
		name: 'Get Question Schema',
		value: 'getQuestionSchema',
		description:
			"Get the survey questions of the account's company: one item per question with its ID, name, type and lowest and highest answer",
		action: 'Get the question schema',
	},
]);
