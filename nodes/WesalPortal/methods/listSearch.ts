import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getOrganization } from '../organization';

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { companies } = await getOrganization(this, 'Load companies');
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = companies
		.map((company) => ({
			name: company.name ? `${company.name} (${company.id})` : String(company.id),
			value: String(company.id),
		}))
		.filter((company) => wanted === '' || company.name.toLowerCase().includes(wanted));
	return { results };
}
