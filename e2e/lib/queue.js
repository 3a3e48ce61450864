'use strict';
// n8n in queue mode ("scaling mode"), the way teams run it past one machine: Redis, one main
// instance (editor, REST, triggers and pollers, enqueues executions), workers (`n8n worker`, run the
// executions) and optionally webhook processors (`n8n webhook`, production webhooks and the
// waiting-webhook resumes). Two layouts:
//  - database 'sqlite' (the queue-mode E2E, e2e/QUEUE-MODE.md): every process shares the main's user
//    folder (SQLite database, community package under .n8n/nodes) and the encryption key;
//  - database 'postgres' (the production topology, e2e/topology/): PostgreSQL (./postgres.js), and
//    every instance has a user folder of its own with our package installed into its .n8n/nodes, as
//    on separate machines or containers; only the database, Redis and the encryption key are shared.
//
//   const q = await startQueueStack({ version: '2.40.7', emulator, workers: 2 });
//   q.n8n            the main instance (./n8n.js N8n)
//   q.workers[i]     Worker: start(), kill('SIGKILL'), stop(), executionIds(), redisPorts(), log()
//   q.webhooks[i]    WebhookProcessor (webhookProcessors: n): url, start(), stop(), log()
//   q.postgres       (database 'postgres') ./postgres.js: query(sql), env
//   await q.stop()

const fs = require('node:fs');
const path = require('node:path');
const { runCaptured } = require('./command');
const { startStack, tempUserFolder, resolveTarball } = require('./stack');
const { startRedis } = require('./redis');
const { startPostgres } = require('./postgres');
const { installPackage, removePack } = require('./install');
const { freePort, sleep, takenPort, PORT_ATTEMPTS, PORT_WAIT_MS } = require('./n8n');
const { httpRequest } = require('./http');
const { endGroup, startLogged, statOf } = require('./processGroup');

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

/**
 * Local ports of process `pid`'s TCP connections to 127.0.0.1:`port` (Linux: its socket inodes in
 * /proc/<pid>/fd, matched in /proc/net/tcp); [] where /proc does not tell.
 */
function localPortsTo(pid, port) {
	const inodes = new Set();
	try {
		for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
			try {
				const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
				if (m) inodes.add(m[1]);
			} catch {
				/* closed meanwhile */
			}
		}
	} catch {
		return [];
	}
	const ports = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		if (!fs.existsSync(table)) continue;
		for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
			const f = line.trim().split(/\s+/);
			if (f.length < 10 || !inodes.has(f[9])) continue;
			if (parseInt(f[2].split(':')[1], 16) === port) ports.push(parseInt(f[1].split(':')[1], 16));
		}
	}
	return ports;
}

/** The pid of a child of `parentPid` (n8n under its guard), from /proc; undefined elsewhere. */
function childPid(parentPid) {
	try {
		for (const name of fs.readdirSync('/proc'))
			if (/^\d+$/.test(name) && statOf(`/proc/${name}`)?.ppid === parentPid) return Number(name);
	} catch {
		/* no /proc */
	}
	return undefined;
}

/**
 * Runs a read-only SQL query against the main instance's SQLite database, with that n8n's own Node
 * and sqlite3 module (built for its Node ABI, not ours). Resolves the rows.
 */
async function sqlite(main, query, params = []) {
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
	const args = ['-e', script, file, query, JSON.stringify(params)];
	const { code, stdout, stderr } = await runCaptured(main.install.nodeBin, args, {
		cwd: main.install.dir,
		env: { ...main.install.env, NODE_PATH: path.join(main.install.dir, 'node_modules') },
	});
	if (code !== 0)
		throw new Error(`sqlite query failed (${code}): ${stderr.slice(-1000)}\n${query}`);
	try {
		return JSON.parse(stdout);
	} catch {
		throw new Error(`sqlite query gave no JSON: ${stdout.slice(0, 500)} ${stderr.slice(-500)}`);
	}
}

/**
 * One queue-mode process besides main (`n8n worker`, `n8n webhook`): the main's environment (database,
 * Redis, encryption key), its own ports, its own log file, and either the main's user folder or one
 * of its own (`userFolder`, with our package installed in it by startQueueStack).
 */
class QueueProcess {
	/**
	 * @param {object} o
	 * @param {import('./n8n').N8n} o.main   the main instance (its environment is the base)
	 * @param {string} o.name               e.g. 'worker-1' (log file <userFolder>/<name>.log)
	 * @param {string[]} o.args              n8n command line, e.g. ['worker', '--concurrency=5']
	 * @param {string} [o.userFolder]       N8N_USER_FOLDER (default: the main's)
	 * @param {object} [o.env]              extra environment
	 * @param {string[]} [o.omitEnv]        variables of the main's environment this process must not get
	 * @param {string[]} [o.nodeArgs]       options for n8n's Node.js (e.g. --cpu-prof, which NODE_OPTIONS refuses)
	 */
	constructor({ main, name, args, userFolder, env = {}, omitEnv = [], nodeArgs = [] }) {
		this.main = main;
		this.name = name;
		this.args = args;
		this.nodeArgs = nodeArgs;
		this.userFolder = userFolder || main.userFolder;
		this.extraEnv = env;
		this.omitEnv = omitEnv;
		this.logFile = path.join(this.userFolder, `${name}.log`);
		this.child = null;
		this.ports = null;
		this.starts = 0;
		/** ms from spawn to ready, per start */
		this.startTimes = [];
		/** pid of the n8n (Node.js) process of each start, where /proc tells it (Linux) */
		this.nodePids = [];
	}

	/** Whether this process serves N8N_PORT (a webhook processor; a worker does not, but must not clash). */
	get servesPort() {
		return false;
	}

	/** Once served, N8N_PORT is named by URLs handed out: a restart keeps it. */
	get keepsPort() {
		return this.servesPort && this.startTimes.length > 0;
	}

	/** Ports of this process (picked once; again only when one was taken meanwhile). */
	async pickPorts() {
		// the task broker and the health server are served too, and each process needs its own
		this.ports = {
			port: this.keepsPort ? this.ports.port : await freePort(),
			brokerPort: await freePort(),
			healthPort: await freePort(),
		};
	}

	env() {
		const env = {
			...this.main.env(),
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.ports.port),
			N8N_RUNNERS_BROKER_PORT: String(this.ports.brokerPort),
			...this.ownEnv(),
			...this.extraEnv,
		};
		for (const key of this.omitEnv) delete env[key];
		return env;
	}

	ownEnv() {
		return {};
	}

	log() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** What this start logs once it is up (a substring). */
	get readyLine() {
		throw new Error('not implemented');
	}

	get healthUrl() {
		throw new Error('not implemented');
	}

	get pid() {
		return this.child ? this.child.pid : undefined;
	}

	/** Starts the process and resolves once it logged that it is ready and its readiness check answers 200. */
	async start({ timeoutMs = 180_000 } = {}) {
		for (let attempt = 1; ; attempt++) {
			if (!this.ports) await this.pickPorts();
			try {
				return await this.startOnce(timeoutMs);
			} catch (error) {
				if (!error.addressInUse || attempt >= PORT_ATTEMPTS) throw error;
				process.stderr.write(
					`[${this.name}] a port was taken (${error.addressInUse}); starting again\n`,
				);
				if (this.keepsPort) await sleep(PORT_WAIT_MS);
				await this.pickPorts();
			}
		}
	}

	async startOnce(timeoutMs) {
		if (this.child) throw new Error(`${this.name} is already running`);
		const { install } = this.main;
		const t0 = Date.now();
		const { child, exited, logged } = startLogged({
			argv: [install.nodeBin, ...this.nodeArgs, install.n8nBin, ...this.args],
			cwd: this.userFolder,
			env: this.env(),
			logFile: this.logFile,
			header: `\n===== ${this.name} (n8n ${install.version} ${this.args[0]}) start ${new Date().toISOString()}\n`,
		});
		this.child = child;
		this.starts++;
		child.on('exit', () => {
			if (this.child === child) this.child = null;
		});
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const since = logged();
			if (exited()) {
				const error = new Error(
					`${this.name} exited during startup (${JSON.stringify(exited())}); log ${this.logFile}:\n${since.slice(-3000)}`,
				);
				error.addressInUse = takenPort(since);
				throw error;
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(
					`${this.name} did not become ready within ${timeoutMs} ms; log ${this.logFile}:\n${since.slice(-3000)}`,
				);
			}
			if (since.includes(this.readyLine)) {
				try {
					const res = await httpRequest(this.healthUrl, { method: 'GET', headers: {} });
					if (res.status === 200) {
						this.startTimes.push(Date.now() - t0);
						const pid = childPid(child.pid);
						if (pid) this.nodePids.push(pid);
						return this;
					}
				} catch {
					/* not listening yet */
				}
			}
			await sleep(250);
		}
	}

	/**
	 * Kills the process the hard way: `signal` (default SIGKILL) to its whole process group (n8n, its
	 * task runner, the guard), as when a machine or container dies. Resolves once it is gone.
	 */
	async kill(signal = 'SIGKILL') {
		const child = this.child;
		if (!child) return;
		await endGroup(child, { signal });
		this.child = null;
	}

	/** Graceful stop (SIGTERM, SIGKILL after `killAfterMs`). Resolves the ms it took. */
	async stop({ killAfterMs = 20_000 } = {}) {
		const child = this.child;
		if (!child) return 0;
		const t = Date.now();
		await endGroup(child, { killAfterMs });
		this.child = null;
		return Date.now() - t;
	}

	/** stop() then start(); resolves { stopMs, startMs }. */
	async restart() {
		const stopMs = await this.stop();
		const t = Date.now();
		await this.start();
		return { stopMs, startMs: Date.now() - t };
	}
}

/** `n8n worker`: takes executions from the Bull queue. Readiness: its health server (QUEUE_HEALTH_CHECK_*). */
class Worker extends QueueProcess {
	/**
	 * @param {object} o  as QueueProcess, plus
	 * @param {number} [o.concurrency]  --concurrency (default 5)
	 */
	constructor({ concurrency = 5, ...o }) {
		super({ ...o, args: ['worker', `--concurrency=${concurrency}`] });
		this.concurrency = concurrency;
	}

	ownEnv() {
		return {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.ports.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
	}

	get readyLine() {
		return 'n8n worker is now ready';
	}

	get healthUrl() {
		return `http://127.0.0.1:${this.ports.healthPort}/healthz/readiness`;
	}

	/** Local ports of this start's connections to Redis (see localPortsTo). */
	redisPorts() {
		const pid = this.nodePids.at(-1);
		return pid ? localPortsTo(pid, Number(this.env().QUEUE_BULL_REDIS_PORT)) : [];
	}

	/** Execution ids this worker started (every start so far), from its log. */
	executionIds() {
		return [...this.log().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
	}
}

/**
 * `n8n webhook`: a webhook processor. Serves production webhooks (/webhook/…), forms and the
 * waiting-webhook resumes (/webhook-waiting/<execution id>, what a Wait node or a "send and wait"
 * operation gives as $execution.resumeUrl) on its own N8N_PORT, and enqueues the executions for the
 * workers. Its port stays the same across restarts (senders keep its URL).
 */
class WebhookProcessor extends QueueProcess {
	constructor(o) {
		super({ ...o, args: ['webhook'] });
	}

	get readyLine() {
		return 'Webhook listener waiting for requests';
	}

	get servesPort() {
		return true;
	}

	get url() {
		return `http://127.0.0.1:${this.ports.port}`;
	}

	get healthUrl() {
		return `${this.url}/healthz/readiness`;
	}
}

/**
 * Redis + main (queue mode) + workers (+ webhook processors), our package installed as a community
 * package and the emulator credentials imported (./stack.js does the main part).
 *
 * @param {object} o
 * @param {string} o.version
 * @param {object} o.emulator          a started emulator (./emulator.js)
 * @param {number} [o.workers]         how many workers (default 2)
 * @param {number} [o.webhookProcessors]  how many `n8n webhook` processes (default 0)
 * @param {'sqlite'|'postgres'} [o.database]  'postgres': PostgreSQL and a user folder per instance
 * @param {object} [o.redis]           a started Redis to use (default: a throw-away ./redis.js one);
 *                                     stopped with the stack either way
 * @param {boolean} [o.durable]        turn n8n's durable scheduler / poll cursors on (default true)
 * @param {number} [o.concurrency]     per worker
 * @param {object} [o.env]             extra environment for every instance
 * @param {object} [o.mainEnv]         environment of the main instance only
 * @param {(name: string) => object} [o.processEnv]  extra environment of one worker / webhook processor
 * @param {(name: string) => string[]} [o.processNodeArgs]  Node.js options of one worker / webhook processor
 * @param {boolean} [o.webhookUrl]     WEBHOOK_URL = the first webhook processor's URL on every
 *                                     instance (default: true when there is a webhook processor)
 * @param {(msg: string) => void} [o.progress]
 */
async function startQueueStack({
	version,
	emulator,
	workers = 2,
	webhookProcessors = 0,
	database = 'sqlite',
	redis: givenRedis,
	durable = true,
	concurrency = 5,
	env = {},
	mainEnv = {},
	processEnv = () => ({}),
	processNodeArgs = () => [],
	webhookUrl = webhookProcessors > 0,
	progress = () => undefined,
}) {
	const timings = {};
	let t = Date.now();
	const separateFolders = database === 'postgres';
	let redis = givenRedis;
	if (!redis) {
		progress('starting redis-server');
		redis = await startRedis();
	}
	timings.redisMs = Date.now() - t;
	let postgres;
	let stack;
	let pack;
	const folders = [];
	const started = [];
	try {
		if (database === 'postgres') {
			t = Date.now();
			progress('starting PostgreSQL');
			postgres = await startPostgres();
			timings.postgresMs = Date.now() - t;
		}
		// the processes' ports are picked before main starts: WEBHOOK_URL names the webhook processor
		const makeList = (count, prefix, Kind, extra) =>
			Array.from({ length: count }, (_, i) => {
				const name = `${prefix}-${i + 1}`;
				let userFolder;
				if (separateFolders) {
					userFolder = tempUserFolder(`n8n-nodes-voc-e2e-${name}-`);
					folders.push(userFolder);
				}
				return { name, Kind, userFolder, extra };
			});
		const specs = [
			...makeList(workers, 'worker', Worker, { concurrency }),
			...makeList(webhookProcessors, 'webhook', WebhookProcessor, {}),
		];
		const ports = {};
		for (const spec of specs)
			ports[spec.name] = {
				port: await freePort(),
				brokerPort: await freePort(),
				healthPort: await freePort(),
			};
		const firstWebhook = specs.find((spec) => spec.Kind === WebhookProcessor);
		const sharedEnv = {
			...queueEnv(redis),
			...(durable ? DURABLE_ENV : {}),
			...(postgres ? postgres.env : {}),
			...(webhookUrl && firstWebhook
				? { WEBHOOK_URL: `http://127.0.0.1:${ports[firstWebhook.name].port}/` }
				: {}),
			...env,
		};
		pack = await resolveTarball();
		t = Date.now();
		stack = await startStack({
			version,
			emulator,
			tarball: pack.tarball,
			env: { ...sharedEnv, ...mainEnv },
			progress,
		});
		timings.mainMs = Date.now() - t;
		t = Date.now();
		const processes = specs.map(
			(spec) =>
				new spec.Kind({
					main: stack.n8n,
					name: spec.name,
					userFolder: spec.userFolder,
					env: processEnv(spec.name),
					nodeArgs: processNodeArgs(spec.name),
					omitEnv: Object.keys(mainEnv),
					...spec.extra,
				}),
		);
		for (const p of processes) p.ports = ports[p.name];
		if (separateFolders) {
			// each instance its own ~/.n8n/nodes, as on its own machine or container
			progress(`installing the package on ${processes.length} more instances`);
			for (const p of processes)
				await installPackage({
					userFolder: p.userFolder,
					tarball: pack.tarball,
					n8n: stack.n8n.install,
				});
			timings.installMs = Date.now() - t;
			t = Date.now();
			progress(`starting ${processes.map((p) => p.name).join(', ')}`);
			// a server database: no reason to start them one after the other
			await Promise.all(
				processes.map(async (p) => {
					await p.start();
					started.push(p);
				}),
			);
		} else {
			progress(`starting ${processes.length} workers`);
			// one after the other: two n8n processes migrating/reading the same SQLite file at once are slow
			for (const p of processes) {
				await p.start();
				started.push(p);
			}
		}
		timings.workersMs = Date.now() - t;
		const tarball = pack.tarball;
		const packedHere = pack.packedHere;
		pack = undefined;
		const workerList = processes.filter((p) => p instanceof Worker);
		const webhookList = processes.filter((p) => p instanceof WebhookProcessor);
		return {
			redis,
			postgres,
			stack,
			n8n: stack.n8n,
			workers: workerList,
			webhooks: webhookList,
			/** every instance besides main */
			processes,
			/** the package tarball every instance got (kept until stop: an upgrade drill installs it again) */
			tarball,
			timings,
			async stop() {
				await Promise.all(webhookList.map((w) => w.stop()));
				await Promise.all(workerList.map((w) => w.stop()));
				const logs = processes.map((p) => p.log());
				try {
					await stack.stop({ logs });
				} finally {
					await redis.stop();
					if (postgres) await postgres.stop();
					if (packedHere) removePack(tarball);
					if (!process.env.E2E_KEEP)
						for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
				}
			},
		};
	} catch (error) {
		await Promise.all(started.map((w) => w.stop().catch(() => undefined)));
		if (stack) await stack.stop().catch(() => undefined);
		await redis.stop().catch(() => undefined);
		if (postgres) await postgres.stop().catch(() => undefined);
		if (pack?.packedHere) removePack(pack.tarball);
		for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
		throw error;
	}
}

module.exports = {
	startQueueStack,
	QueueProcess,
	Worker,
	WebhookProcessor,
	queueEnv,
	sqlite,
	DURABLE_ENV,
};
