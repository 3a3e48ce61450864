/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testTimeout: 30000,
	// Type checking is `npm run typecheck` (CI runs it); jest only transpiles, which is much faster.
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
};
