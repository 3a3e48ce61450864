#!/usr/bin/env node
'use strict';
// `npm run test:ui`: the browser suite (e2e/ui/*.ui.test.js) against real n8n, one version after
// the other (one n8n and one browser at a time: the machine's cores go to n8n and Chromium).
// Builds and packs the package once, installs each n8n version (.cache/, reused), installs Debian's
// chromium when no browser is found (apt-get, as root), then runs jest once per version.
// Screenshots: .cache/ui-artefacts/<version>/.
//
//   node e2e/ui/run.js                 every version of e2e/lib/versions.js TEST_VERSIONS
//   node e2e/ui/run.js 2.40.7          only these (also: UI_VERSIONS=2.40.7,1.123.81)
//   extra jest arguments after --      e.g. node e2e/ui/run.js 2.40.7 -- -t 'node panel'
//
// e2e/run.js (`npm run test:e2e`) calls runUiSuite() for each version it tests.

const fs = require('node:fs');
const path = require('node:path');
const { runJest, readCommandLine, summarize } = require('../lib/jestRun');

function say(msg) {
	process.stdout.write(`[ui] ${msg}\n`);
}

/**
 * Runs the UI suite against one n8n version with an already packed tarball. Resolves
 * { version, code, passed, failed, ms }.
 */
async function runUiSuite({ version, tarball, jestArgs = [], prefix = `[ui ${version}]` }) {
	const started = Date.now();
	const r = await runJest({
		config: path.join(__dirname, 'jest.config.js'),
		options: [
			'--runInBand',
			// arguments meant for the other E2E suites (a file of e2e/) leave this one nothing to run
			...(jestArgs.length ? ['--passWithNoTests'] : []),
		],
		jestArgs,
		resultFile: path.join(path.dirname(tarball), `ui-results-${version}.json`),
		version,
		tarball,
		prefix,
	});
	return { version, ...r, ms: Date.now() - started };
}

async function main() {
	await require('../../scripts/ensure-deps').ensureDeps({ log: say });
	const { ensureN8n, packPackage, removePack, fmt } = require('../lib/install');
	const { ensureChromium } = require('./lib/chromium');

	const started = Date.now();
	const { versions, jestArgs } = readCommandLine(process.argv, ['UI_VERSIONS', 'E2E_VERSIONS']);

	say(`browser: ${ensureChromium()}`);
	say(`n8n versions: ${versions.join(', ')}`);
	const given = process.env.E2E_TARBALL;
	const tarball = given && fs.existsSync(given) ? given : await packPackage();
	const results = [];
	try {
		for (const version of versions) {
			await ensureN8n(version);
			say(`n8n ${version}: starting the UI suite`);
			const r = await runUiSuite({ version, tarball, jestArgs });
			say(`n8n ${version} done in ${fmt(r.ms)}: ${r.passed} passed, ${r.failed} failed`);
			results.push(r);
		}
	} finally {
		if (tarball !== given) removePack(tarball);
	}
	say(`summary (${fmt(Date.now() - started)} in all):`);
	process.exit(
		summarize(results, say, 'ui', `screenshots: ${path.join('.cache', 'ui-artefacts')}/<version>/`),
	);
}

module.exports = { runUiSuite };

if (require.main === module) {
	main().catch((error) => {
		console.error(`[ui] ${error.stack || error.message}`);
		console.log('ui: 0 passed, 1 failed');
		process.exit(1);
	});
}
