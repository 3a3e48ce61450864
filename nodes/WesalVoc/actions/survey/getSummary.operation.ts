import type { IDataObject } from 'n8n-workflow';

import { readDateRange, SUMMARY_GROUPS, summaryOperation } from '../../../shared';
import { readSurveyFilters, surveyFilterFields } from '../../surveyFilters';
import { summarizeSurveys } from '../../surveySummary';

const OPERATION = 'Survey: Get Summary';

const operation = summaryOperation(
	{
		show: { resource: ['survey'], operation: ['getSummary'] },
		dates: { items: 'Surveys completed', days: 7 },
		count: SUMMARY_GROUPS,
		filters: [surveyFilterFields],
	},
	{
		query: readDateRange,
		async read(range, { item, groupBy, timezone }) {
			const parameters = this.getNodeParameter('filters', item.itemIndex, {}) as IDataObject;
			const filters = await readSurveyFilters(this, parameters, OPERATION, item);
			const window = { start: range.start.toJSDate(), end: range.end.toJSDate() };
			return await summarizeSurveys(this, OPERATION, {
				window,
				filters,
				groupBy,
				timezone,
				scope: item,
			});
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
