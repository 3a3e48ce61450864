/** What a suite hands back to bench/run.ts for docs/BENCHMARKS.md. */
export interface Goal {
	goal: string;
	measured: string;
	/** undefined: reported, not held to a goal (or could not be measured here). */
	met?: boolean;
	/** Why a goal is missed, and the fix. */
	note?: string;
}

export interface Section {
	title: string;
	body: string;
	goals: Goal[];
}

export interface BenchContext {
	/** Counted runs per measurement (a warm-up run comes first). */
	runs: number;
	/** Tiny sizes, one run: keeps the benchmarks working in CI, figures mean nothing. */
	smoke: boolean;
	/** A size of the full benchmark, or the small one of a smoke run. */
	size(full: number, smoke: number): number;
	log(message: string): void;
}
