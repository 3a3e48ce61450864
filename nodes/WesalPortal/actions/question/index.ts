import { resource } from '../../../shared';
import * as getAll from './getAll.operation';

const table = resource('question', 'getAll', [
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get the survey questions of a company: one item per question with its ID, name, possible answers and the score field it gets in survey results',
		action: 'Get many questions',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
