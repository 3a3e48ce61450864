/**
 * The production-topology E2E (e2e/topology/*.e2e.test.ts): not part of e2e/jest.config.js, whose
 * files run side by side; e2e/run.js runs this one alone afterwards (its figures measure the
 * topology, not the other files' n8n instances), and `npm run load` (scripts/load.js) runs it with a
 * long load. Otherwise configured as e2e/jest.config.js.
 * @type {import('jest').Config}
 */
module.exports = {
	...require('../jest.config'),
	rootDir: __dirname,
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }] },
	slowTestThreshold: 600,
};
