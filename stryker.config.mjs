// Mutation testing (`npm run mutation`, not part of CI): one-line changes to the shared core and
// to each vendor's transport and trigger code, each run against the tests that cover it. A
// surviving mutant in user-visible behaviour is a missing test. `npm run mutation -- --mutate
// <file>` narrows a run; the incremental file makes a rerun after a change quick.
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
	mutate: [
		'nodes/shared/**/*.ts',
		'nodes/*/transport/**/*.ts',
		'nodes/*/*Trigger.node.ts',
		'nodes/*/trigger/**/*.ts',
	],
	ignorePatterns: ['.cache', 'dist', 'e2e', 'bench', 'reports', 'coverage', 'docs'],
	concurrency: 2,
	timeoutMS: 30_000,
	// the first run of the whole fast suite, with per-test coverage, takes minutes on two cores
	dryRunTimeoutMinutes: 30,
	timeoutFactor: 2,
	incremental: true,
	incrementalFile: '.cache/stryker/incremental.json',
	tempDirName: '.cache/stryker/tmp',
	reporters: ['json', 'clear-text', 'progress'],
	jsonReporter: { fileName: '.cache/stryker/mutation.json' },
	thresholds: { high: 85, low: 75, break: null },
};
