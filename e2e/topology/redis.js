'use strict';
// Redis as a production queue-mode deployment runs it: with persistence (append-only file, fsync
// every second), so that a Redis restart keeps Bull's queued and active jobs. ../lib/redis.js is the
// throw-away, in-memory one of the queue-mode E2E; this one can be restarted on the same port and
// folder (the fault "Redis restarted" of the production-topology E2E). Debian's redis-server
// (installed by ../lib/redis.js when missing), 127.0.0.1, a free port, its folder removed on stop.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureRedisServer, redisCommand } = require('../lib/redis');
const { freePort, sleep } = require('../lib/n8n');

const GUARD = path.join(__dirname, '..', 'lib', 'guard.js');

/**
 * Starts redis-server with AOF persistence. Resolves { host, port, dir, logFile, pid, command(cmd),
 * restart() → ms it was unreachable, stop() }.
 */
async function startDurableRedis() {
	const bin = ensureRedisServer();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-redis-aof-'));
	const logFile = path.join(dir, 'redis.log');
	let port = await freePort();
	let child = null;
	let exited = null;

	const killGroup = (c, signal) => {
		try {
			process.kill(-c.pid, signal);
		} catch {
			/* gone */
		}
	};
	const onExit = () => child && killGroup(child, 'SIGKILL');
	process.on('exit', onExit);

	const launch = async () => {
		const out = fs.openSync(logFile, 'a');
		const c = spawn(
			process.execPath,
			[
				GUARD,
				bin,
				'--bind',
				'127.0.0.1',
				'--port',
				String(port),
				'--dir',
				dir,
				'--appendonly',
				'yes',
				'--appendfsync',
				'everysec',
				'--save',
				'',
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
		exited = null;
		c.on('exit', (code, signal) => (exited = { code, signal }));
		child = c;
		const deadline = Date.now() + 20_000;
		while (!exited && Date.now() < deadline) {
			try {
				// LOADING while the AOF is read: wait for PONG
				if ((await redisCommand(port, 'PING')) === '+PONG') return true;
			} catch {
				/* not listening yet */
			}
			await sleep(50);
		}
		return false;
	};

	const stopChild = async () => {
		const c = child;
		if (!c) return;
		if (!exited) {
			const done = new Promise((r) => c.once('exit', r));
			// SIGTERM: redis-server fsyncs the AOF and exits
			killGroup(c, 'SIGTERM');
			const timer = setTimeout(() => killGroup(c, 'SIGKILL'), 10_000);
			await done;
			clearTimeout(timer);
		}
		killGroup(c, 'SIGKILL');
		child = null;
	};

	for (let attempt = 1; ; attempt++) {
		if (await launch()) break;
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stopChild();
		if (attempt < 3 && /Address already in use/i.test(tail)) {
			port = await freePort();
			continue;
		}
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`redis-server did not start on 127.0.0.1:${port}:\n${tail}`);
	}

	return {
		host: '127.0.0.1',
		get port() {
			return port;
		},
		get pid() {
			return child?.pid;
		},
		dir,
		logFile,
		command: (cmd) => redisCommand(port, cmd),
		/** SIGTERM, then the same server again on the same port and folder; resolves the ms it was down. */
		async restart() {
			const t = Date.now();
			await stopChild();
			for (let attempt = 1; ; attempt++) {
				if (await launch()) return Date.now() - t;
				await stopChild();
				if (attempt >= 5) throw new Error(`redis-server did not come back on ${port}`);
				await sleep(500);
			}
		},
		async stop() {
			await stopChild();
			process.removeListener('exit', onExit);
			if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startDurableRedis };
