#!/usr/bin/env node
'use strict';
// Dependencies from package-lock.json before anything else runs: `npm start`, `npm test` and
// `npm run test:e2e` call this first, so a fresh clone needs no `npm ci` of its own.
//
//   node scripts/ensure-deps.js      install if needed (exit code 1 with a clear message if it fails)
//   require('./ensure-deps').ensureDeps()
//
// node_modules counts as up to date when npm's own record of what it installed
// (node_modules/.package-lock.json, written at the end of every `npm ci` / `npm install`) lists
// exactly the packages of package-lock.json, with the same versions (optional packages for other
// platforms, which npm skips, excepted). Then nothing runs: after CI's explicit `npm ci` this is a
// no-op. Otherwise `npm ci` installs everything from the lock file, once.
//
// Only Node built-ins here: this runs before anything is installed.

const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** npm's errors when it cannot reach the registry (DNS, refused, timeout, no network). */
const NETWORK_ERRORS = ['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN'];

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * Whether `root`/node_modules holds what `root`/package-lock.json asks for.
 * Returns { upToDate: true } or { upToDate: false, reason }.
 */
function dependencyState(root = ROOT) {
	const lockFile = path.join(root, 'package-lock.json');
	const modules = path.join(root, 'node_modules');
	if (!fs.existsSync(lockFile)) return { upToDate: false, reason: 'package-lock.json is missing' };
	if (!fs.existsSync(modules)) return { upToDate: false, reason: 'node_modules is missing' };
	const installedFile = path.join(modules, '.package-lock.json');
	if (!fs.existsSync(installedFile))
		return { upToDate: false, reason: 'node_modules was not installed by npm from the lock file' };
	let wanted;
	let installed;
	try {
		wanted = readJson(lockFile).packages;
		installed = readJson(installedFile).packages;
	} catch (error) {
		return { upToDate: false, reason: `cannot read the lock files (${error.message})` };
	}
	if (!wanted || !installed)
		return { upToDate: false, reason: 'package-lock.json is too old (lockfileVersion 1)' };
	for (const [key, entry] of Object.entries(wanted)) {
		if (key === '' || !key.includes('node_modules/')) continue; // the project, workspaces
		const have = installed[key];
		if (!have) {
			if (entry.optional) continue; // e.g. a native package for another platform
			return { upToDate: false, reason: `${key} is not installed` };
		}
		if (
			have.version !== entry.version ||
			(have.resolved && entry.resolved && have.resolved !== entry.resolved)
		)
			return {
				upToDate: false,
				reason: `${key} is ${have.version}, package-lock.json wants ${entry.version}`,
			};
		if (!fs.existsSync(path.join(root, key)))
			return { upToDate: false, reason: `${key} was removed` };
	}
	for (const key of Object.keys(installed)) {
		if (key.includes('node_modules/') && !(key in wanted))
			return { upToDate: false, reason: `${key} is installed but not in package-lock.json` };
	}
	return { upToDate: true };
}

/** The network error code in npm's output when it could not reach the registry, else undefined. */
function registryError(output) {
	return NETWORK_ERRORS.find((code) => new RegExp(`\\b${code}\\b`).test(output));
}

function registryMessage(registry, code) {
	return `the npm registry (${registry}) cannot be reached (${code}): check your network or npm proxy settings`;
}

/** How to run npm: the npm that runs us (`npm start`, `npm test`), else the one on PATH. */
function npmCommand(args) {
	const npmCli = process.env.npm_execpath;
	if (npmCli && /npm-cli\.js$/.test(npmCli)) return [process.execPath, [npmCli, ...args]];
	return [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
}

/** The registry npm uses here (only asked when it could not be reached). */
function configuredRegistry(root) {
	if (process.env.npm_config_registry) return process.env.npm_config_registry;
	const [cmd, args] = npmCommand(['config', 'get', 'registry']);
	const result = spawnSync(cmd, args, {
		cwd: root,
		encoding: 'utf8',
		shell: process.platform === 'win32',
	});
	return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : DEFAULT_REGISTRY;
}

/** Runs `npm ci`; its output is shown as it comes and kept for the error message. */
function npmCi(root) {
	return new Promise((resolve) => {
		const [cmd, args] = npmCommand(['ci', '--no-audit', '--no-fund']);
		const child = spawn(cmd, args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			shell: process.platform === 'win32',
		});
		let output = '';
		const keep = (stream, out) =>
			stream.on('data', (chunk) => {
				output += chunk;
				out.write(chunk);
			});
		keep(child.stdout, process.stdout);
		keep(child.stderr, process.stderr);
		child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
		child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
	});
}

/**
 * Installs the dependencies from package-lock.json unless node_modules already matches it.
 * Resolves with { installed }; rejects with a clear message when `npm ci` fails.
 * Options: root (default: this repository), log (one line of progress), install (for tests).
 */
async function ensureDeps({
	root = ROOT,
	log = (line) => process.stdout.write(`${line}\n`),
	install = npmCi,
	registry = configuredRegistry,
} = {}) {
	const state = dependencyState(root);
	if (state.upToDate) return { installed: false };
	log(`installing dependencies from package-lock.json (first run only)… (${state.reason})`);
	const started = Date.now();
	const result = await install(root);
	if (result.code !== 0) {
		const code = registryError(result.output);
		const message = code
			? registryMessage(registry(root), code)
			: `npm ci failed (${result.signal ? `signal ${result.signal}` : `exit code ${result.code}`}); its output is above`;
		throw Object.assign(new Error(`could not install the dependencies: ${message}`), {
			registryUnreachable: Boolean(code),
		});
	}
	const after = dependencyState(root);
	if (!after.upToDate)
		throw new Error(
			`npm ci finished but node_modules does not match package-lock.json: ${after.reason}`,
		);
	log(`dependencies installed (${Math.round((Date.now() - started) / 1000)} s)`);
	return { installed: true };
}

module.exports = { ensureDeps, dependencyState, registryError, registryMessage };

if (require.main === module) {
	ensureDeps().then(
		({ installed }) => {
			if (!installed) process.stdout.write('dependencies are up to date with package-lock.json\n');
		},
		(error) => {
			process.stderr.write(`\n${error.message}\n`);
			process.exit(1);
		},
	);
}
