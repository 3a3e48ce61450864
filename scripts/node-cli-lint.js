#!/usr/bin/env node
'use strict';
// `npm run lint:n8n-node`: `n8n-node lint` of n8n's node CLI (@n8n/node-cli), the lint n8n's
// verification guidelines ask authors to run, on this package's nodes and credentials. The CLI is
// installed apart (scripts/node-cli/, its own lock file; cached like the n8n installs) because it
// pins its own ESLint. Its strict mode accepts only its template eslint.config.mjs, while ours also
// runs the scanner's rules on dist/: the CLI runs in a temporary copy of package.json, tsconfig.json,
// nodes/ and credentials/ with the template config. Any finding, error or warning, exits 1.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(__dirname, 'node-cli');
const CACHE = process.env.N8N_E2E_CACHE || path.join(ROOT, '.cache');
const COPIED = ['package.json', 'tsconfig.json', 'nodes', 'credentials'];

const say = (message) => console.log(`[n8n-node lint] ${message}`);

/** The CLI from scripts/node-cli's lock file, installed once into the cache. */
function ensureCli() {
	const lock = fs.readFileSync(path.join(MANIFEST, 'package-lock.json'), 'utf8');
	const version = JSON.parse(lock).packages['node_modules/@n8n/node-cli'].version;
	const dir = path.join(CACHE, `node-cli-${version}`);
	const bin = path.join(dir, 'node_modules', '.bin', 'n8n-node');
	const installedLock = path.join(dir, 'package-lock.json');
	if (fs.existsSync(bin) && fs.readFileSync(installedLock, 'utf8') === lock) return { dir, bin };
	say(`installing @n8n/node-cli ${version} into ${dir} (once)`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		fs.copyFileSync(path.join(MANIFEST, file), path.join(dir, file));
	const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: dir,
		stdio: 'inherit',
	});
	if (npm.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(
			'could not install @n8n/node-cli from the registry (is it reachable?); see npm above',
		);
	}
	return { dir, bin };
}

function main() {
	const { dir, bin } = ensureCli();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-node-lint-'));
	try {
		for (const entry of COPIED)
			fs.cpSync(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
		fs.copyFileSync(
			path.join(
				dir,
				'node_modules',
				'@n8n',
				'node-cli',
				'dist',
				'template',
				'templates',
				'shared',
				'default',
				'eslint.config.mjs',
			),
			path.join(work, 'eslint.config.mjs'),
		);
		fs.symlinkSync(path.join(dir, 'node_modules'), path.join(work, 'node_modules'), 'dir');
		const lint = spawnSync(bin, ['lint'], {
			cwd: work,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0' },
		});
		const output = `${lint.stdout}${lint.stderr}`;
		process.stdout.write(output.split(work).join('.'));
		// the CLI exits 0 when ESLint finds only warnings: a finding is any "problem" in its summary
		const findings = /\d+ problems? \(/.test(output);
		if (lint.status !== 0 || findings) {
			say(`findings above (exit code ${lint.status})`);
			return 1;
		}
		say('no findings');
		return 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(`[n8n-node lint] ${error.message}`);
	process.exitCode = 1;
}
