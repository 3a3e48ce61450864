/**
 * Ground-truth checks for examples/*.json. Every example workflow is executed by the E2E suite
 * (`n8n execute --id`, e2e/package.e2e.test.ts) and its output is compared with what the emulator holds,
 * read through its control API at run time (never a stored snapshot of our own output).
 *
 * Adding an example: put its check in e2e/<vendor>.example-check.ts, exported as a
 * Record<exampleFileName, ExampleCheck> (any export name); the suite picks up every such file and
 * fails for an example without a check.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ExampleContext {
	/** n8n's IRun of the execution (parsed from `n8n execute --rawOutput`). */
	run: any;
	/** e2e/lib/emulator.js EmulatorControl */
	control: any;
}

export interface ExampleCheck {
	/**
	 * Runs before the execution (after an emulator reset), e.g. to add items the example must find.
	 * `suite` (e2e/lib/vendorSuite.js) is for an example that needs more than the emulator, e.g. the
	 * AI agent example's OpenAI credential (e2e/aiAgent.example-check.ts).
	 */
	prepare?: (control: any, suite?: any) => Promise<unknown>;
	/**
	 * For an example that only a trigger starts (no "Run now" path): the suite publishes it, runs
	 * `prepare` once the activation poll is done, and retries `check` (with no `run`) until it passes
	 * or `timeoutMs` is over, while the trigger's scheduled polls run; then it unpublishes it.
	 */
	activate?: { vendor: string; timeoutMs: number };
	check: (ctx: ExampleContext) => Promise<void>;
}

/** Items a node put on an output in the first run of that node. */
export function nodeItems(run: any, nodeName: string, output = 0): any[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return (runs[0].data?.main?.[output] ?? []).map((item: any) => item.json);
}

/**
 * An example that reads "the last N days" evaluated `$now` somewhere between the execution's start
 * and stop. Every end of the window it could have used, given the items' own times (ms): start,
 * stop, and each item time (or item time + span) inside [start, stop]. Compare with each candidate.
 */
export function windowEnds(run: any, spanMs: number, itemTimesMs: number[]): number[] {
	const from = Date.parse(run.startedAt);
	const to = Date.parse(run.stoppedAt ?? run.startedAt);
	const ends = new Set([from, to]);
	for (const t of itemTimesMs) {
		if (t >= from && t <= to) ends.add(t);
		if (t + spanMs >= from && t + spanMs <= to) ends.add(t + spanMs);
	}
	return [...ends];
}
