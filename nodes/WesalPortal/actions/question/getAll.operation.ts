import { firstOf, listOperation, shapeOutput } from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { getQuestions, QUESTION_FIELDS, simplifyQuestion } from '../../question';

const operation = listOperation(
	{
		show: { resource: ['question'], operation: ['getAll'] },
		aboveDates: [companyField],
		output: { vendor: 'Wesal Portal', fields: QUESTION_FIELDS },
	},
	{
		query: readCompanyId,
		async read(companyId, { item, output, page }) {
			const questions = await getQuestions(this, 'Question: Get Many', companyId, item);
			return firstOf(questions, page).map((question) =>
				shapeOutput(output, question, () => simplifyQuestion(question)),
			);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
