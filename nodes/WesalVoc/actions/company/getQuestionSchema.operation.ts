import { getOperation, shapeOutput } from '../../../shared';
import { loadQuestionSchema, QUESTION_FIELDS, simplifyQuestion } from '../../company';

const operation = getOperation(
	{
		show: { resource: ['company'], operation: ['getQuestionSchema'] },
		output: { vendor: 'Wesal VoC', fields: QUESTION_FIELDS },
	},
	{
		async read(_, { item, output }) {
			const schema = await loadQuestionSchema(this, 'Company: Get Question Schema', item);
			return schema.map(({ raw, question }) =>
				shapeOutput(output, raw, () => simplifyQuestion(question)),
			);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
