import type { IDataObject } from 'n8n-workflow';

import { listOperation, readDateRange, shapeOutput } from '../../../shared';
import { loadQuestions } from '../../company';
import { searchSurveys, simplifySurvey, SURVEY_FIELDS } from '../../survey';
import { readSurveyFilters, surveyFilterFields } from '../../surveyFilters';

const OPERATION = 'Survey: Get Many';

const operation = listOperation(
	{
		show: { resource: ['survey'], operation: ['getAll'] },
		dates: { items: 'Surveys completed', days: 7 },
		filters: [surveyFilterFields],
		output: { vendor: 'Wesal VoC', fields: SURVEY_FIELDS },
	},
	{
		query: readDateRange,
		async read(range, { item, output, page }) {
			const parameters = this.getNodeParameter('filters', item.itemIndex, {}) as IDataObject;
			const filters = await readSurveyFilters(this, parameters, OPERATION, item);
			const window = { start: range.start.toJSDate(), end: range.end.toJSDate() };
			const raw = output.mode === 'raw';
			const surveys = await searchSurveys(this, OPERATION, window, filters, page, item, !raw);
			// After the search, which logged in if needed: the schema then comes with no extra request.
			const questions = raw ? [] : await loadQuestions(this, OPERATION, item);
			return surveys.map((survey) =>
				shapeOutput(output, survey, () => simplifySurvey(survey, questions)),
			);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
