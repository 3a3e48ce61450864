'use strict';
// A throw-away Redis for n8n's queue mode: Debian's `redis-server` (installed with apt-get when it is
// missing: CI runs on a fresh machine as root), started on 127.0.0.1 on a free port with no
// persistence (no RDB snapshots, no AOF, its folder removed on stop). It runs under ./guard.js, so it
// is ended with the process that started it even if that process dies without stopping it.

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { freePort, sleep } = require('./n8n');
const { aptInstall } = require('./debian');
const { killGroup, endGroup, startLogged } = require('./processGroup');

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
 * redis-server`, as root, its service kept from starting: ./debian.js).
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
	aptInstall({ packages: ['redis-server'], by: 'e2e/lib/redis.js', timeoutMs: 600_000 });
	const installed = findRedisServer();
	if (!installed)
		throw new Error('apt-get installed redis-server but no redis-server binary was found');
	log(`installed ${installed}`);
	return installed;
}

/**
 * The reply in what Redis sent so far, undefined while incomplete: a bulk string's text (`$<n>`,
 * as CLIENT LIST and INFO answer), else the first line as sent (`+PONG`, `:1`, `-ERR …`).
 */
function replyIn(data) {
	const end = data.indexOf('\r\n');
	if (end === -1) return undefined;
	const head = data.slice(0, end);
	if (!head.startsWith('$') || head === '$-1') return head;
	const text = Buffer.from(data.slice(end + 2));
	const length = Number(head.slice(1));
	return text.length >= length + 2 ? text.subarray(0, length).toString() : undefined;
}

/** One Redis command over a fresh connection (inline protocol); resolves its reply (replyIn). */
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
			const reply = replyIn(data);
			if (reply !== undefined) {
				clearTimeout(timer);
				socket.end();
				resolve(reply);
			}
		});
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

/**
 * Starts redis-server under ./guard.js on 127.0.0.1:`port` with its data in `dir` (`durable`: an
 * append-only file, fsync every second; otherwise no persistence) and waits up to 20 s for its PONG
 * (it answers LOADING while it reads an append-only file). Resolves { child, ready, exited(),
 * stop(killAfterMs) }.
 */
async function launchRedis({ bin, port, dir, logFile, durable = false, everyMs }) {
	const persistence = durable
		? ['--appendonly', 'yes', '--appendfsync', 'everysec']
		: ['--appendonly', 'no'];
	const { child, exited } = startLogged({
		argv: [
			bin,
			...['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', ''],
			...persistence,
			...['--protected-mode', 'yes', '--daemonize', 'no', '--logfile', ''],
		],
		logFile,
		header: '',
	});
	const deadline = Date.now() + 20_000;
	let ready = false;
	while (!exited() && Date.now() < deadline) {
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') {
				ready = true;
				break;
			}
		} catch {
			/* not listening yet */
		}
		await sleep(everyMs);
	}
	return {
		child,
		ready,
		exited,
		/** SIGTERM (redis-server writes its append-only file and exits), SIGKILL after `killAfterMs`. */
		async stop(killAfterMs) {
			if (!exited()) await endGroup(child, { killAfterMs });
			killGroup(child, 'SIGKILL');
		},
	};
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
		const server = await launchRedis({ bin, port: p, dir, logFile, everyMs: 100 });
		const stop = async () => {
			await server.stop(5000);
			if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
		};
		if (server.ready) {
			return {
				host: '127.0.0.1',
				port: p,
				pid: server.child.pid,
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
			`redis-server did not start on 127.0.0.1:${p} (${JSON.stringify(server.exited())}):\n${tail}`,
		);
	}
}

module.exports = {
	startRedis,
	launchRedis,
	ensureRedisServer,
	findRedisServer,
	redisCommand,
	replyIn,
};
