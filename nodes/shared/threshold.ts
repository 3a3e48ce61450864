import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FeedbackRecord } from './feedback';
import { scoreField } from './feedback';
import { pollNewItems, type PollSource } from './pollCursor';
import { withPollStateRollback } from './pollEnrich';
import { isSatisfied, type Scale } from './summary';
import type { TriggerSettings } from './trigger';

/**
 * "CSAT Below Threshold", on the cursor engine: the surveys each poll delivers exactly once feed one
 * rolling window per group, saved with the cursor and only after a successful read. A group fires
 * when its CSAT falls below the threshold, and again only after recovering to threshold + margin.
 */
export const CSAT_BELOW_THRESHOLD = 'csatBelowThreshold';
export interface ThresholdSettings {
	group: 'queue' | 'agent';
	window: { type: 'minutes' | 'responses'; size: number };
	threshold: number;
	margin: number;
	minResponses: number;
	above?: number;
	question: string;
}

export function readThresholdSettings(context: IPollFunctions): ThresholdSettings {
	const number = (name: string, label: string, min: number) => {
		const value = context.getNodeParameter(name, null) as unknown;
		if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
		throw new NodeOperationError(context.getNode(), `Invalid "${label}": must be ${min} or more`, {
			description: `Got ${JSON.stringify(value)}. Nothing was read.`,
		});
	};
	const byResponses = context.getNodeParameter('windowType', 'minutes') === 'responses';
	const above = context.getNodeParameter('satisfiedMeans', 'topTwo') === 'above';
	return {
		group: context.getNodeParameter('thresholdGroup', 'queue') === 'agent' ? 'agent' : 'queue',
		window: {
			type: byResponses ? 'responses' : 'minutes',
			size: Math.floor(number('windowSize', 'Window Size', 1)),
		},
		threshold: number('threshold', 'Threshold (%)', 0),
		margin: number('recoveryMargin', 'Recovery Margin (Points)', 0),
		minResponses: Math.floor(number('minResponses', 'Minimum Responses', 1)),
		above: above ? number('satisfiedAbove', 'Value', -Number.MAX_VALUE) : undefined,
		question: String(context.getNodeParameter('question', '') ?? '').trim(),
	};
}

/** A response: its time in whole seconds, satisfied (1) or not; `a`: 1 while fired, not recovered. */
type Entry = [number, 0 | 1];
interface GroupWindow {
	a: 0 | 1;
	e: Entry[];
}
interface WindowsState {
	f?: string;
	g: Record<string, GroupWindow>;
}
const STATE_KEY = 'csatThreshold';
interface Figures {
	csat: number;
	satisfied: number;
	responses: number;
	windowStart: string;
	windowEnd: string;
}
/** `tipping`: indexes (in the poll's delivered items) of the group's surveys that led to it. */
export type Crossing = Figures & { group: string; tipping: number[] };
type Scales = (questionId: string) => Scale | undefined;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const groupOf = (record: FeedbackRecord, settings: ThresholdSettings) =>
	settings.group === 'agent' ? (record.agent ?? record.agentId) : (record.queue ?? record.queueId);

/** The responses a survey adds to its group's window (one per counted answer). */
function entriesOf(
	record: FeedbackRecord,
	settings: ThresholdSettings,
	scaleOf: Scales,
	at: number,
): Entry[] {
	const wanted = settings.question.toLowerCase();
	const entries: Entry[] = [];
	for (const score of record.scores) {
		if (score.value === null) continue;
		const names = [score.questionId, score.question, scoreField(score.question, score.questionId)];
		if (wanted && !names.some((name) => name.toLowerCase() === wanted)) continue;
		const satisfied = isSatisfied(score.value, scaleOf(score.questionId), settings.above);
		if (satisfied === undefined) continue;
		entries.push([at, satisfied ? 1 : 0]);
	}
	return entries;
}

/** Feeds one group's window with a survey's responses; returns the figures when they crossed down. */
function feed(window: GroupWindow, entries: Entry[], settings: ThresholdSettings) {
	let crossed: Figures | undefined;
	for (const entry of entries) {
		if (settings.window.type === 'responses') {
			window.e.push(entry);
			if (window.e.length > settings.window.size)
				window.e.splice(0, window.e.length - settings.window.size);
		} else {
			const newest = Math.max(entry[0], ...window.e.map((kept) => kept[0]));
			const oldest = newest - settings.window.size * 60;
			if (entry[0] < oldest) continue;
			window.e = [...window.e.filter((kept) => kept[0] >= oldest), entry];
		}
		const responses = window.e.length;
		if (responses < settings.minResponses) continue;
		const satisfied = window.e.reduce((sum, kept) => sum + kept[1], 0);
		const csat = (satisfied / responses) * 100;
		if (!window.a && csat < settings.threshold) {
			window.a = 1;
			const times = window.e.map((kept) => kept[0]);
			const [windowStart, windowEnd] = [Math.min(...times), Math.max(...times)].map(iso);
			const rounded = Math.round(csat * 100) / 100;
			crossed = { csat: rounded, satisfied, responses, windowStart, windowEnd };
		} else if (window.a && csat >= settings.threshold + settings.margin) window.a = 0;
	}
	return crossed;
}

/**
 * Runs the windows over the records in delivery order (the state is changed in place) and returns
 * every crossing. `now` (ms) drops minute windows' responses too old to matter for later ones.
 */
export function runWindows(
	state: WindowsState,
	records: FeedbackRecord[],
	settings: ThresholdSettings,
	scaleOf: Scales,
	now: number,
	lookbackMs: number,
): Crossing[] {
	const crossings: Crossing[] = [];
	const pending = new Map<string, number[]>();
	records.forEach((record, index) => {
		const group = groupOf(record, settings);
		if (!group) return;
		const at = Math.floor(Date.parse(record.date ?? '') / 1000) || Math.floor(now / 1000);
		const entries = entriesOf(record, settings, scaleOf, at);
		if (entries.length === 0) return;
		const window = (state.g[group] ??= { a: 0, e: [] });
		const tipping = [...(pending.get(group) ?? []), index];
		pending.set(group, tipping);
		const crossed = feed(window, entries, settings);
		if (!crossed) return;
		crossings.push({ group, ...crossed, tipping });
		pending.set(group, []);
	});
	if (settings.window.type === 'minutes') {
		const oldest = Math.floor((now - lookbackMs) / 1000) - settings.window.size * 60;
		for (const [group, window] of Object.entries(state.g)) {
			window.e = window.e.filter((entry) => entry[0] >= oldest);
			if (window.e.length === 0 && !window.a) delete state.g[group];
		}
	}
	return crossings;
}

/** `shape`: as the trigger's Output choice says; `scales`: read once the new items are in. */
export interface ThresholdVendor<T> {
	recordOf(item: T): FeedbackRecord;
	shape(item: T): IDataObject;
	scales(): Promise<Scales>;
}
function readWindows(data: IDataObject, fingerprint?: string): WindowsState {
	const stored = data[STATE_KEY] as WindowsState | undefined;
	const usable = stored?.f === fingerprint && typeof stored?.g === 'object' && stored.g !== null;
	return usable ? (JSON.parse(JSON.stringify(stored)) as WindowsState) : { f: fingerprint, g: {} };
}

export async function pollCsatThreshold<T>(
	context: IPollFunctions,
	source: PollSource<T>,
	settings: TriggerSettings,
	threshold: ThresholdSettings,
	vendor: ThresholdVendor<T>,
): Promise<INodeExecutionData[][] | null> {
	const manual = context.getMode() === 'manual';
	const data = context.getWorkflowStaticData('node');
	const { crossings, items } = await withPollStateRollback(context, async () => {
		const delivered = (await pollNewItems(context, source, settings)) ?? [];
		const scaleOf = await vendor.scales();
		const before = JSON.stringify(data[STATE_KEY] ?? null);
		const state = manual ? { g: {} } : readWindows(data, settings.fingerprint);
		// Fetch Test Event's sample comes in the API's order: oldest first, as polls deliver them.
		const time = (item: T) => Date.parse(vendor.recordOf(item).date ?? '') || 0;
		if (manual) delivered.sort((a, b) => time(a) - time(b));
		const records = delivered.map(vendor.recordOf);
		// and shows the lowest group, as it stood once it had enough responses.
		const run = manual ? { ...threshold, threshold: 100.01 } : threshold;
		const now = (settings.now ?? new Date()).getTime();
		const found = runWindows(state, records, run, scaleOf, now, settings.lookbackMs);
		if (manual) found.splice(0, found.length, ...found.sort((x, y) => x.csat - y.csat).slice(0, 1));
		if (!manual && JSON.stringify(state) !== before)
			data[STATE_KEY] = state as unknown as IDataObject;
		return { crossings: found, items: delivered };
	});
	if (crossings.length === 0) return null;
	return [
		crossings.map(({ tipping, ...figures }) => ({
			json: {
				event: CSAT_BELOW_THRESHOLD,
				per: threshold.group,
				...figures,
				threshold: threshold.threshold,
				recoversAt: threshold.threshold + threshold.margin,
				minResponses: threshold.minResponses,
				...(manual && figures.csat >= threshold.threshold ? { preview: true } : {}),
				surveys: tipping.map((index) => vendor.shape(items[index])),
			},
		})),
	];
}
