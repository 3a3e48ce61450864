import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { CallScope, RequestContext } from '../shared';
import { callEndpoint, isRecord } from '../shared';
import { camelName, flatFields, typedValue } from './flatten';
import { outcome } from './queue';
import { WESAL_PORTAL, type QueuePerformance } from './transport';

/** The longest interval the API totals in one request; longer block reads are made in parts. */
export const MAX_INTERVAL_MS = 31 * 86_400_000;

export interface PerformanceQuery {
	queues: string[];
	/** Epoch ms. */
	start: number;
	end: number;
	/** One block per 30 minutes instead of one total. */
	partial: boolean;
}

/** One queue's answer to one request, with the interval that request asked for. */
export interface PerformancePart {
	interval: string;
	entry: QueuePerformance;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Reads the interval in requests of at most 31 days, one after the other. The answers come back
 * grouped per queue, in the order the API names them, each queue's parts in time order, so that
 * parts read the same as one request.
 */
export async function readPerformance(
	context: RequestContext,
	operation: string,
	query: PerformanceQuery,
	scope?: CallScope,
): Promise<PerformancePart[][]> {
	const byQueue = new Map<string, PerformancePart[]>();
	for (let from = query.start; from < query.end; from += MAX_INTERVAL_MS) {
		const interval = `${iso(from)}/${iso(Math.min(from + MAX_INTERVAL_MS, query.end))}`;
		const answer = await callEndpoint(context, WESAL_PORTAL, 'queuePerformance', {
			operation,
			scope,
			body: { queues: query.queues, interval, partial: query.partial },
		});
		for (const entry of answer.data.result) {
			const key = String(entry.queryId ?? entry.queueId ?? '');
			const parts = byQueue.get(key) ?? [];
			byQueue.set(key, parts);
			parts.push({ interval, entry });
		}
	}
	return [...byQueue.values()];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (part: unknown, whole: unknown) =>
	typeof part === 'number' && typeof whole === 'number' && whole > 0
		? round1((100 * part) / whole)
		: null;

/** The doc's metric names in words; the times are milliseconds, given here in seconds. */
const COUNTS: Record<string, string> = {
	offer: 'offered',
	answer: 'answered',
	abandon: 'abandoned',
	metsla: 'metSla',
	oversla: 'overSla',
};
const DURATIONS: Record<string, string> = {
	asa: 'asaSeconds',
	aht: 'ahtSeconds',
	talktime: 'talkTimeSeconds',
	waittime: 'waitTimeSeconds',
};

function metricFields(metrics: unknown): IDataObject {
	if (!isRecord(metrics)) return {};
	const fields: IDataObject = {};
	for (const [key, raw] of Object.entries(metrics)) {
		const value = typedValue(raw);
		const lower = key.toLowerCase();
		if (COUNTS[lower]) fields[COUNTS[lower]] = value as number;
		else if (DURATIONS[lower] && typeof value === 'number') fields[DURATIONS[lower]] = value / 1000;
		else if (isRecord(value)) Object.assign(fields, flatFields(value, [], camelName(key)));
		else fields[camelName(key)] = value as IDataObject[string];
	}
	if ('metSla' in fields && 'answered' in fields)
		fields.serviceLevel = percent(fields.metSla, fields.answered);
	if ('abandoned' in fields && 'offered' in fields)
		fields.abandonRate = percent(fields.abandoned, fields.offered);
	return fields;
}

/**
 * Simplified: one flat item per queue and interval (or 30-minute block), the figures named in
 * words, counts as numbers, times in seconds, service level and abandon rate in percent.
 */
export function simplifyPerformance({ interval, entry }: PerformancePart): IDataObject[] {
	const queueId = entry.queryId ?? entry.queueId ?? null;
	const blocks = entry.data?.length ? entry.data : [{ interval, metrics: null }];
	const queueFields = flatFields(entry, ['queryId', 'queueId', 'success', 'message', 'data']);
	return blocks.map((block) => {
		const [start, end] = (block.interval ?? interval).split('/');
		return {
			queueId,
			start: start ? (typedValue(start) as string) : null,
			end: end ? (typedValue(end) as string) : null,
			...outcome(entry),
			...metricFields(block.metrics),
			...flatFields(block, ['interval', 'metrics']),
			...queueFields,
		};
	});
}

export const PERFORMANCE_FIELDS: INodePropertyOptions[] = [
	{ name: 'Abandon Rate (%)', value: 'abandonRate' },
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Answered', value: 'answered' },
	{ name: 'Answered Over SLA', value: 'overSla' },
	{ name: 'Answered Within SLA', value: 'metSla' },
	{ name: 'Average Handle Time (Seconds)', value: 'ahtSeconds' },
	{ name: 'Average Speed of Answer (Seconds)', value: 'asaSeconds' },
	{ name: 'End', value: 'end' },
	{ name: 'Found', value: 'found' },
	{ name: 'Message', value: 'message' },
	{ name: 'Offered', value: 'offered' },
	{ name: 'Queue ID', value: 'queueId' },
	{ name: 'Service Level (%)', value: 'serviceLevel' },
	{ name: 'Start', value: 'start' },
	{ name: 'Talk Time (Seconds)', value: 'talkTimeSeconds' },
];
