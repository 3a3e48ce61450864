import { listOperation, readDateRange, shapeOutput } from '../../../shared';
import {
	readSurveyRequest,
	readSurveys,
	simplifySurvey,
	SURVEY_FIELDS,
	surveyFilterFields,
	windowDaysOption,
} from '../../survey';

const operation = listOperation(
	{
		show: { resource: ['survey'], operation: ['getAll'] },
		dates: { items: 'Survey responses', days: 1 },
		filters: [surveyFilterFields],
		output: { vendor: 'Wolkvox', fields: SURVEY_FIELDS },
		options: [windowDaysOption],
	},
	{
		query: readDateRange,
		async read(range, { item, output, page }) {
			const { filters, options } = readSurveyRequest(this, item);
			const rows = await readSurveys(this, 'Survey: Get Many', range, filters, page, options);
			return rows.map((row) => shapeOutput(output, row, () => simplifySurvey(row)));
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
