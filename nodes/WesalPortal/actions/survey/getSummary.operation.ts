import { SUMMARY_GROUPS, summaryOperation } from '../../../shared';
import { companyField } from '../../organization';
import { extendedOption, readSurveyQuery } from '../../survey';
import { summarizeSurveys } from '../../surveySummary';

const extendedDescription =
	'Whether to ask the API for more details on each survey (direction, duration, wrap-up); the figures are the same';

const operation = summaryOperation(
	{
		show: { resource: ['survey'], operation: ['getSummary'] },
		aboveDates: [companyField],
		dates: { items: 'Surveys answered', days: 7 },
		count: SUMMARY_GROUPS,
		options: [{ ...extendedOption, description: extendedDescription }],
	},
	{
		query: readSurveyQuery,
		async read(query, { item, groupBy, timezone }) {
			const request = { ...query, groupBy, timezone, scope: item };
			return await summarizeSurveys(this, 'Survey: Get Summary', request);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
