import type {
	IDataObject,
	IExecuteFunctions,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';

import type { CallScope, LocatorSpec, RequestContext } from '../shared';
import { callEndpoint, locatorField, readLocatorId } from '../shared';
import { WESAL_PORTAL, type Company, type Organization } from './transport';

export async function getOrganization(
	context: RequestContext,
	operation: string,
	scope?: CallScope,
): Promise<Organization> {
	const answer = await callEndpoint(context, WESAL_PORTAL, 'getOrganization', {
		operation,
		scope,
	});
	return answer.data;
}

const COMPANY: LocatorSpec = {
	displayName: 'Company',
	name: 'company',
	searchMethod: 'searchCompanies',
	idHint: 'a company ID (a whole number, e.g. 100301)',
	idPattern: '^\\s*\\d+\\s*$',
	placeholder: 'e.g. 100301',
	description: 'The company whose data is read (Organization → Get lists them)',
};

/** The company of a request: picked from the organization's companies, or an ID (e.g. from an expression). */
export const companyField = locatorField(COMPANY);

/** The company ID as the API wants it (a number), from the locator or a plain value. */
export function readCompanyId(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): number {
	return Number(readLocatorId(context, COMPANY, itemIndex));
}

/** "Hadef IT (100301)", as the company list shows it. */
export const companyLabel = (company: Company): string =>
	company.name ? `${company.name} (${company.id})` : String(company.id);

/** Simplified: one flat item per company, with its organization. */
export function simplifyOrganization(organization: Organization): IDataObject[] {
	const { id, name, region, organizationId } = organization.organization as IDataObject;
	const common: IDataObject = {
		organizationId: id ?? null,
		organization: name ?? null,
		region: region ?? null,
		organizationUuid: organizationId ?? null,
	};
	if (organization.companies.length === 0) return [{ companyId: null, company: null, ...common }];
	return organization.companies.map((company) => ({
		companyId:
			typeof company.id === 'string' && /^\d+$/.test(company.id) ? Number(company.id) : company.id,
		company: company.name ?? null,
		...common,
	}));
}

export const ORGANIZATION_FIELDS: INodePropertyOptions[] = [
	{ name: 'Company', value: 'company' },
	{ name: 'Company ID', value: 'companyId' },
	{ name: 'Organization', value: 'organization' },
	{ name: 'Organization ID', value: 'organizationId' },
	{ name: 'Organization UUID', value: 'organizationUuid' },
	{ name: 'Region', value: 'region' },
];
