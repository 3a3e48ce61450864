import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	optionsCollection,
	outputFields,
	readDateRange,
	readLimit,
	returnAllOrLimit,
	timeoutOption,
} from '../../../shared';
import { datePrecisionField, readDatePrecision } from '../../datePrecision';
import {
	findFinalizedLeads,
	includeDetailsOption,
	LEAD_FIELDS,
	leadOutput,
	readLeadOutput,
} from '../../lead';

const show = { resource: ['lead'], operation: ['getFinalized'] };

export const description: INodeProperties[] = [
	...dateRangeFields(show, 'Leads finalized', 1),
	datePrecisionField(show),
	...returnAllOrLimit('lead', 'getFinalized'),
	...outputFields('WeClever', LEAD_FIELDS, show),
	optionsCollection([includeDetailsOption, timeoutOption], show),
];

const OPERATION = 'Lead: Get Finalized';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const range = readDateRange(this, itemIndex);
	const precision = readDatePrecision(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : readLimit(this, itemIndex);
	const shape = readLeadOutput(this, itemIndex);

	const leads = await findFinalizedLeads(this, OPERATION, range, precision, item);
	// The API answers the whole range at once: Limit keeps the first leads, and only their details are fetched.
	const wanted = limit === undefined ? leads : leads.slice(0, limit);
	const output = await leadOutput(this, OPERATION, wanted, shape, item);
	return output.map((json) => ({ json }));
}
