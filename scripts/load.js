#!/usr/bin/env node
'use strict';
// `npm run load`: the production topology (queue mode on PostgreSQL with a webhook processor,
// e2e/topology/) under a long load: 10 minutes of items, webhook calls and callbacks with faults (a
// worker stopped and restarted, the webhook processor restarted, 503 for 30 s, Redis restarted) and
// the upgrade drill. Its figures go to .cache/reliability/production-long-<version>.json;
// `npm run reliability` then takes them into docs/data/reliability/ and docs/RELIABILITY.md.
//
//   npm run load                        n8n 2.41.1 (e2e/lib/versions.js DEMO_VERSION), 10 minutes
//   npm run load -- 2.40.7              another n8n version (e2e/topology/topology.js PRODUCTION_VERSIONS)
//   npm run load -- --minutes=20        longer (the label stays "long" from 5 minutes on)
//   npm run load -- --minutes=1         the E2E's short run (label "short", the CI faults), to try a change
// It is e2e/run.js with only the production topology (E2E_PRODUCTION=only).

const path = require('node:path');
const { spawn } = require('node:child_process');

const args = process.argv.slice(2);
const minutes = Number(
	(args.find((a) => a.startsWith('--minutes=')) || '--minutes=10').split('=')[1],
);
const versions = args.filter((a) => !a.startsWith('--'));
if (!Number.isFinite(minutes) || minutes <= 0) {
	console.error(`[load] --minutes must be a positive number, not ${minutes}`);
	process.exit(2);
}
const child = spawn(
	process.execPath,
	[
		path.join(__dirname, '..', 'e2e', 'run.js'),
		...(versions.length ? versions : [require('../e2e/lib/versions').DEMO_VERSION]),
	],
	{
		stdio: 'inherit',
		env: {
			...process.env,
			E2E_PRODUCTION: 'only',
			E2E_LOAD_MINUTES: String(minutes),
			E2E_LOAD_LABEL: process.env.E2E_LOAD_LABEL || (minutes >= 5 ? 'long' : 'short'),
		},
	},
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
