import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { TriggerSettings } from '../shared';
import { pollNewItems, withPollStateRollback } from '../shared';
import { jobsSince, jobTime, listJobs, newJobSource, type JobQuery, type JobRow } from './job';
import { isStatus } from './jobTypes';
import { parseAccountTime } from './transport/values';

/** Jobs seen as submitted and not yet complete; bounded so static data stays small. */
const MAX_TRACKED = 500;
const TRACKING_KEY = 'welcorpTracking';

interface Tracking {
	/** job_id → start time (ms) */
	jobs: Record<string, number>;
	/** The fingerprint of the trigger's query (event, filters, Start From) the jobs belong to. */
	query?: string;
}

export interface CompletedSettings extends TriggerSettings {
	/** How long a submitted job is watched before it is given up. */
	trackMs: number;
}

/** The saved tracking, unless it belongs to another query (then the trigger starts again). */
function readTracking(data: IDataObject, query: string | undefined): Tracking | undefined {
	const raw = data[TRACKING_KEY] as Tracking | undefined;
	if (!raw || typeof raw.jobs !== 'object' || raw.jobs === null) return undefined;
	if (raw.query !== query) return undefined;
	return { jobs: { ...raw.jobs }, query };
}

function bounded(jobs: Record<string, number>, oldestMs: number): Record<string, number> {
	const kept = Object.entries(jobs)
		.filter(([, start]) => start >= oldestMs)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_TRACKED);
	return Object.fromEntries(kept);
}

function same(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Job Completed: new jobs come from the shared cursor engine; those not complete yet are tracked
 * (static data) and looked up again on every poll until they are complete (emitted), closed
 * (dropped) or older than the tracking period (dropped).
 */
export async function pollCompletedJobs(
	context: IPollFunctions,
	query: JobQuery,
	settings: CompletedSettings,
): Promise<JobRow[] | null> {
	const source = newJobSource(context, query, 'complete');
	if (context.getMode() === 'manual') {
		const sample = await source.fetchSample();
		return sample.length ? sample : null;
	}
	// The cursor engine saves its state before the tracked jobs are looked up: all or nothing.
	return await withPollStateRollback(
		context,
		async () => await pollTracked(context, source, query, settings),
	);
}

/** Jobs started within the tracking period before Start From that completed since then. */
async function completedSince(
	context: IPollFunctions,
	query: JobQuery,
	startFrom: Date,
	trackMs: number,
): Promise<JobRow[]> {
	const jobs = await jobsSince(context, query, new Date(startFrom.getTime() - trackMs), {
		job_status: 'complete',
	});
	return jobs.filter(
		(job) =>
			(parseAccountTime(job.complete_date, query.zone)?.getTime() ?? 0) >= startFrom.getTime(),
	);
}

async function pollTracked(
	context: IPollFunctions,
	source: ReturnType<typeof newJobSource>,
	query: JobQuery,
	settings: CompletedSettings,
): Promise<JobRow[] | null> {
	const data = context.getWorkflowStaticData('node');
	const previous = readTracking(data, settings.fingerprint);
	const jobs = { ...(previous?.jobs ?? {}) };
	const completed = new Map<string, JobRow>();
	const startOf = (job: JobRow) => jobTime(job, query.zone)?.getTime() ?? Date.now();

	if (!previous) {
		// First activation, or a changed query: jobs already on their way complete after it, so they count.
		const submitted = await listJobs(
			context,
			query.operation,
			{ ...query.filters, job_status: 'broadcast submitted' },
			{ returnAll: true, limit: 0 },
			query.scope,
		);
		for (const job of submitted) jobs[String(job.job_id)] = startOf(job);
		if (settings.startFrom) {
			for (const job of await completedSince(context, query, settings.startFrom, settings.trackMs))
				completed.set(String(job.job_id), job);
		}
	}

	for (const job of (await pollNewItems(context, source, settings)) ?? []) {
		if (isStatus(job, 'complete')) completed.set(String(job.job_id), job);
		else if (!isStatus(job, 'closed')) jobs[String(job.job_id)] = startOf(job);
	}

	const waiting = Object.values(jobs);
	if (previous && waiting.length > 0) {
		for (const job of await jobsSince(context, query, new Date(Math.min(...waiting)))) {
			const id = String(job.job_id);
			if (!(id in jobs)) continue;
			if (isStatus(job, 'complete')) completed.set(id, job);
			if (isStatus(job, 'complete') || isStatus(job, 'closed')) delete jobs[id];
		}
	}
	for (const id of completed.keys()) delete jobs[id];

	const next = bounded(jobs, Date.now() - settings.trackMs);
	if (!previous || !same(previous.jobs, next))
		data[TRACKING_KEY] = { jobs: next, query: settings.fingerprint };
	if (completed.size === 0) return null;
	return [...completed.values()].sort((a, b) => a.job_id - b.job_id);
}
