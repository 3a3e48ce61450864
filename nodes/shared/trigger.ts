import { createHash } from 'crypto';
import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDateInput } from './dates';
import { readTimeout } from './params';
import type { PollSettings } from './pollCursor';

const HOUR_MS = 3_600_000;

/** Start From: where a polling trigger's first poll after activation begins. */
export const startFromFields: INodeProperties[] = [
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		options: [
			{
				name: 'Now',
				value: 'now',
				description: 'Only items that arrive after the workflow is published (activated)',
			},
			{
				name: 'The Last Hours',
				value: 'lastHours',
				description: 'Also the items of the last hours before it is published, each once',
			},
			{
				name: 'A Date and Time',
				value: 'dateTime',
				description: 'Also every item since a date and time, each once',
			},
		],
		default: 'now',
		description: 'Where the trigger starts when it is first published (activated)',
	},
	{
		displayName: 'Hours',
		name: 'startHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 24,
		description: 'How many hours before publishing the trigger starts',
		displayOptions: { show: { startFrom: ['lastHours'] } },
	},
	{
		displayName: 'Date and Time',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'The trigger starts with the items from this time on',
		displayOptions: { show: { startFrom: ['dateTime'] } },
	},
	{
		displayName:
			'Changing the event, a filter or Start From starts this trigger again: once published, it begins from Start From as if newly added',
		name: 'resetNotice',
		type: 'notice',
		default: '',
	},
];

/** The parameters that decide what a trigger reads: a change of any of them starts it again. */
const QUERY_PARAMETERS = ['event', 'filters', 'startFrom', 'startHours', 'startDate'];

export interface TriggerSettings extends PollSettings {
	timeoutMs: number;
}

function readStartFrom(context: IPollFunctions, now: number): Date | undefined {
	const mode = context.getNodeParameter('startFrom', 'now') as string;
	if (mode === 'lastHours') {
		const hours = context.getNodeParameter('startHours', 24) as unknown;
		if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
			throw new NodeOperationError(
				context.getNode(),
				'Invalid "Hours": must be a positive number',
				{
					description: `Got ${JSON.stringify(hours)}. Nothing was read.`,
				},
			);
		}
		return new Date(now - hours * HOUR_MS);
	}
	if (mode === 'dateTime') {
		const value = context.getNodeParameter('startDate', '');
		const date = parseDateInput(context.getNode(), value, 'Date and Time', context.getTimezone());
		return date.toJSDate();
	}
	return undefined;
}

/** Everything a trigger's query depends on, as a short stable hash (plus what the trigger adds). */
export function queryFingerprint(context: IPollFunctions, extra: unknown = null): string {
	const values = QUERY_PARAMETERS.map((name) => context.getNodeParameter(name, null));
	return createHash('sha1')
		.update(JSON.stringify([values, extra]))
		.digest('hex')
		.slice(0, 12);
}

/**
 * The settings every polling trigger reads the same way: Options → Late Arrival Window and
 * Timeout, Start From, and the fingerprint of its query.
 */
export function readTriggerSettings(
	context: IPollFunctions,
	extra: unknown = null,
): TriggerSettings {
	const now = Date.now();
	const lookback = context.getNodeParameter('options.lookbackMinutes', 10) as unknown;
	if (typeof lookback !== 'number' || !Number.isFinite(lookback) || lookback < 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Late Arrival Window (Minutes)": must be 0 or more',
			{ description: `Got ${JSON.stringify(lookback)}. Nothing was read.` },
		);
	}
	return {
		lookbackMs: lookback * 60_000,
		startFrom: readStartFrom(context, now),
		fingerprint: queryFingerprint(context, extra),
		timeoutMs: readTimeout(context),
		now: new Date(now),
	};
}

/**
 * "Fetch Test Event": the newest item of the nearest window that has any, looking further back
 * only while nothing is found (e.g. the last day, then week, then month).
 */
export async function newestInWindows<T>(
	fetch: (since: Date, until: Date) => Promise<T[]>,
	windowsMs: number[],
	timeOf: (item: T) => Date | undefined,
): Promise<T[]> {
	const now = Date.now();
	let nearer = 0;
	for (const windowMs of windowsMs) {
		const until = nearer ? now - nearer - 1000 : now;
		const items = await fetch(new Date(now - windowMs), new Date(until));
		const newest = items.reduce<T | undefined>(
			(best, item) =>
				best && (timeOf(best)?.getTime() ?? 0) >= (timeOf(item)?.getTime() ?? 0) ? best : item,
			undefined,
		);
		if (newest) return [newest];
		nearer = windowMs;
	}
	return [];
}
