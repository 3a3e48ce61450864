/**
 * The browser suite (e2e/ui/*.ui.test.js) against a real n8n: run by e2e/ui/run.js
 * (`npm run test:ui`, and by `npm run test:e2e` after each version's E2E suite), once per n8n
 * version (E2E_N8N_VERSION). One file, one n8n, one browser; its tests run in order.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/*.ui.test.js'],
	// the examples' ground-truth checks (e2e/*.example-check.ts) are TypeScript: transpiled only
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{ tsconfig: '<rootDir>/../../tsconfig.json', isolatedModules: true, diagnostics: false },
		],
	},
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 60,
	verbose: true,
};
