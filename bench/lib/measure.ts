import { PerformanceObserver } from 'node:perf_hooks';

/** Timing, memory and summary helpers shared by the suites. */

export interface Sample {
	ms: number;
	/** CPU time of this process (user + system) during the run. */
	cpuMs: number;
	/** Time V8 spent in garbage collection pauses during the run. */
	gcMs: number;
}

/** GC pauses as [start, duration]; entries arrive asynchronously, so runs pick theirs by start time. */
let gcPauses: Array<[number, number]> = [];
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) gcPauses.push([entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });

export interface Summary {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function summarize(values: number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T } & Sample> {
	global.gc?.();
	await nextTick();
	gcPauses = [];
	const cpu = process.cpuUsage();
	const start = performance.now();
	const value = await fn();
	const end = performance.now();
	const used = process.cpuUsage(cpu);
	await new Promise((resolve) => setTimeout(resolve, 10)); // let the GC entries of the run arrive
	const gcMs = gcPauses
		.filter(([at]) => at >= start && at <= end)
		.reduce((sum, [, duration]) => sum + duration, 0);
	return { value, ms: end - start, cpuMs: (used.user + used.system) / 1000, gcMs };
}

/** Peak heap (above the heap in use before) and peak RSS while fn runs, sampled every 5 ms. */
export async function peakMemory<T>(
	fn: () => Promise<T>,
): Promise<{ value: T; heapMb: number; rssMb: number }> {
	global.gc?.();
	const before = process.memoryUsage();
	let heap = before.heapUsed;
	let rss = before.rss;
	const sample = () => {
		const now = process.memoryUsage();
		heap = Math.max(heap, now.heapUsed);
		rss = Math.max(rss, now.rss);
	};
	const timer = setInterval(sample, 5);
	try {
		const value = await fn();
		sample();
		return { value, heapMb: (heap - before.heapUsed) / 2 ** 20, rssMb: rss / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}

/**
 * Runs every variant once per round, side by side (warm-up round first, not counted), so that
 * ratios compare runs made under the same conditions. `before` resets state before each run.
 */
export async function rounds<K extends string>(
	count: number,
	variants: Record<K, () => Promise<unknown>>,
	before: () => Promise<void> = async () => {},
	after: (variant: K) => Promise<void> = async () => {},
): Promise<Record<K, Sample[]>> {
	const samples = Object.fromEntries(
		Object.keys(variants).map((key) => [key, [] as Sample[]]),
	) as Record<K, Sample[]>;
	for (let round = 0; round <= count; round++) {
		for (const key of Object.keys(variants) as K[]) {
			await before();
			const { ms, cpuMs, gcMs } = await timed(variants[key]);
			if (round > 0) samples[key].push({ ms, cpuMs, gcMs });
			await after(key);
		}
	}
	return samples;
}

/** Per-round ratio of two variants' wall times. */
export const ratios = (a: Sample[], b: Sample[]) => a.map((sample, i) => sample.ms / b[i].ms);

const fmt = (value: number, digits: number) =>
	value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "1,234 ms (1,200–1,300)" */
export function show(summary: Summary, unit = 'ms', digits = 0): string {
	const u = unit ? ` ${unit}` : '';
	return `${fmt(summary.median, digits)}${u} (${fmt(summary.min, digits)}–${fmt(summary.max, digits)})`;
}

export const showMs = (samples: Sample[]) => show(summarize(samples.map((s) => s.ms)));
export const showCpu = (samples: Sample[]) => show(summarize(samples.map((s) => s.cpuMs)));
export const showGc = (samples: Sample[]) => show(summarize(samples.map((s) => s.gcMs)));
export const showRatio = (values: number[]) => show(summarize(values), '×', 2);
export const num = (value: number, digits = 0) => fmt(value, digits);

export function table(head: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Whether a cost per unit stays flat from the smallest to the largest size: "linear", or how much
 * it grows per unit and how much of that growth is GC pauses.
 */
export function growth(
	small: { samples: Sample[]; units: number },
	large: { samples: Sample[]; units: number },
): string {
	const perUnit = (x: { samples: Sample[]; units: number }, pick: (s: Sample) => number) =>
		summarize(x.samples.map(pick)).median / x.units;
	const change = perUnit(large, (s) => s.ms) / perUnit(small, (s) => s.ms) - 1;
	if (Math.abs(change) <= 0.15)
		return `linear (cost per item ${change >= 0 ? '+' : ''}${Math.round(change * 100)}% from the smallest to the largest size)`;
	const gcShare = (x: { samples: Sample[] }) =>
		summarize(x.samples.map((s) => s.gcMs / s.ms)).median;
	return `not linear: cost per item ${change >= 0 ? '+' : ''}${Math.round(change * 100)}% from the smallest to the largest size; GC pauses are ${Math.round(gcShare(small) * 100)}% of the time at the smallest size and ${Math.round(gcShare(large) * 100)}% at the largest`;
}
