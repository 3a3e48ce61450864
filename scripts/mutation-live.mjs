// A Stryker reporter (stryker.config.mjs) for long runs, which Stryker reports only at their end:
// - every surviving or uncovered mutant is appended to MUTATION_LIVE_SURVIVORS the moment it is
//   known, so tests for it can be written while the run goes on (file:line:column, status,
//   mutator, replacement, the line's text);
// - every result is kept in MUTATION_PARTIAL_REPORT, shaped as Stryker's JSON report, so a run
//   stopped before its end still gives the figures of the files whose mutants were all tested
//   (scripts/mutation.js takes those).
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const SURVIVORS = process.env.MUTATION_LIVE_SURVIVORS;
const PARTIAL = process.env.MUTATION_PARTIAL_REPORT;
const REPORTED = new Set(['Survived', 'NoCoverage']);
const relative = (fileName) => path.relative(process.cwd(), fileName);

class LiveResults {
	constructor() {
		this.sources = new Map();
		this.partial = { files: {} };
		this.byId = new Map();
		if (SURVIVORS) fs.writeFileSync(SURVIVORS, '');
		if (PARTIAL) fs.rmSync(PARTIAL, { force: true });
	}

	sourceOf(fileName) {
		if (!this.sources.has(fileName)) this.sources.set(fileName, fs.readFileSync(fileName, 'utf8'));
		return this.sources.get(fileName);
	}

	onMutationTestingPlanReady({ mutantPlans }) {
		for (const { mutant } of mutantPlans) {
			const file = relative(mutant.fileName);
			const entry = (this.partial.files[file] ??= {
				source: this.sourceOf(mutant.fileName),
				mutants: [],
			});
			const result = {
				id: mutant.id,
				mutatorName: mutant.mutatorName,
				replacement: mutant.replacement,
				location: mutant.location,
				static: mutant.static,
				status: 'Pending',
			};
			entry.mutants.push(result);
			this.byId.set(mutant.id, result);
		}
	}

	onMutantTested(result) {
		const planned = this.byId.get(result.id);
		// the plan's locations count from 0, the report's (and Stryker's JSON report's) from 1
		if (planned) Object.assign(planned, { status: result.status, location: result.location });
		if (PARTIAL) fs.writeFileSync(PARTIAL, JSON.stringify(this.partial));
		if (!SURVIVORS || !REPORTED.has(result.status)) return;
		const { line, column } = result.location.start;
		const text = (this.sourceOf(result.fileName).split('\n')[line - 1] ?? '').trim();
		const replacement = String(result.replacement ?? '')
			.replace(/\s+/g, ' ')
			.slice(0, 80);
		fs.appendFileSync(
			SURVIVORS,
			`${relative(result.fileName)}:${line}:${column} ${result.status} ${result.mutatorName} → ${replacement} | ${text}\n`,
		);
	}
}

export const strykerPlugins = [
	declareClassPlugin(PluginKind.Reporter, 'live-results', LiveResults),
];
