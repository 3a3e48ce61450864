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
	/**
	 * Where the first poll after activation (or after a reset) starts: every item from then on is
	 * emitted. Absent: from now on (what exists already is remembered, not emitted).
	 */
	startFrom?: Date;
	/**
	 * What the trigger's query depends on (event, filters, Start From). A state saved under
	 * another fingerprint is dropped: the trigger starts again as if newly activated.
	 */
	fingerprint?: string;
	now?: Date;
}

/**
 * What a poll remembers: the cursor (newest item time, ms) and every item of the late-arrival
 * window before it. Nothing caps the count: dropping ids would drop late items, so the state is
 * bounded by how many items one window holds, not by how many were ever read. To keep it small
 * each id is stored with its time in whole seconds (rounded up, so never pruned early), counted
 * back from the cursor's second.
 */
interface CursorState {
	cursor: number;
	/** Compact item key -> item time in ms. */
	seen: Record<string, number>;
	/** The fingerprint of the query this state belongs to. */
	query?: string;
	/** The late-arrival window (ms) the ids were remembered for. */
	lookbackMs?: number;
}

const STATE_KEY = 'pollCursor';
const FORMAT = 2;
/**
 * With n8n's durable poll cursors (2.x, N8N_POLLER_DURABLE_CURSORS_ENABLED) the node's static
 * data is saved only together with an execution, so the activation poll's baseline would be lost
 * and items created before the first scheduled poll dropped. The workflow's global static data is
 * still saved after activation: the baseline is kept there too, per node id, until the node's own
 * state has been saved.
 */
const BASELINES_KEY = 'pollCursorBaselines';
/** Above this many remembered ids a poll logs a warning: a shorter late-arrival window keeps state small. */
export const LARGE_STATE_IDS = 10_000;

/** Long ids are stored as a 64-bit hash to keep static data small. */
function keyOf(id: string): string {
	return id.length <= 20 ? id : createHash('sha1').update(id).digest('hex').slice(0, 16);
}

interface StoredState {
	cursor?: unknown;
	/** Ids with their time as seconds before the cursor's second. */
	seen?: unknown;
	v?: unknown;
	/** The query's fingerprint (PollSettings.fingerprint). */
	f?: unknown;
	/** The late-arrival window in ms (absent in states saved before it was kept). */
	w?: unknown;
}

function readState(raw: StoredState | undefined): CursorState | undefined {
	if (
		!raw ||
		raw.v !== FORMAT ||
		typeof raw.cursor !== 'number' ||
		typeof raw.seen !== 'object' ||
		raw.seen === null
	) {
		return undefined;
	}
	const cursor = raw.cursor;
	const base = Math.floor(cursor / 1000);
	const seen = Object.entries(raw.seen as Record<string, number>).map(
		([key, secondsBefore]) => [key, (base - secondsBefore) * 1000] as const,
	);
	const query = typeof raw.f === 'string' ? raw.f : undefined;
	const lookbackMs = typeof raw.w === 'number' ? raw.w : undefined;
	return { cursor, seen: Object.fromEntries(seen), query, lookbackMs };
}

function toStored(state: CursorState): IDataObject {
	const seen: Record<string, number> = {};
	const base = Math.floor(state.cursor / 1000);
	for (const [key, time] of Object.entries(state.seen)) seen[key] = base - Math.ceil(time / 1000);
	return {
		v: FORMAT,
		cursor: state.cursor,
		seen,
		...(state.query ? { f: state.query } : {}),
		...(state.lookbackMs !== undefined ? { w: state.lookbackMs } : {}),
	};
}

function writeState(data: IDataObject, next: CursorState, previous: CursorState | undefined): void {
	// Assigning marks static data as changed for n8n; an idle poll must not write anything.
	if (
		previous &&
		previous.query === next.query &&
		previous.lookbackMs === next.lookbackMs &&
		previous.cursor === next.cursor &&
		sameSeen(previous.seen, next.seen)
	) {
		return;
	}
	data[STATE_KEY] = toStored(next);
}

function sameSeen(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function prune(seen: Record<string, number>, oldest: number): Record<string, number> {
	return Object.fromEntries(Object.entries(seen).filter(([, time]) => time >= oldest));
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
	const data = context.getWorkflowStaticData('node');
	const global = context.getWorkflowStaticData('global');
	const nodeId = context.getNode().id;
	const baselines = (global[BASELINES_KEY] ?? {}) as IDataObject;
	const query = settings.fingerprint;
	const own = readState(data[STATE_KEY] as StoredState | undefined);
	const stored = own?.query === query ? own : undefined;
	const baseline = readState(baselines[nodeId] as StoredState | undefined);
	const previous = stored ?? (baseline?.query === query ? baseline : undefined);
	if (own && !stored) {
		context.logger.info(
			`${context.getNode().name}: its event, filters or Start From changed, so it starts again as newly activated`,
		);
	}

	// First activation: from Start From, or else remember what already exists so that only later
	// items are emitted.
	const startFrom = settings.startFrom?.getTime();
	const since = previous
		? previous.cursor - settings.lookbackMs
		: (startFrom ?? now - settings.lookbackMs);
	// A window that has not begun (Start From in the future) holds nothing yet; saving a cursor now
	// would make the next poll read from now, before Start From.
	if (since > now) return null;
	const fetched = timed(source, await source.fetchWindow(new Date(since), new Date(now)), now);
	const emitting = previous !== undefined || startFrom !== undefined;
	// A window made longer reaches back past the ids remembered for the shorter one: what is older
	// than those may have been emitted already, so it is remembered now but not emitted.
	const rememberedFrom =
		previous?.lookbackMs !== undefined && previous.lookbackMs < settings.lookbackMs
			? previous.cursor - previous.lookbackMs - PRECISION_MS
			: -Infinity;

	const seen = { ...(previous?.seen ?? {}) };
	const fresh: ReturnType<typeof timed<T>> = [];
	for (const entry of fetched) {
		if (entry.key in seen) continue;
		seen[entry.key] = entry.time;
		if (emitting && entry.time >= Math.max(since - PRECISION_MS, rememberedFrom)) fresh.push(entry);
	}
	const newest = fetched.reduce((max, entry) => Math.max(max, entry.time), previous?.cursor ?? now);
	const next: CursorState = {
		cursor: newest,
		seen: prune(seen, newest - settings.lookbackMs - PRECISION_MS),
		query,
		lookbackMs: settings.lookbackMs,
	};
	// Seconds before the cursor, as stored: compared this way an idle poll is seen as unchanged.
	const remembered = readState(toStored(next) as StoredState)!;
	writeState(data, remembered, stored);
	const count = Object.keys(remembered.seen).length;
	if (count > LARGE_STATE_IDS && (!stored || Object.keys(stored.seen).length <= LARGE_STATE_IDS)) {
		context.logger.warn(
			`${context.getNode().name} remembers ${count} items of its late-arrival window; a shorter "Late Arrival Window" keeps its saved state smaller`,
		);
	}
	if (!previous) global[BASELINES_KEY] = { ...baselines, [nodeId]: toStored(remembered) };
	if (stored && nodeId in baselines) {
		// The node's own state was saved: the baseline copy is no longer needed.
		const others = { ...baselines };
		delete others[nodeId];
		global[BASELINES_KEY] = others;
	}

	if (fresh.length === 0) return null;
	fresh.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
	return fresh.map((entry) => entry.item);
}
