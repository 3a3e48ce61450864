import type { IDataObject, IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallScope, LocatorSpec, PollSource, ReadLimit, RequestContext } from '../shared';
import { callEndpoint, compact, locatorField, readOptionalLocatorId } from '../shared';
import { JOB_STATUSES, jobTypeOptions } from './jobTypes';
import { readPages, WELCORP, type JobRow } from './transport';
import { jobIdsPageSchema, jobPageSchema } from './transport/schemas';
import { formatAccountTime, parseAccountTime, toAccountTime } from './transport/values';
import { USER_ID, wholeNumberId } from './user';

export type { JobRow } from './transport';

export const JOB_ID: LocatorSpec = {
	...wholeNumberId('Job ID', 'jobId', 'searchJobs', 60276558),
	description: 'The job to get: pick one of the newest, or enter the job_id a Create returned',
};

/** Filters of Job → Get Many; the trigger uses the first ones (name, type, user). */
export function jobFilterOptions(withStatusAndDates: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Job Name',
			name: 'jobName',
			type: 'string',
			default: '',
			placeholder: 'Schedule-Reminder',
			description: 'Only jobs given exactly this name when they were created',
		},
		{
			displayName: 'Job Type',
			name: 'jobType',
			type: 'options',
			options: jobTypeOptions('filter'),
			default: 'Sms',
		},
		{
			displayName: 'User Code',
			name: 'userCode',
			type: 'string',
			default: '',
			placeholder: 'au/my_test_account',
			description: 'Only jobs of the user with this login (agents and admins only)',
		},
		locatorField({
			...USER_ID,
			required: false,
			description: 'Only jobs of this user (agents and admins only)',
		}),
	];
	if (!withStatusAndDates) return options;
	const all: INodeProperties[] = [
		...options,
		{
			displayName: 'Job Status',
			name: 'jobStatus',
			type: 'options',
			options: JOB_STATUSES.map((status) => ({
				name: status.replace(/^\w|\s\w/g, (c) => c.toUpperCase()),
				value: status,
			})),
			default: 'complete',
		},
		{
			displayName: 'Started After',
			name: 'startAfter',
			type: 'dateTime',
			default: '',
			description: 'Only jobs submitted after this time',
		},
		{
			displayName: 'Started Before',
			name: 'startBefore',
			type: 'dateTime',
			default: '',
			description: 'Only jobs submitted before this time',
		},
	];
	return all.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export interface JobFilters {
	job_name?: string;
	job_type?: string;
	job_status?: string;
	start_after?: string;
	start_before?: string;
	user_id?: number;
	user_code?: string;
}

/** The Filters collection, checked and turned into query parameters (dates in account time). */
export function readJobFilters(
	context: IExecuteFunctions | IPollFunctions,
	zones: { workflow: string; account: string },
	itemIndex?: number,
): JobFilters {
	const node = context.getNode();
	const raw = (
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter('filters', {})
			: (context as IExecuteFunctions).getNodeParameter('filters', itemIndex, {})
	) as IDataObject;
	const date = (field: string, label: string) =>
		raw[field] === undefined || raw[field] === ''
			? undefined
			: toAccountTime(node, raw[field], label, zones, itemIndex);
	const userId = readOptionalLocatorId(context, USER_ID, 'filters.userId', itemIndex);
	const filters = compact({
		job_name: typeof raw.jobName === 'string' ? raw.jobName.trim() : undefined,
		job_type: raw.jobType as string | undefined,
		job_status: raw.jobStatus as string | undefined,
		start_after: date('startAfter', 'Started After'),
		start_before: date('startBefore', 'Started Before'),
		user_id: userId === undefined ? undefined : Number(userId),
		user_code: typeof raw.userCode === 'string' ? raw.userCode.trim() : undefined,
	}) as JobFilters;
	if (filters.start_after && filters.start_before && filters.start_before <= filters.start_after) {
		throw new NodeOperationError(
			node,
			'Invalid "Started Before": it must be later than "Started After"',
			{ itemIndex, description: 'Nothing was sent.' },
		);
	}
	return filters;
}

/**
 * GET jobs, newest first, all pages or up to the limit. `checkFields` false: only each job's
 * `job_id` is checked, the jobs kept as sent (Raw output).
 */
export async function listJobs(
	context: RequestContext,
	operation: string,
	filters: JobFilters,
	limit: ReadLimit,
	scope?: CallScope,
	checkFields = true,
): Promise<JobRow[]> {
	const schema = checkFields ? jobPageSchema : jobIdsPageSchema;
	return await readPages(
		async (page, pageSize) =>
			await callEndpoint(context, WELCORP, 'listJobs', {
				operation,
				scope,
				qs: { ...filters, page, page_size: pageSize },
				schema,
			}),
		limit,
	);
}

export interface JobQuery {
	operation: string;
	filters: JobFilters;
	zone: string;
	scope?: CallScope;
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
		query.scope,
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
				query.scope,
			),
		idOf: (job) => String(job.job_id),
		timeOf: (job) => jobTime(job, query.zone),
	};
}
