'use strict';
// n8n in queue mode ("scaling mode"), the way teams run it past one machine: Redis, one main
// instance (editor, REST, triggers and pollers, enqueues executions) and workers (`n8n worker`,
// run the executions). Main and workers share the user folder (SQLite database, community package
// under .n8n/nodes) and the encryption key. See e2e/QUEUE-MODE.md.
//
//   const q = await startQueueStack({ version: '2.40.7', emulator, workers: 2 });
//   q.n8n          the main instance (./n8n.js N8n)
//   q.workers[i]   Worker: start(), kill('SIGKILL'), stop(), executionIds(), log()
//   await q.stop()

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startStack } = require('./stack');
const { startRedis } = require('./redis');
const { freePort, sleep } = require('./n8n');
const { httpRequest } = require('./http');

const GUARD = path.join(__dirname, 'guard.js');

/**
 * Durable scheduling / durable poll cursors of n8n 2.40.7 (found in @n8n/config SchedulerConfig and
 * WorkflowsConfig; all off by default except the publication service). With these the main's poll
 * triggers are scheduled by the database-backed durable scheduler instead of in-memory crons, and a
 * poll's cursor (the node's static data) is committed in the same transaction that creates the
 * execution. See e2e/QUEUE-MODE.md.
 */
const DURABLE_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	// default already; the durable chain requires it
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

/** Environment of every instance (main and workers) in queue mode. */
function queueEnv(redis) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// one prefix per stack: stacks side by side on one Redis would otherwise share queues
		QUEUE_BULL_PREFIX: `bull-e2e-${redis.port}`,
		N8N_REDIS_KEY_PREFIX: `n8n-e2e-${redis.port}`,
	};
}

const running = new Set();
process.on('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* already gone */
	}
}

/**
 * Runs a read-only SQL query against the main instance's SQLite database, with that n8n's own Node
 * and sqlite3 module (built for its Node ABI, not ours). Resolves the rows.
 */
function sqlite(main, query, params = []) {
	const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
    db.configure('busyTimeout', 10000);
    db.all(process.argv[2], JSON.parse(process.argv[3]), (error, rows) => {
      if (error) { process.stderr.write(String(error && error.message)); process.exit(2); }
      process.stdout.write(JSON.stringify(rows));
      db.close();
    });`;
	const file = path.join(main.userFolder, '.n8n', 'database.sqlite');
	return new Promise((resolve, reject) => {
		const child = spawn(main.install.nodeBin, ['-e', script, file, query, JSON.stringify(params)], {
			cwd: main.install.dir,
			env: { ...main.install.env, NODE_PATH: path.join(main.install.dir, 'node_modules') },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0)
				return reject(new Error(`sqlite query failed (${code}): ${err.slice(-1000)}\n${query}`));
			try {
				resolve(JSON.parse(out));
			} catch (error) {
				reject(new Error(`sqlite query gave no JSON: ${out.slice(0, 500)} ${err.slice(-500)}`));
			}
		});
	});
}

/** `n8n worker` sharing a main instance's user folder, database, encryption key and Redis. */
class Worker {
	/**
	 * @param {object} o
	 * @param {import('./n8n').N8n} o.main   the main instance (its environment is the base)
	 * @param {string} o.name               e.g. 'worker-1' (log file <userFolder>/<name>.log)
	 * @param {number} [o.concurrency]
	 * @param {object} [o.env]              extra environment
	 */
	constructor({ main, name, concurrency = 5, env = {} }) {
		this.main = main;
		this.name = name;
		this.concurrency = concurrency;
		this.extraEnv = env;
		this.logFile = path.join(main.userFolder, `${name}.log`);
		this.child = null;
		this.ports = null;
		this.starts = 0;
	}

	async pickPorts() {
		// N8N_PORT is not served by a worker but must not clash; the task broker and the health
		// server are, and each worker needs its own.
		this.ports = {
			port: await freePort(),
			brokerPort: await freePort(),
			healthPort: await freePort(),
		};
	}

	env() {
		return {
			...this.main.env(),
			N8N_PORT: String(this.ports.port),
			N8N_RUNNERS_BROKER_PORT: String(this.ports.brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.ports.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...this.extraEnv,
		};
	}

	get healthUrl() {
		return `http://127.0.0.1:${this.ports.healthPort}/healthz/readiness`;
	}

	log() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** Execution ids this worker started (every start so far), from its log. */
	executionIds() {
		return [...this.log().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
	}

	get pid() {
		return this.child ? this.child.pid : undefined;
	}

	/** Starts `n8n worker` and resolves once it logged that it is ready and its readiness check answers 200. */
	async start({ timeoutMs = 180_000 } = {}) {
		for (let attempt = 1; ; attempt++) {
			await this.pickPorts();
			try {
				return await this.startOnce(timeoutMs);
			} catch (error) {
				if (!error.addressInUse || attempt >= 3) throw error;
			}
		}
	}

	async startOnce(timeoutMs) {
		if (this.child) throw new Error(`${this.name} is already running`);
		const { install } = this.main;
		const out = fs.openSync(this.logFile, 'a');
		fs.writeSync(
			out,
			`\n===== ${this.name} (n8n ${install.version} worker) start ${new Date().toISOString()}\n`,
		);
		const logSizeAtStart = fs.statSync(this.logFile).size;
		const child = spawn(
			process.execPath,
			[GUARD, install.nodeBin, install.n8nBin, 'worker', `--concurrency=${this.concurrency}`],
			{
				cwd: this.main.userFolder,
				env: this.env(),
				detached: true,
				stdio: ['ignore', out, out],
			},
		);
		fs.closeSync(out);
		this.child = child;
		this.starts++;
		running.add(child);
		let exited = null;
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			running.delete(child);
			if (this.child === child) this.child = null;
		});
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const since = this.log().slice(logSizeAtStart);
			if (exited) {
				const error = new Error(
					`${this.name} exited during startup (${JSON.stringify(exited)}); log ${this.logFile}:\n${since.slice(-3000)}`,
				);
				error.addressInUse = /EADDRINUSE/.test(since);
				throw error;
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(
					`${this.name} did not become ready within ${timeoutMs} ms; log ${this.logFile}:\n${since.slice(-3000)}`,
				);
			}
			if (since.includes('n8n worker is now ready')) {
				try {
					const res = await httpRequest(this.healthUrl, { method: 'GET', headers: {} });
					if (res.status === 200) return this;
				} catch {
					/* not listening yet */
				}
			}
			await sleep(500);
		}
	}

	/**
	 * Kills the worker the hard way: SIGKILL to its whole process group (n8n, its task runner, the
	 * guard), as when a machine or container dies. Resolves once it is gone.
	 */
	async kill(signal = 'SIGKILL') {
		const child = this.child;
		if (!child) return;
		const done = new Promise((r) => child.once('exit', r));
		killGroup(child, signal);
		await done;
		killGroup(child, 'SIGKILL');
		this.child = null;
	}

	/** Graceful stop (SIGTERM, SIGKILL after 20 s). */
	async stop() {
		const child = this.child;
		if (!child) return;
		const done = new Promise((r) => child.once('exit', r));
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
		await done;
		clearTimeout(timer);
		killGroup(child, 'SIGKILL');
		this.child = null;
	}
}

/**
 * Redis + main (queue mode) + workers, our package installed as a community package and the
 * emulator credentials imported (./stack.js does the main part).
 *
 * @param {object} o
 * @param {string} o.version
 * @param {object} o.emulator          a started emulator (./emulator.js)
 * @param {number} [o.workers]         how many workers (default 2)
 * @param {boolean} [o.durable]        turn n8n's durable scheduler / poll cursors on (default true)
 * @param {object} [o.env]             extra environment for main and workers
 * @param {(msg: string) => void} [o.progress]
 */
async function startQueueStack({
	version,
	emulator,
	workers = 2,
	durable = true,
	concurrency = 5,
	env = {},
	progress = () => undefined,
}) {
	const timings = {};
	let t = Date.now();
	progress('starting redis-server');
	const redis = await startRedis();
	timings.redisMs = Date.now() - t;
	let stack;
	const started = [];
	try {
		t = Date.now();
		const sharedEnv = { ...queueEnv(redis), ...(durable ? DURABLE_ENV : {}), ...env };
		stack = await startStack({ version, emulator, env: sharedEnv, progress });
		timings.mainMs = Date.now() - t;
		t = Date.now();
		const list = Array.from(
			{ length: workers },
			(_, i) => new Worker({ main: stack.n8n, name: `worker-${i + 1}`, concurrency }),
		);
		progress(`starting ${workers} workers`);
		// one after the other: two n8n processes migrating/reading the same SQLite file at once are slow
		for (const w of list) {
			await w.start();
			started.push(w);
		}
		timings.workersMs = Date.now() - t;
		return {
			redis,
			stack,
			n8n: stack.n8n,
			workers: list,
			timings,
			async stop() {
				await Promise.all(list.map((w) => w.stop()));
				await stack.stop({ logs: list.map((w) => w.log()) });
				await redis.stop();
			},
		};
	} catch (error) {
		await Promise.all(started.map((w) => w.stop().catch(() => undefined)));
		if (stack) await stack.stop().catch(() => undefined);
		await redis.stop().catch(() => undefined);
		throw error;
	}
}

module.exports = { startQueueStack, Worker, queueEnv, sqlite, DURABLE_ENV };
