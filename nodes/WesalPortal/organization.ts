import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext } from '../shared';
import { envelope, wesalPortalRequest } from './transport';

const companySchema = z
	.object({ id: z.union([z.number(), z.string()]), name: z.string().nullish() })
	.passthrough();

export const organizationSchema = envelope(
	z
		.object({
			organization: z
				.object({ id: z.union([z.number(), z.string()]).nullish(), name: z.string().nullish() })
				.passthrough(),
			companies: z.array(companySchema),
		})
		.passthrough(),
);

export type Organization = z.infer<typeof organizationSchema>['data'];

export async function getOrganization(
	context: RequestContext,
	operation: string,
	itemIndex?: number,
): Promise<Organization> {
	const answer = await wesalPortalRequest(context, 'getOrganization', {
		operation,
		schema: organizationSchema,
		itemIndex,
	});
	return answer.data;
}

/** The company of a request: picked from the organization's companies, or an ID (e.g. from an expression). */
export const companyField: INodeProperties = {
	displayName: 'Company',
	name: 'company',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The company whose data is read (Get Organization lists them)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 100301',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: 'A company ID is a number, e.g. 100301',
					},
				},
			],
		},
	],
};

/** The company ID as the API wants it (a number), from the locator or a plain value. */
export function readCompanyId(context: RequestContext, raw: unknown, itemIndex?: number): number {
	const value =
		raw !== null && typeof raw === 'object' && 'value' in raw
			? (raw as { value: unknown }).value
			: raw;
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Company": ${text === '' ? 'choose a company' : `"${text}" is not a company ID`}`,
			{
				itemIndex,
				description: 'Pick a company from the list, or give its numeric ID (e.g. 100301).',
			},
		);
	}
	return Number(text);
}
