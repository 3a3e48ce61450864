/**
 * The fast suites, for mutation testing (stryker.config.mjs): a mutant must be caught by a test
 * of its own area, not only by the long reliability runs (fault matrix, soak), which are left out.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/test/reliability/(faults|soak|thresholdSoak|capacity|interrupted|no-module-state)\\.test\\.ts$',
		'<rootDir>/test/scripts/',
		// tests of the E2E helpers (e2e/ is left out of Stryker's sandbox)
		'<rootDir>/test/e2eLib/',
	],
};
