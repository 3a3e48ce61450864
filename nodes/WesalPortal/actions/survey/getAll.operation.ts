import { listOperation, shapeOutput } from '../../../shared';
import { companyField } from '../../organization';
import { extendedOption, readSurveyQuery, searchSurveys } from '../../survey';
import { simplifySurvey, SURVEY_FIELDS } from '../../surveyOutput';

const operation = listOperation(
	{
		show: { resource: ['survey'], operation: ['getAll'] },
		aboveDates: [companyField],
		dates: { items: 'Surveys answered', days: 7 },
		output: { vendor: 'Wesal Portal', fields: SURVEY_FIELDS },
		options: [extendedOption],
	},
	{
		query: readSurveyQuery,
		async read(query, { item, output, page }) {
			// Raw output passes the surveys on as sent: only their ids are read.
			const search = { ...query, checkFields: output.mode !== 'raw' };
			const surveys = await searchSurveys(this, 'Survey: Get Many', search, page, item);
			return surveys.map((survey) => shapeOutput(output, survey, () => simplifySurvey(survey)));
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
