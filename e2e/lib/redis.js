'use strict';
// A throw-away Redis for n8n's queue mode: Debian's `redis-server` (installed with apt-get when it is
// missing: CI runs on a fresh machine as root), started on 127.0.0.1 on a free port with no
// persistence (no RDB snapshots, no AOF, its folder removed on stop). It runs under ./guard.js, so it
// is ended with the process that started it even if that process dies without stopping it.

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { freePort, sleep } = require('./n8n');

const GUARD = path.join(__dirname, 'guard.js');
const POLICY_RC = '/usr/sbin/policy-rc.d';

function log(msg) {
	process.stdout.write(`[redis] ${msg}\n`);
}

/** Path of the redis-server binary, or undefined. */
function findRedisServer() {
	for (const dir of (process.env.PATH || '')
		.split(path.delimiter)
		.concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const candidate = path.join(dir, 'redis-server');
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			/* next */
		}
	}
	return undefined;
}

/**
 * Installs Debian's redis-server when it is missing (`apt-get update && apt-get install -y
 * redis-server`, as root). The package's own service must not start (it would listen on 6379 and
 * outlive the tests): when the machine has no policy-rc.d, a temporary one that forbids starting
 * services is in place during the install and removed afterwards.
 */
function ensureRedisServer() {
	const found = findRedisServer();
	if (found) return found;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(
			'redis-server is not installed and this is not root: run `apt-get install -y redis-server` first',
		);
	}
	log('redis-server is missing: apt-get update && apt-get install -y redis-server');
	const ownPolicy = !fs.existsSync(POLICY_RC);
	if (ownPolicy)
		fs.writeFileSync(
			POLICY_RC,
			'#!/bin/sh\n# written by n8n-nodes-voc e2e/lib/redis.js during apt-get install\nexit 101\n',
			{ mode: 0o755 },
		);
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
			const r = spawnSync('apt-get', args, {
				env,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				timeout: 600_000,
			});
			if (r.status !== 0)
				throw new Error(
					`apt-get ${args.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stdout || '').slice(-2000)}\n${(r.stderr || '').slice(-2000)}`,
				);
		}
	} finally {
		if (ownPolicy) fs.rmSync(POLICY_RC, { force: true });
	}
	const installed = findRedisServer();
	if (!installed)
		throw new Error('apt-get installed redis-server but no redis-server binary was found');
	log(`installed ${installed}`);
	return installed;
}

/** One Redis command over a fresh connection (inline protocol); resolves the raw reply line. */
function redisCommand(port, command, timeoutMs = 2000) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let data = '';
		const timer = setTimeout(
			() => socket.destroy(new Error(`redis ${command}: timed out`)),
			timeoutMs,
		);
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			data += chunk;
			if (data.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(data.split('\r\n')[0]);
			}
		});
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

/**
 * Starts redis-server on 127.0.0.1:<free port> with no persistence. Resolves
 * { host, port, pid, logFile, command(cmd), stop() }.
 */
async function startRedis({ port, logFile } = {}) {
	const bin = ensureRedisServer();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-redis-'));
	logFile = logFile || path.join(dir, 'redis.log');
	for (let attempt = 1; ; attempt++) {
		const p = port || (await freePort());
		const out = fs.openSync(logFile, 'a');
		const child = spawn(
			process.execPath,
			[
				GUARD,
				bin,
				'--bind',
				'127.0.0.1',
				'--port',
				String(p),
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
				'--protected-mode',
				'yes',
				'--daemonize',
				'no',
				'--logfile',
				'',
			],
			{ detached: true, stdio: ['ignore', out, out] },
		);
		fs.closeSync(out);
		let exited = null;
		child.on('exit', (code, signal) => (exited = { code, signal }));
		const stopGroup = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				/* gone */
			}
		};
		const onExit = () => stopGroup('SIGKILL');
		process.on('exit', onExit);

		const deadline = Date.now() + 20_000;
		let ready = false;
		while (!exited && Date.now() < deadline) {
			try {
				if ((await redisCommand(p, 'PING')) === '+PONG') {
					ready = true;
					break;
				}
			} catch {
				/* not listening yet */
			}
			await sleep(100);
		}
		const stop = async () => {
			if (!exited) {
				const done = new Promise((r) => child.once('exit', r));
				stopGroup('SIGTERM');
				const timer = setTimeout(() => stopGroup('SIGKILL'), 5000);
				await done;
				clearTimeout(timer);
			}
			stopGroup('SIGKILL');
			process.removeListener('exit', onExit);
			if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
		};
		if (ready) {
			return {
				host: '127.0.0.1',
				port: p,
				pid: child.pid,
				logFile,
				dir,
				command: (cmd) => redisCommand(p, cmd),
				stop,
			};
		}
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stop();
		if (!port && attempt < 3 && /Address already in use/i.test(tail)) continue;
		throw new Error(
			`redis-server did not start on 127.0.0.1:${p} (${JSON.stringify(exited)}):\n${tail}`,
		);
	}
}

module.exports = { startRedis, ensureRedisServer, findRedisServer, redisCommand };
