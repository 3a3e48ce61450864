/**
 * The fast suites, for mutation testing (stryker.config.mjs): a mutant must be caught by a test
 * of its own area, not only by the long reliability runs (fault matrix, soak), which are left out.
 */
const base = require('./jest.config.js');

// A vendor's area (stryker.config.mjs) runs its own tests only: nodes/WeClever → test/weClever.
const area = process.env.MUTATION_AREA || 'nodes/shared';
const vendor = area === 'nodes/shared' ? '' : area.slice('nodes/'.length);
const testRoot = vendor
	? `<rootDir>/test/${vendor[0].toLowerCase()}${vendor.slice(1)}`
	: '<rootDir>/test';

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: [testRoot],
	// runs only the files holding the tests that cover a mutant (see the file)
	runner: '<rootDir>/scripts/mutation-runner.js',
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/test/reliability/(faults|soak|thresholdSoak|capacity|interrupted|no-module-state)\\.test\\.ts$',
		'<rootDir>/test/scripts/',
		// tests of the E2E helpers (e2e/ is left out of Stryker's sandbox)
		'<rootDir>/test/e2eLib/',
	],
};
