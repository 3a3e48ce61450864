import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { timeoutOption, validateParameters } from '../../../shared';
import { leadSimplifyOption } from '../../descriptions';
import { getLead, simplifyLead } from '../../leads';

const show = { resource: ['lead'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456',
		description: 'The WeClever lead ID (weclever_lead_id), a whole number',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [leadSimplifyOption, timeoutOption],
	},
];

const OPERATION = 'Lead: Get';
const MUST_BE = 'must be a whole number such as 123456';

const parameters = z.object({
	leadId: z
		.string({ required_error: 'a lead ID is required', invalid_type_error: MUST_BE })
		.min(1, 'a lead ID is required')
		.regex(/^[1-9]\d{0,14}$/, MUST_BE),
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('leadId', itemIndex) as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
	const leadId = Number(
		validateParameters(
			this.getNode(),
			parameters,
			{ leadId: text },
			{ leadId: 'Lead ID' },
			itemIndex,
		).leadId,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const lead = await getLead.call(this, OPERATION, leadId, {
		itemIndex,
		timeoutMs: options.timeout as number | undefined,
	});
	const record = { weclever_lead_id: leadId, ...lead };
	return [{ json: (options.simplify ? simplifyLead(record) : record) as IDataObject }];
}
