import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { callEndpoint, searchPage } from '../../shared';
import { laravelPage, WELCORP } from '../transport';
import { accountZone, isoTime } from '../transport/values';

/** One page of a From List: as many as the API serves at once. */
const PAGE_SIZE = 100;
const OPERATION = 'Load list';

/** The page a From List token points at: a page number (as n8n hands it back, number or text). */
function pageNumber(token: unknown): number {
	const page = Number(token);
	return Number.isInteger(page) && page > 0 ? page : 1;
}

async function usersPage(context: ILoadOptionsFunctions, page: number) {
	const answer = await callEndpoint(context, WELCORP, 'listUsers', {
		operation: OPERATION,
		qs: { page, page_size: PAGE_SIZE },
	});
	return laravelPage(answer, page);
}

/**
 * The users of a company can be on several pages: the token of the company list carries the next
 * page and the companies already listed, "3:1,4,7".
 */
function readCompanyToken(token: unknown): { page: number; shown: Set<number> } {
	const [page, shown] = String(token ?? '').split(':');
	const ids = (shown ?? '').split(',').map(Number);
	return { page: pageNumber(page), shown: new Set(ids.filter((id) => id > 0)) };
}

export const listSearch = {
	/** The newest jobs first; the search matches the job's id, name, type and user. */
	async searchJobs(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = pageNumber(paginationToken);
		const zone = await accountZone(this);
		const answer = await callEndpoint(this, WELCORP, 'listJobs', {
			operation: OPERATION,
			qs: { page, page_size: PAGE_SIZE },
		});
		const { items, next } = laravelPage(answer, page);
		const results: INodeListSearchItems[] = items.map((job) => {
			const started = isoTime(job.start_date, zone)?.slice(0, 16).replace('T', ' ');
			const details = [job.job_type, job.user_code, started && `${started} UTC`].filter(Boolean);
			return {
				name: `${job.job_id} ${job.job_name ?? ''} (${details.join(', ')})`.replace(/\s+/g, ' '),
				value: String(job.job_id),
			};
		});
		return searchPage(results, filter, next);
	},

	/** The users the credential can see; the search matches login and name. */
	async searchUsers(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const { items, next } = await usersPage(this, pageNumber(paginationToken));
		const results = items.map((user) => {
			const record = user as IDataObject;
			const name = [record.first_name, record.last_name].filter(Boolean).join(' ');
			return {
				name: `${user.user_code ?? user.user_id}${name ? ` (${name})` : ''}`,
				value: String(user.user_id),
			};
		});
		return searchPage(results, filter, next);
	},

	/** The companies of the users the credential can see, each once; the search matches the name. */
	async searchCompanies(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const { page, shown } = readCompanyToken(paginationToken);
		const { items, next } = await usersPage(this, page);
		const results: INodeListSearchItems[] = [];
		for (const user of items) {
			const id = Number(user.company_id ?? user.company?.company_id);
			if (!Number.isInteger(id) || id < 1 || shown.has(id)) continue;
			shown.add(id);
			results.push({ name: `${user.company?.name ?? 'Company'} (${id})`, value: String(id) });
		}
		const token = next === undefined ? undefined : `${next}:${[...shown].join(',')}`;
		return searchPage(results, filter, token);
	},
};
