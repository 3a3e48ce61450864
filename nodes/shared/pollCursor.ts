import { createHash } from 'crypto';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * Lossless polling: every poll reads the window [cursor - lookback, now] (inclusive), emits
 * what is not in the bounded seen set, and moves the cursor to the newest item's own timestamp.
 * State lives only in the workflow's static data and is written only after a successful read,
 * so a failed or repeated poll neither loses nor repeats an item.
 */
export interface PollSource<T> {
	/** Every item whose timestamp is within [since, until], all pages. */
	fetchWindow(since: Date, until: Date): Promise<T[]>;
	/** The newest item(s) for "Fetch Test Event"; must not depend on poll state. */
	fetchSample(): Promise<T[]>;
	idOf(item: T): string;
	/** The item's own time; undefined when the vendor gives none (the poll time stands in). */
	timeOf(item: T): Date | undefined;
}

export interface PollSettings {
	/** How far before the cursor each poll looks again, for items that arrive late. */
	lookbackMs: number;
	now?: Date;
	/** Upper bound of remembered ids (whole same-timestamp groups are always kept). */
	maxSeen?: number;
}

interface CursorState {
	cursor: number;
	/** Compact item key -> item time in ms. */
	seen: Record<string, number>;
}

const STATE_KEY = 'pollCursor';
/**
 * With n8n's durable poll cursors (2.x, N8N_POLLER_DURABLE_CURSORS_ENABLED) the node's static
 * data is saved only together with an execution, so the activation poll's baseline would be lost
 * and items created before the first scheduled poll dropped. The workflow's global static data is
 * still saved after activation: the baseline is kept there too, per node id, until the node's own
 * state has been saved.
 */
const BASELINES_KEY = 'pollCursorBaselines';
export const DEFAULT_MAX_SEEN = 1000;

/** Long ids are stored as a 64-bit hash to keep static data small. */
function keyOf(id: string): string {
	return id.length <= 20 ? id : createHash('sha1').update(id).digest('hex').slice(0, 16);
}

function readState(data: IDataObject): CursorState | undefined {
	const raw = data[STATE_KEY] as Partial<CursorState> | undefined;
	if (!raw || typeof raw.cursor !== 'number' || typeof raw.seen !== 'object' || raw.seen === null) {
		return undefined;
	}
	return { cursor: raw.cursor, seen: { ...raw.seen } };
}

function writeState(data: IDataObject, next: CursorState, previous: CursorState | undefined): void {
	// Assigning marks static data as changed for n8n; an idle poll must not write anything.
	if (previous && previous.cursor === next.cursor && sameSeen(previous.seen, next.seen)) return;
	data[STATE_KEY] = { cursor: next.cursor, seen: next.seen };
}

function sameSeen(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function prune(seen: Record<string, number>, oldest: number, maxSeen: number): Record<string, number> {
	const kept = Object.entries(seen).filter(([, time]) => time >= oldest);
	if (kept.length > maxSeen) {
		kept.sort((a, b) => b[1] - a[1]);
		const threshold = kept[maxSeen - 1][1];
		return Object.fromEntries(kept.filter(([, time]) => time >= threshold));
	}
	return Object.fromEntries(kept);
}

function timed<T>(source: PollSource<T>, items: T[], now: number) {
	return items.map((item) => {
		const id = source.idOf(item);
		return { item, id, key: keyOf(id), time: source.timeOf(item)?.getTime() ?? now };
	});
}

/**
 * APIs filter by whole seconds while our window bounds carry milliseconds: an item stamped in the
 * same second as a bound is inside the window for the API, so it must be for us too.
 */
const PRECISION_MS = 1000;

export async function pollNewItems<T>(
	context: IPollFunctions,
	source: PollSource<T>,
	settings: PollSettings,
): Promise<T[] | null> {
	if (context.getMode() === 'manual') {
		const sample = await source.fetchSample();
		return sample.length ? sample : null;
	}
	const now = (settings.now ?? new Date()).getTime();
	const maxSeen = settings.maxSeen ?? DEFAULT_MAX_SEEN;
	const data = context.getWorkflowStaticData('node');
	const global = context.getWorkflowStaticData('global');
	const nodeId = context.getNode().id;
	const baselines = (global[BASELINES_KEY] ?? {}) as IDataObject;
	const stored = readState(data);
	const previous = stored ?? readState({ [STATE_KEY]: baselines[nodeId] });

	// First activation: remember what already exists so that only later items are emitted.
	const since = previous ? previous.cursor - settings.lookbackMs : now - settings.lookbackMs;
	const fetched = timed(source, await source.fetchWindow(new Date(since), new Date(now)), now);

	const seen = { ...(previous?.seen ?? {}) };
	const floor = Math.min(...Object.values(seen), Infinity);
	const fresh: ReturnType<typeof timed<T>> = [];
	for (const entry of fetched) {
		if (entry.key in seen) continue;
		seen[entry.key] = entry.time;
		// Older than what the bounded seen set still covers: already handled by an earlier poll.
		const beyondMemory = previous !== undefined && entry.time < floor && Object.keys(previous.seen).length >= maxSeen;
		if (previous && entry.time >= since - PRECISION_MS && !beyondMemory) fresh.push(entry);
	}
	const newest = fetched.reduce((max, entry) => Math.max(max, entry.time), previous?.cursor ?? now);
	const next: CursorState = { cursor: newest, seen: prune(seen, newest - settings.lookbackMs - PRECISION_MS, maxSeen) };
	writeState(data, next, stored);
	if (!previous) global[BASELINES_KEY] = { ...baselines, [nodeId]: { cursor: next.cursor, seen: next.seen } };
	if (stored && nodeId in baselines) {
		// The node's own state was saved: the baseline copy is no longer needed.
		const { [nodeId]: _done, ...others } = baselines;
		global[BASELINES_KEY] = others;
	}

	if (!previous || fresh.length === 0) return null;
	fresh.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
	return fresh.map((entry) => entry.item);
}
