/**
 * E2E suite against real n8n installs: run by e2e/run.js (`npm run test:e2e`), once per n8n version
 * (E2E_N8N_VERSION). Files run one after another: each starts its own emulator and n8n.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 60,
	verbose: true,
};
