/**
 * The production-topology E2E (e2e/topology/*.e2e.test.ts): not part of e2e/jest.config.js, whose
 * files run side by side; e2e/run.js runs this one alone afterwards (its figures measure the
 * topology, not the other files' n8n instances), and `npm run load` (scripts/load.js) runs it with a
 * long load.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }] },
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 600,
	verbose: true,
};
