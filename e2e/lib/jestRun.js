'use strict';
// What e2e/run.js (`npm run test:e2e`) and e2e/ui/run.js (`npm run test:ui`) share: their command
// line (n8n versions, then jest arguments after --) and one jest run of a suite against one n8n
// version, its output prefixed line by line, its counts read from jest's JSON results.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ROOT, fmt } = require('./install');
const { TEST_VERSIONS, versionInfo } = require('./versions');

/**
 * The n8n versions asked for (positional arguments, else the first of `envNames` that is set, else
 * TEST_VERSIONS; an unknown one fails here) and the jest arguments given after `--`.
 */
function readCommandLine(argv, envNames) {
	const dash = argv.indexOf('--');
	const positional = dash === -1 ? argv.slice(2) : argv.slice(2, dash);
	const jestArgs = dash === -1 ? [] : argv.slice(dash + 1);
	const fromEnv = (envNames.map((name) => process.env[name]).find(Boolean) || '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const versions = positional.length ? positional : fromEnv.length ? fromEnv : TEST_VERSIONS;
	versions.forEach(versionInfo);
	return { versions, jestArgs };
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
 * Runs jest with `config` against n8n `version` (E2E_N8N_VERSION, E2E_TARBALL). `options`: jest's
 * options before the caller's `jestArgs` (workers, --passWithNoTests). Resolves { code, passed,
 * failed }: a suite that failed to run, or jest dying before its results, counts as failed.
 */
function runJest({ config, options, jestArgs, resultFile, version, tarball, prefix }) {
	const args = [
		path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'--config',
		config,
		...options,
		'--json',
		'--outputFile',
		resultFile,
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
			let counts = { passed: 0, failed: 0, failures: [] };
			try {
				const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
				counts = {
					passed: r.numPassedTests,
					failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0),
					failures: failuresOf(r),
				};
			} catch {
				counts.failed = 1; // jest died before writing results
				counts.failures = ['jest ended without writing its results'];
			}
			if (code !== 0 && counts.failed === 0) counts.failed = 1;
			resolve({ code, ...counts });
		});
	});
}

/**
 * One line per failed test (file, name, its error up to the stack trace), for the summary: CI keeps
 * only the tail of the output, so a diff of received values must be here whole.
 */
function failuresOf(results) {
	const firstLines = (text) => {
		const lines = String(text || '')
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
		const stack = lines.findIndex((line) => line.startsWith('at '));
		return lines.slice(0, Math.min(stack === -1 ? lines.length : stack, 40)).join(' | ');
	};
	const lines = [];
	for (const file of results.testResults || []) {
		const name = path.relative(ROOT, file.name || '');
		const failed = (file.assertionResults || []).filter((a) => a.status === 'failed');
		for (const a of failed)
			lines.push(`${name} › ${a.fullName}: ${firstLines(a.failureMessages?.[0])}`);
		if (!failed.length && file.status === 'failed')
			lines.push(`${name}: ${firstLines(file.message)}`);
	}
	return lines;
}

/**
 * Logs each run's counts (then `note`, if any) and the totals; resolves the process's exit code: 0
 * when every run passed.
 */
function summarize(results, say, label, note) {
	for (const r of results) {
		say(`  n8n ${r.version}: ${r.passed} passed, ${r.failed} failed (${fmt(r.ms)})`);
		for (const failure of r.failures || []) say(`    ✕ ${failure.slice(0, 4000)}`);
	}
	if (note) say(note);
	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0);
	console.log(`${label}: ${passed} passed, ${failed} failed`);
	return failed === 0 && results.every((r) => r.code === 0) ? 0 : 1;
}

module.exports = { readCommandLine, pipePrefixed, runJest, summarize, failuresOf };
