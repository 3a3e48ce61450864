import { readAnswerScale, summaryOperation } from '../../../shared';
import { datePrecisionField, readLeadRange } from '../../datePrecision';
import { LEAD_GROUPS, scaleOptions, summarizeLeads } from '../../leadSummary';

const show = { resource: ['lead'], operation: ['getSummary'] };

const operation = summaryOperation(
	{
		show,
		dates: { items: 'Leads finalized', days: 1 },
		belowDates: [datePrecisionField(show)],
		count: LEAD_GROUPS,
		options: scaleOptions,
	},
	{
		query: readLeadRange,
		async read(query, { item, groupBy, timezone }) {
			const scale = readAnswerScale(this, item.itemIndex);
			const request = { ...query, groupBy, scale, timezone, scope: item };
			return await summarizeLeads(this, 'Lead: Get Summary', request);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
