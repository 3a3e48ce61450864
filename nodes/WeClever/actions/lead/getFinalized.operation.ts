import { firstOf, listOperation } from '../../../shared';
import { datePrecisionField, readLeadRange } from '../../datePrecision';
import {
	findFinalizedLeads,
	includeDetailsOption,
	LEAD_FIELDS,
	leadOutput,
	readLeadOutput,
} from '../../lead';

const OPERATION = 'Lead: Get Finalized';
const show = { resource: ['lead'], operation: ['getFinalized'] };

const operation = listOperation(
	{
		show,
		dates: { items: 'Leads finalized', days: 1 },
		belowDates: [datePrecisionField(show)],
		output: { vendor: 'WeClever', fields: LEAD_FIELDS },
		options: [includeDetailsOption],
	},
	{
		query: readLeadRange,
		async read({ range, precision }, { item, page }) {
			const shape = readLeadOutput(this, item.itemIndex);
			const leads = await findFinalizedLeads(this, OPERATION, range, precision, item);
			// The API answers the whole range at once: Limit keeps the first leads, and only their details are fetched.
			return await leadOutput(this, OPERATION, firstOf(leads, page), shape, item);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
