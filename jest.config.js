/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	// scripts/: the tests of the repository's own scripts (ensure-deps.test.js). No script there may be
	// named test.js: jest would take it for a test file (npm test's runner is scripts/run-tests.js).
	roots: ['<rootDir>/test', '<rootDir>/scripts'],
	testTimeout: 30000,
	// Type checking is `npm run typecheck` (CI runs it); jest only transpiles, which is much faster.
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
};
