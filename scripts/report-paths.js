'use strict';
// Where the generated reports live and where the figures they are made from are kept: the one
// place to change when the reports move.
//
// The figures under docs/data/ are tracked, so every published report can be regenerated from
// the repository; .cache/ (untracked) holds what test runs leave behind. Only the commands that
// exist to publish figures (`npm run reliability`, `npm run test:faults`, `npm run soak`,
// `npm run bench`) write the reports or docs/data/; `npm test` and `npm run test:e2e` never do.

const path = require('node:path');

const ROOT = path.join(__dirname, '..');

module.exports = {
	ROOT,
	RELIABILITY: {
		/** The report, rendered by scripts/reliability.js. */
		report: path.join(ROOT, 'docs', 'RELIABILITY.md'),
		/** Its figures (tracked): one JSON file per suite, e2e-secrets/ per E2E test file. */
		data: path.join(ROOT, 'docs', 'data', 'reliability'),
		/** Where `npm test` (test/reliability) and `npm run test:e2e` leave their figures. */
		cache: path.join(ROOT, '.cache', 'reliability'),
	},
	MUTATION: {
		/** The report, rendered by scripts/mutation.js. */
		report: path.join(ROOT, 'docs', 'MUTATION.md'),
		/** Stryker's JSON report of the last run (untracked; the incremental file sits beside it). */
		raw: path.join(ROOT, '.cache', 'stryker', 'mutation.json'),
		/** The figures kept from the last full run, and the mutants judged equivalent, with why (tracked). */
		data: path.join(ROOT, 'docs', 'data', 'mutation', 'scores.json'),
		equivalent: path.join(ROOT, 'docs', 'data', 'mutation', 'equivalent.json'),
	},
	BENCHMARKS: {
		/** The report, rendered by bench/run.ts. */
		report: path.join(ROOT, 'docs', 'BENCHMARKS.md'),
		/** The figures of the last full `npm run bench` (tracked). */
		data: path.join(ROOT, 'docs', 'data', 'bench', 'benchmarks.json'),
	},
};
