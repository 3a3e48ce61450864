#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: build + pack once, make sure every tested n8n version is installed
// (.cache/, reused between runs), then run the jest E2E suite (e2e/*.e2e.test.ts) once per version.
// The versions run side by side, and inside a version the test files run in parallel jest
// workers (each file starts its own emulator and n8n): most of the time goes into waiting for
// scheduled polls, not CPU. Output lines are prefixed with the version.
//
//   node e2e/run.js                  all versions of e2e/lib/versions.js TEST_VERSIONS
//   node e2e/run.js 2.40.7           only these (also: E2E_VERSIONS=2.40.7,1.123.81)
//   extra jest arguments after --    e.g. node e2e/run.js 2.40.7 -- -t 'credential'
//   E2E_WORKERS=n                    jest workers per version (default: one per test file, at most 4)
//   E2E_SERIAL=1                     one version after the other
//   E2E_UI=0                         skip the browser suite (e2e/ui/, run last, one version at a time)
//   E2E_PRODUCTION=0 | only          skip / run only the production topology (e2e/topology/)
// The production-topology E2E (e2e/topology/, PostgreSQL + Redis + main + workers + a webhook
// processor under load) runs after the others, alone, on the versions of
// e2e/topology/topology.js PRODUCTION_VERSIONS among those asked for: it measures the topology, so it
// does not share the machine with the other files' n8n instances. E2E_LOAD_MINUTES (default 1) sets
// its load; `npm run load` (scripts/load.js) runs it for 10 minutes.

const fs = require('node:fs');
const path = require('node:path');
const { versionInfo } = require('./lib/versions');
const { ensureN8n, packPackage, removePack, fmt } = require('./lib/install');
const { readCommandLine, runJest, summarize } = require('./lib/jestRun');
const { PRODUCTION_VERSIONS } = require('./topology/topology');

function say(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function testFiles() {
	return fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.test.ts'));
}

function runSuite(version, tarball, jestArgs, { topology = false } = {}) {
	const name = topology ? `${version}-production` : version;
	const workers = topology
		? 1
		: Number(process.env.E2E_WORKERS) || Math.max(1, Math.min(4, testFiles().length));
	return runJest({
		config: path.join(__dirname, topology ? 'topology' : '', 'jest.config.js'),
		options: [
			`--maxWorkers=${workers}`,
			// a file named after -- belongs to one of the two suites: the other finds nothing to run
			...(topology || jestArgs.length ? ['--passWithNoTests'] : []),
		],
		jestArgs,
		resultFile: path.join(path.dirname(tarball), `e2e-results-${name}.json`),
		version,
		tarball,
		prefix: `[${name}]`,
	});
}

async function main() {
	await require('../scripts/ensure-deps').ensureDeps({ log: say }); // a fresh clone: npm ci, once
	const started = Date.now();
	const { versions, jestArgs } = readCommandLine(process.argv, ['E2E_VERSIONS']);

	say(`n8n versions: ${versions.join(', ')}`);
	const tarball = await packPackage();
	// installs are network- and disk-bound: do them side by side (first run only)
	await Promise.all(versions.map((v) => ensureN8n(v)));
	say(`ready to test after ${fmt(Date.now() - started)}`);

	const runOne = async (version) => {
		const t = Date.now();
		const info = versionInfo(version);
		say(`n8n ${version} on Node ${info.node === 'system' ? process.version.slice(1) : info.node}`);
		const r = await runSuite(version, tarball, jestArgs);
		say(`n8n ${version} done in ${fmt(Date.now() - t)}: ${r.passed} passed, ${r.failed} failed`);
		return { version, ...r, ms: Date.now() - t };
	};
	const results = [];
	const production = process.env.E2E_PRODUCTION ?? '1';
	if (production !== 'only') {
		if (process.env.E2E_SERIAL) for (const v of versions) results.push(await runOne(v));
		else results.push(...(await Promise.all(versions.map(runOne))));
	}
	if (production !== '0') {
		for (const version of versions.filter((v) => PRODUCTION_VERSIONS.includes(v))) {
			const t = Date.now();
			say(`n8n ${version}: production topology (e2e/topology/), alone`);
			const r = await runSuite(version, tarball, jestArgs, { topology: true });
			say(
				`n8n ${version} production topology done in ${fmt(Date.now() - t)}: ${r.passed} passed, ${r.failed} failed`,
			);
			results.push({ version: `${version} (production topology)`, ...r, ms: Date.now() - t });
		}
	}

	// the browser suite (e2e/ui/, `npm run test:ui`): one version at a time, after the others
	if ((process.env.E2E_UI ?? '1') !== '0') {
		const { runUiSuite } = require('./ui/run');
		say(`browser: ${require('./ui/lib/chromium').ensureChromium()}`);
		for (const version of versions) {
			say(`n8n ${version}: browser suite (e2e/ui/), alone`);
			const r = await runUiSuite({ version, tarball, jestArgs, prefix: `[${version}-ui]` });
			say(
				`n8n ${version} browser suite done in ${fmt(r.ms)}: ${r.passed} passed, ${r.failed} failed`,
			);
			results.push({ ...r, version: `${version} (browser)` });
		}
	}

	removePack(tarball);
	say(`summary (${fmt(Date.now() - started)} in all):`);
	process.exit(summarize(results, say, 'e2e'));
}

main().catch((error) => {
	console.error(`[e2e] ${error.stack || error.message}`);
	console.log('e2e: 0 passed, 1 failed');
	process.exit(1);
});
