import type { PollSource, RequestContext } from '../../shared';
import type { JobFilters } from '../jobs/list';
import { listJobs } from '../jobs/list';
import type { JobRow } from '../schemas';
import { formatAccountTime, parseAccountTime } from '../time';

export interface JobQuery {
	operation: string;
	filters: JobFilters;
	zone: string;
	timeoutMs?: number;
}

/** Jobs submitted after `since` (one second earlier: Welcorp's start_after is strict, dates have seconds). */
export async function jobsSince(
	context: RequestContext,
	query: JobQuery,
	since: Date,
	extra: JobFilters = {},
): Promise<JobRow[]> {
	const after = formatAccountTime(new Date(since.getTime() - 1000), query.zone);
	return await listJobs(
		context,
		query.operation,
		{ ...query.filters, ...extra, start_after: after },
		{ returnAll: true, limit: 0 },
		{ timeoutMs: query.timeoutMs },
	);
}

export function jobTime(job: JobRow, zone: string): Date | undefined {
	return parseAccountTime(job.start_date, zone);
}

/**
 * New jobs by their start date. No start_before is sent: Welcorp's clock may be ahead of n8n's,
 * and a job stamped "in the future" must not wait until n8n's clock catches up.
 */
export function newJobSource(
	context: RequestContext,
	query: JobQuery,
	sampleStatus?: string,
): PollSource<JobRow> {
	return {
		fetchWindow: async (since) => await jobsSince(context, query, since),
		fetchSample: async () =>
			await listJobs(
				context,
				query.operation,
				{ ...query.filters, ...(sampleStatus ? { job_status: sampleStatus } : {}) },
				{ returnAll: false, limit: 1 },
				{ timeoutMs: query.timeoutMs },
			),
		idOf: (job) => String(job.job_id),
		timeOf: (job) => jobTime(job, query.zone),
	};
}
