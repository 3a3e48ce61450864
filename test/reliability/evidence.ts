import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { engineLogs, type RunNodeResult } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { credentialSecrets, type VendorSession, type VendorUnderTest } from './vendors';

const { RELIABILITY } = require('../../scripts/report-paths') as { RELIABILITY: { cache: string } };

/**
 * Where the suites leave their figures: .cache/reliability/ (untracked), or the folder
 * scripts/reliability.js gives a run of `npm run test:faults` / `npm run soak` (VOC_RELIABILITY_RESULTS),
 * whose figures it keeps in docs/data/reliability/ for docs/RELIABILITY.md. A test run never writes a
 * tracked file: docs/RELIABILITY.md is written by scripts/reliability.js only.
 */
export const RESULTS_DIR = process.env.VOC_RELIABILITY_RESULTS || RELIABILITY.cache;

/** Saves a suite's figures (`<name>.json` in RESULTS_DIR). */
export function writeResult(name: string, data: unknown): void {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const file = join(RESULTS_DIR, `${name}.json`);
	// Written whole then renamed: a reader never sees half a file.
	writeFileSync(
		`${file}.tmp`,
		`${JSON.stringify({ generatedAt: new Date().toISOString(), ...(data as object) }, null, 2)}\n`,
	);
	renameSync(`${file}.tmp`, file);
}

/**
 * Everything a user or operator sees of the runs of a suite: output items, error messages and
 * descriptions (the whole recorded error) and the engine's log lines, checked for every
 * credential value (session tokens included, read from the credential after each run).
 */
export class Evidence {
	readonly scanner = new SecretScanner();

	/** Call after every run, before anything else changes the credential. */
	collect(
		label: string,
		session: VendorSession,
		vendor: VendorUnderTest,
		items: unknown[],
		error?: unknown,
	): void {
		this.scanner.addSecrets(...credentialSecrets(session, vendor.credentialType));
		for (const [index, item] of items.entries()) this.scanner.scan(`${label} item ${index}`, item);
		if (error) {
			const { message, description } = error as { message?: unknown; description?: unknown };
			this.scanner.scan(`${label} error message`, message ?? '');
			this.scanner.scan(`${label} error description`, description ?? '');
			this.scanner.scan(`${label} error`, error);
		}
	}

	collectRun(
		label: string,
		session: VendorSession,
		vendor: VendorUnderTest,
		run: Pick<RunNodeResult, 'items' | 'error'>,
	): void {
		this.collect(label, session, vendor, run.items, run.error);
	}

	/** Scans the engine's log lines captured so far, then forgets them. */
	collectLogs(label: string): void {
		const logs = engineLogs();
		for (const line of logs.lines) this.scanner.scan(`${label} log`, line.text);
		logs.clear();
	}

	get summary(): { scanned: number; leaks: string[] } {
		return { scanned: this.scanner.scanned, leaks: this.scanner.found };
	}
}
