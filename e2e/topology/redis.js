'use strict';
// Redis as a production queue-mode deployment runs it: with persistence (append-only file, fsync
// every second), so that a Redis restart keeps Bull's queued and active jobs. ../lib/redis.js is the
// throw-away, in-memory one of the queue-mode E2E; this one can be restarted on the same port and
// folder (the fault "Redis restarted" of the production-topology E2E). Debian's redis-server
// (installed by ../lib/redis.js when missing), 127.0.0.1, a free port, its folder removed on stop.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureRedisServer, launchRedis, redisCommand } = require('../lib/redis');
const { freePort, sleep } = require('../lib/n8n');

/**
 * Starts redis-server with AOF persistence. Resolves { host, port, dir, logFile, pid, command(cmd),
 * restart() → ms it was unreachable, stop() }.
 */
async function startDurableRedis() {
	const bin = ensureRedisServer();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-redis-aof-'));
	const logFile = path.join(dir, 'redis.log');
	let port = await freePort();
	let server = null;

	const launch = async () => {
		server = await launchRedis({ bin, port, dir, logFile, durable: true, everyMs: 50 });
		return server.ready;
	};
	const stopChild = async () => {
		if (!server) return;
		// SIGTERM: redis-server fsyncs the AOF and exits
		await server.stop(10_000);
		server = null;
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
			return server?.child.pid;
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
			if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startDurableRedis };
