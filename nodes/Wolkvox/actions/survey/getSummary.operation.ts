import { readAnswerScale, readDateRange, SUMMARY_GROUPS, summaryOperation } from '../../../shared';
import { readSurveyRequest, surveyFilterFields, windowDaysOption } from '../../survey';
import { scaleOptions, summarizeSurveys } from '../../surveySummary';

const operation = summaryOperation(
	{
		show: { resource: ['survey'], operation: ['getSummary'] },
		dates: { items: 'Survey responses', days: 1 },
		count: SUMMARY_GROUPS,
		filters: [surveyFilterFields],
		options: [windowDaysOption, ...scaleOptions],
	},
	{
		query: readDateRange,
		async read(range, { item, groupBy, timezone }) {
			const scale = readAnswerScale(this, item.itemIndex);
			const { filters, options } = readSurveyRequest(this, item);
			const request = { range, filters, options, groupBy, scale, timezone };
			return await summarizeSurveys(this, 'Survey: Get Summary', request);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
