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

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { TEST_VERSIONS, versionInfo } = require('./lib/versions');
const { ROOT, ensureN8n, packPackage, removePack, fmt } = require('./lib/install');

function say(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function testFiles() {
	return fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.test.ts'));
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

function runJest(version, tarball, jestArgs) {
	const resultFile = path.join(path.dirname(tarball), `e2e-results-${version}.json`);
	const workers = Number(process.env.E2E_WORKERS) || Math.max(1, Math.min(4, testFiles().length));
	const args = [
		path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'--config',
		path.join(__dirname, 'jest.config.js'),
		`--maxWorkers=${workers}`,
		'--json',
		'--outputFile',
		resultFile,
		...jestArgs,
	];
	const prefix = `[${version}]`;
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
			resolve({ code, ...counts });
		});
	});
}

async function main() {
	await require('../scripts/ensure-deps').ensureDeps({ log: say }); // a fresh clone: npm ci, once
	const started = Date.now();
	const dash = process.argv.indexOf('--');
	const positional = dash === -1 ? process.argv.slice(2) : process.argv.slice(2, dash);
	const jestArgs = dash === -1 ? [] : process.argv.slice(dash + 1);
	const fromEnv = (process.env.E2E_VERSIONS || '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const versions = positional.length ? positional : fromEnv.length ? fromEnv : TEST_VERSIONS;
	versions.forEach(versionInfo); // fails early on an unknown version

	say(`n8n versions: ${versions.join(', ')}`);
	const tarball = await packPackage();
	// installs are network- and disk-bound: do them side by side (first run only)
	await Promise.all(versions.map((v) => ensureN8n(v)));
	say(`ready to test after ${fmt(Date.now() - started)}`);

	const runOne = async (version) => {
		const t = Date.now();
		const info = versionInfo(version);
		say(`n8n ${version} on Node ${info.node === 'system' ? process.version.slice(1) : info.node}`);
		const r = await runJest(version, tarball, jestArgs);
		say(`n8n ${version} done in ${fmt(Date.now() - t)}: ${r.passed} passed, ${r.failed} failed`);
		return { version, ...r, ms: Date.now() - t };
	};
	const results = [];
	if (process.env.E2E_SERIAL) for (const v of versions) results.push(await runOne(v));
	else results.push(...(await Promise.all(versions.map(runOne))));

	removePack(tarball);
	say(`summary (${fmt(Date.now() - started)} in all):`);
	for (const r of results)
		say(`  n8n ${r.version}: ${r.passed} passed, ${r.failed} failed (${fmt(r.ms)})`);
	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0);
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && results.every((r) => r.code === 0) ? 0 : 1);
}

main().catch((error) => {
	console.error(`[e2e] ${error.stack || error.message}`);
	console.log('e2e: 0 passed, 1 failed');
	process.exit(1);
});
