import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { getOperation, shapeOutput, validateParameters } from '../../../shared';
import { getLead, LEAD_FIELDS, simplifyLead } from '../../lead';

const leadIdField: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '123456',
	description: 'The WeClever lead ID (weclever_lead_id), a whole number',
};

const OPERATION = 'Lead: Get';
const MUST_BE = 'must be a whole number such as 123456';

const parameters = z.object({
	leadId: z
		.string({ required_error: 'a lead ID is required', invalid_type_error: MUST_BE })
		.min(1, 'a lead ID is required')
		.regex(/^[1-9]\d{0,14}$/, MUST_BE),
});

/** The Lead ID as a number: digits only (spaces around it and numbers from expressions are fine). */
function readLeadId(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('leadId', itemIndex) as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
	const { leadId } = validateParameters(
		context.getNode(),
		parameters,
		{ leadId: text },
		{ leadId: 'Lead ID' },
		itemIndex,
	);
	return Number(leadId);
}

const operation = getOperation(
	{
		show: { resource: ['lead'], operation: ['get'] },
		aboveDates: [leadIdField],
		output: { vendor: 'WeClever', fields: LEAD_FIELDS },
	},
	{
		query: readLeadId,
		async read(leadId, { item, output }) {
			const lead = await getLead(this, OPERATION, leadId, item);
			const record = { weclever_lead_id: leadId, ...lead };
			return [shapeOutput(output, record, () => simplifyLead(record))];
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
