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
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

function say(msg) {
	process.stdout.write(`[ui] ${msg}\n`);
}

/** Streams a child's output line by line with a prefix. */
function pipePrefixed(stream, prefix, out) {
	let rest = '';
	stream.on('data', (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop();
		for (const line of lines) out.write(`${prefix} ${line}\n`);
	});
	stream.on('end', () => rest && out.write(`${prefix} ${rest}\n`));
}

/**
 * Runs the UI suite against one n8n version with an already packed tarball. Resolves
 * { version, code, passed, failed, ms }.
 */
function runUiSuite({ version, tarball, jestArgs = [], prefix = `[ui ${version}]` }) {
	const started = Date.now();
	const resultFile = path.join(path.dirname(tarball), `ui-results-${version}.json`);
	const args = [
		path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'--config',
		path.join(__dirname, 'jest.config.js'),
		'--runInBand',
		'--json',
		'--outputFile',
		resultFile,
		// arguments meant for the other E2E suites (a file of e2e/) leave this one nothing to run
		...(jestArgs.length ? ['--passWithNoTests'] : []),
		...jestArgs,
	];
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, E2E_N8N_VERSION: version, E2E_TARBALL: tarball },
		});
		pipePrefixed(child.stdout, prefix, process.stdout);
		pipePrefixed(child.stderr, prefix, process.stdout);
		child.on('close', (code) => {
			let counts = { passed: 0, failed: 0 };
			try {
				const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
				counts = {
					passed: r.numPassedTests,
					failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0),
				};
			} catch {
				counts.failed = 1; // jest died before writing results
			}
			if (code !== 0 && counts.failed === 0) counts.failed = 1;
			resolve({ version, code, ...counts, ms: Date.now() - started });
		});
	});
}

async function main() {
	await require('../../scripts/ensure-deps').ensureDeps({ log: say });
	const { TEST_VERSIONS, versionInfo } = require('../lib/versions');
	const { ensureN8n, packPackage, removePack, fmt } = require('../lib/install');
	const { ensureChromium } = require('./lib/chromium');

	const started = Date.now();
	const dash = process.argv.indexOf('--');
	const positional = dash === -1 ? process.argv.slice(2) : process.argv.slice(2, dash);
	const jestArgs = dash === -1 ? [] : process.argv.slice(dash + 1);
	const fromEnv = (process.env.UI_VERSIONS || process.env.E2E_VERSIONS || '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const versions = positional.length ? positional : fromEnv.length ? fromEnv : TEST_VERSIONS;
	versions.forEach(versionInfo); // fails early on an unknown version

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
	for (const r of results)
		say(`  n8n ${r.version}: ${r.passed} passed, ${r.failed} failed (${fmt(r.ms)})`);
	say(`screenshots: ${path.join('.cache', 'ui-artefacts')}/<version>/`);
	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0);
	console.log(`ui: ${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && results.every((r) => r.code === 0) ? 0 : 1);
}

module.exports = { runUiSuite };

if (require.main === module) {
	main().catch((error) => {
		console.error(`[ui] ${error.stack || error.message}`);
		console.log('ui: 0 passed, 1 failed');
		process.exit(1);
	});
}
