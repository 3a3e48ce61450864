import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { searchPage } from '../../shared';
import { companyLabel, getOrganization } from '../organization';
import { recentQueues } from '../queue';

/** The organization's companies for the Company locator; the API lists them all at once. */
export const listSearch = {
	async searchCompanies(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const { companies } = await getOrganization(this, 'Load companies');
		const items = companies.map((company) => ({
			name: companyLabel(company),
			value: String(company.id),
		}));
		return searchPage(items, filter, undefined);
	},
};

export const loadOptions = {
	async getQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await recentQueues(this);
	},
};
