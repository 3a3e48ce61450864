// Mutation testing (`npm run mutation`, not part of CI): one-line changes to the shared core and
// to each vendor's transport and trigger code, each run against the tests that cover it. A
// surviving mutant in user-visible behaviour is a missing test. `npm run mutation -- --area
// nodes/Wolkvox` runs one area; the incremental file makes a rerun after a change quick.
// One area per run (scripts/mutation.js sets MUTATION_AREA): the shared core against every fast
// test, a vendor's code against its own tests only, so that a mutant counts as caught only by a
// test of its own area. Without MUTATION_AREA: the shared core.
import areas from './scripts/mutation-areas.js';

const area = process.env.MUTATION_AREA || 'nodes/shared';
const out = `.cache/stryker/${area.replace(/\//g, '-')}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: {
		projectType: 'custom',
		configFile: 'jest.mutation.config.js',
		enableFindRelatedTests: false,
	},
	coverageAnalysis: 'perTest',
	checkers: [],
	mutate: areas.patternsOf(area),
	ignorePatterns: ['.cache', 'dist', 'e2e', 'bench', 'reports', 'coverage', 'docs'],
	concurrency: 2,
	timeoutMS: 30_000,
	// the first run of the whole fast suite, with per-test coverage, takes minutes on two cores
	dryRunTimeoutMinutes: 30,
	timeoutFactor: 2,
	incremental: true,
	incrementalFile: `${out}/incremental.json`,
	tempDirName: '.cache/stryker/tmp',
	plugins: ['@stryker-mutator/jest-runner', './scripts/mutation-live.mjs'],
	reporters: ['json', 'clear-text', 'progress', 'live-results'],
	jsonReporter: { fileName: `${out}/mutation.json` },
	thresholds: { high: 85, low: 75, break: null },
};
