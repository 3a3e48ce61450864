#!/usr/bin/env node
'use strict';
// `npm start`: the whole demo in one command.
//   1. build and pack this package (npm run build, npm pack)
//   2. start the vendor emulator on 127.0.0.1:4010
//   3. install n8n (first run only, into .cache/) and our tarball as a community package
//   4. import credentials pointing at the emulator and every workflow in examples/
//   5. start n8n on 127.0.0.1:5678 with an owner account ready, print the URL and the login
// Ctrl-C stops everything it started.
// Before all that, the dependencies are installed from package-lock.json if node_modules does not
// match it (first run of a fresh clone: scripts/ensure-deps.js). The temporary folder the package
// is packed into is removed however start ends: ready, failed at any step, or interrupted.
//
// Options: --fresh (forget the demo's n8n data), --port=5678, --sandbox-port=4010, --n8n=<version>

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ensureDeps } = require('./ensure-deps');

function option(name, fallback) {
	const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (!arg) return fallback;
	return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : true;
}

function say(msg) {
	process.stdout.write(`[start] ${msg}\n`);
}

function assertPortFree(port, what) {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', () =>
			reject(
				new Error(
					`port ${port} (${what}) is in use: stop whatever uses it, or pass --${what}=<port>`,
				),
			),
		);
		srv.listen(port, '127.0.0.1', () => srv.close(resolve));
	});
}

/** The last lines of the logs under `dir` (the build log), shown before the folder is removed. */
function showLogs(dir) {
	if (!dir || !fs.existsSync(dir)) return;
	const logs = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isFile() && entry.name.endsWith('.log')) logs.push(full);
		if (entry.isDirectory())
			for (const name of fs.readdirSync(full))
				if (name.endsWith('.log')) logs.push(path.join(full, name));
	}
	for (const file of logs) {
		const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
		console.error(
			`\n[start] last lines of ${path.basename(file)}:\n${lines.slice(-40).join('\n')}`,
		);
	}
}

/**
 * packPackage() of e2e/lib/install.js, made inside a folder of our own: its temporary folder
 * (and the build log in it) is then always known, even when the build fails half-way, and
 * removed with ours.
 */
async function packInto(parent, packPackage) {
	const names = ['TMPDIR', 'TMP', 'TEMP'];
	const saved = names.map((name) => process.env[name]);
	for (const name of names) process.env[name] = parent;
	try {
		return await packPackage();
	} finally {
		names.forEach((name, i) => {
			if (saved[i] === undefined) delete process.env[name];
			else process.env[name] = saved[i];
		});
	}
}

async function main() {
	const started = Date.now();
	try {
		await ensureDeps({ log: say });
	} catch (error) {
		console.error(`\n[start] failed: ${error.message}`);
		process.exit(1);
	}
	const { DEMO_VERSION } = require('../e2e/lib/versions');
	const { ensureN8n, packPackage, removePack, fmt } = require('../e2e/lib/install');
	const { startEmulator } = require('../e2e/lib/emulator');
	const { startStack } = require('../e2e/lib/stack');
	const { DEFAULT_OWNER } = require('../e2e/lib/n8n');

	const version = option('n8n', DEMO_VERSION);
	const port = Number(option('port', process.env.N8N_DEMO_PORT || 5678));
	const sandboxPort = Number(option('sandbox-port', process.env.SANDBOX_PORT || 4010));
	const userFolder = path.join(os.tmpdir(), `n8n-nodes-voc-demo-${version}`);
	if (option('fresh', false)) fs.rmSync(userFolder, { recursive: true, force: true });

	try {
		await assertPortFree(port, 'port');
		await assertPortFree(sandboxPort, 'sandbox-port');
	} catch (error) {
		console.error(`\n[start] failed: ${error.message}`);
		process.exit(1);
	}

	let emulator;
	let stack;
	let packDir;
	let stopping = false;
	const removePackDir = () => {
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
		packDir = undefined;
	};
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		say('stopping n8n and the emulator…');
		try {
			if (stack) await stack.stop({ removeUserFolder: false });
			if (emulator) await emulator.close();
		} finally {
			removePackDir();
			say('stopped');
			process.exit(code);
		}
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	try {
		say('step 1/5: building and packing the package');
		packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-start-'));
		const tarball = await packInto(packDir, packPackage);

		say(`step 2/5: starting the vendor emulator on 127.0.0.1:${sandboxPort}`);
		emulator = await startEmulator({ port: sandboxPort });

		say(`step 3/5: n8n ${version} (installed once into .cache/, later runs reuse it)`);
		await ensureN8n(version);

		say('step 4/5 and 5/5: community package, credentials, example workflows, n8n itself');
		stack = await startStack({
			version,
			emulator,
			userFolder,
			port,
			tarball,
			progress: (m) => say(`  ${m}`),
		});
		removePack(tarball);
		removePackDir();
	} catch (error) {
		if (stopping) return; // interrupted: stop() is cleaning up already
		console.error(`\n[start] failed: ${error.message}`);
		showLogs(packDir);
		await stop(1);
		return;
	}

	const { n8n, credentials, examples } = stack;
	const line = '─'.repeat(72);
	console.log(`\n${line}`);
	console.log(`  n8n ${version} with n8n-nodes-voc is ready (${fmt(Date.now() - started)})\n`);
	console.log(`  Open        ${n8n.url}`);
	console.log(`  Sign in     ${DEFAULT_OWNER.email}  /  ${DEFAULT_OWNER.password}`);
	console.log(`\n  Emulator    ${emulator.url}  (control API: ${emulator.url}/__control)`);
	for (const c of credentials) console.log(`  Credential  ${c.name}`);
	for (const e of examples)
		console.log(`  Workflow    ${e.workflow.name}  → ${n8n.url}/workflow/${e.workflow.id}`);
	console.log(
		`\n  Try it: open "Wesal VoC: Low CSAT alert" and run it from its "Run now" trigger, or publish it (activate in n8n 1.x) and add`,
	);
	console.log(
		`  a low-scored survey to the emulator; the next poll (each minute) turns it into an alert:`,
	);
	console.log(
		`    curl -s -X POST ${emulator.url}/__control/wesal-voc/surveys -H 'content-type: application/json' \\`,
	);
	console.log(`      -d '{"surveys":[{"agent":"Sara","answers":{"AgentSatisfaction":"1"}}]}'`);
	console.log(`\n  n8n data    ${userFolder}  (kept between runs; npm start -- --fresh to reset)`);
	console.log(`  n8n log     ${n8n.logFile}`);
	console.log(`\n  Press Ctrl-C to stop n8n and the emulator.`);
	console.log(`${line}\n`);
}

main();
