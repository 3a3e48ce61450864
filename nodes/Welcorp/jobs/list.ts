import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ReadLimit, RequestContext } from '../../shared';
import { compact } from '../../shared';
import { readPages } from '../paging';
import { jobRowSchema, pageSchema, type JobRow } from '../schemas';
import { toAccountTime } from '../time';

export interface JobFilters {
	job_name?: string;
	job_type?: string;
	job_status?: string;
	start_after?: string;
	start_before?: string;
	user_id?: number;
	user_code?: string;
}

const jobPageSchema = pageSchema(jobRowSchema);

/** The Filters collection of Job → Get Many, checked and turned into query parameters. */
export function readJobFilters(
	node: INode,
	raw: IDataObject,
	zones: { workflow: string; account: string },
	itemIndex?: number,
): JobFilters {
	const date = (field: string, label: string) =>
		raw[field] === undefined || raw[field] === ''
			? undefined
			: toAccountTime(node, raw[field], label, zones.workflow, zones.account, itemIndex);
	let userId: number | undefined;
	// 0 is the number field's empty value, not a user id.
	if (raw.userId !== undefined && raw.userId !== '' && raw.userId !== null && raw.userId !== 0) {
		userId = Number(raw.userId);
		if (!Number.isInteger(userId) || userId < 1) {
			throw new NodeOperationError(
				node,
				`Invalid "User ID": "${String(raw.userId)}" must be a positive whole number`,
				{ itemIndex },
			);
		}
	}
	const filters = compact({
		job_name: typeof raw.jobName === 'string' ? raw.jobName.trim() : undefined,
		job_type: raw.jobType as string | undefined,
		job_status: raw.jobStatus as string | undefined,
		start_after: date('startAfter', 'Started After'),
		start_before: date('startBefore', 'Started Before'),
		user_id: userId,
		user_code: typeof raw.userCode === 'string' ? raw.userCode.trim() : undefined,
	}) as JobFilters;
	if (filters.start_after && filters.start_before && filters.start_before <= filters.start_after) {
		throw new NodeOperationError(
			node,
			'Invalid "Started Before": it must be later than "Started After"',
			{ itemIndex },
		);
	}
	return filters;
}

/** GET jobs, newest first, all pages or up to the limit. */
export async function listJobs(
	context: RequestContext,
	operation: string,
	filters: JobFilters,
	limit: ReadLimit,
	options: { itemIndex?: number; timeoutMs?: number } = {},
): Promise<JobRow[]> {
	return await readPages(
		context,
		'listJobs',
		{ operation, qs: { ...filters }, schema: jobPageSchema, ...options },
		limit,
	);
}
