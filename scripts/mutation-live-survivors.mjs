// A Stryker reporter (stryker.config.mjs) that appends every surviving or uncovered mutant to a
// text file the moment it is known, so tests for them can be written while a long run goes on
// (Stryker's own reports are written only at the end). One line per mutant: file:line:column,
// status, mutator, the replacement, and the line's text.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const FILE = process.env.MUTATION_LIVE_SURVIVORS;
const REPORTED = new Set(['Survived', 'NoCoverage']);

class LiveSurvivors {
	constructor() {
		this.lines = new Map();
		if (FILE) fs.writeFileSync(FILE, '');
	}

	lineOf(fileName, line) {
		if (!this.lines.has(fileName))
			this.lines.set(fileName, fs.readFileSync(fileName, 'utf8').split('\n'));
		return (this.lines.get(fileName)[line - 1] ?? '').trim();
	}

	onMutantTested(result) {
		if (!FILE || !REPORTED.has(result.status)) return;
		const { line, column } = result.location.start;
		const file = path.relative(process.cwd(), result.fileName);
		const replacement = String(result.replacement ?? '')
			.replace(/\s+/g, ' ')
			.slice(0, 80);
		fs.appendFileSync(
			FILE,
			`${file}:${line}:${column} ${result.status} ${result.mutatorName} → ${replacement} | ${this.lineOf(result.fileName, line)}\n`,
		);
	}
}

export const strykerPlugins = [
	declareClassPlugin(PluginKind.Reporter, 'live-survivors', LiveSurvivors),
];
