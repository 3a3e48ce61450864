'use strict';
// One real n8n instance: start/stop (own process group, log captured to a file), its CLI
// (import, execute, activate) and the REST calls the editor makes (owner setup, login,
// node types, credential test, workflows). Version differences come from ./versions.js.

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureN8n, PACKAGE_NAME } = require('./install');
const { httpRequest } = require('./http');
const { GUARD, killGroup, killOnExit, endGroup, startLogged } = require('./processGroup');

const DEFAULT_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-password-1',
};

// Fixed so `n8n import:credentials` and the server agree, and a restart keeps the credentials readable.
const ENCRYPTION_KEY = 'n8n-nodes-voc-e2e-encryption-key';
const BROWSER_ID = 'n8n-nodes-voc-e2e';

// n8n runs in its own process group (so that stopping it also stops its task runners), under
// guard.js, which ends the group if this process dies without stopping it.
let cliCount = 0;

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Polls `fn` until it returns something truthy; fails with `what` after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs, everyMs = 1000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

/** How often, and how far apart, a start is tried again when a port it needs is taken. */
const PORT_ATTEMPTS = 6;
const PORT_WAIT_MS = 2000;

/** The line of an n8n log that says a port was taken, or undefined. */
function takenPort(log) {
	// n8n 2.x words a taken Task Broker port without the code: "port N is already in use"
	return log
		.split('\n')
		.find((line) => /EADDRINUSE|already in use/.test(line))
		?.slice(0, 300);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** The environment n8n gets: ours minus what would confuse it (jest's NODE_ENV=test, npm's npm_* vars). */
function cleanEnv(base) {
	const env = {};
	for (const [k, v] of Object.entries(base)) {
		if (
			k === 'NODE_ENV' ||
			k === 'NODE_OPTIONS' ||
			k.startsWith('JEST_') ||
			k.startsWith('npm_') ||
			k.startsWith('TS_NODE_')
		)
			continue;
		env[k] = v;
	}
	return env;
}

/** Parses the JSON that `n8n execute --id X --rawOutput` prints among its log lines. */
function parseExecuteOutput(stdout) {
	const starts = [];
	const re = /^\{$/gm;
	let m;
	while ((m = re.exec(stdout))) starts.push(m.index);
	for (const start of starts) {
		const ends = [];
		const endRe = /^\}$/gm;
		endRe.lastIndex = start;
		while ((m = endRe.exec(stdout))) ends.push(m.index + 1);
		for (const end of ends.reverse()) {
			try {
				const data = JSON.parse(stdout.slice(start, end));
				if (data && data.data && data.data.resultData) return data;
			} catch {
				/* not this pair */
			}
		}
	}
	return undefined;
}

class N8n {
	/**
	 * @param {object} o
	 * @param {string} o.version     n8n version (see versions.js)
	 * @param {string} o.userFolder  N8N_USER_FOLDER (n8n keeps .n8n/ inside it)
	 * @param {number} [o.port]      editor/REST port (default: a free one)
	 * @param {object} [o.env]       extra environment for the server and the CLI
	 * @param {string} [o.logFile]   where the server's output goes (default <userFolder>/n8n.log)
	 */
	static async create({ version, userFolder, port, env = {}, logFile }) {
		const install = await ensureN8n(version);
		const ports = {
			port: port || (await freePort()),
			brokerPort: await freePort(),
			cliPort: await freePort(),
			cliBrokerPort: await freePort(),
		};
		const n8n = new N8n({
			install,
			userFolder,
			ports,
			env,
			logFile: logFile || path.join(userFolder, 'n8n.log'),
		});
		n8n.fixedPort = Boolean(port);
		return n8n;
	}

	constructor({ install, userFolder, ports, env, logFile }) {
		this.install = install;
		this.version = install.version;
		this.info = install.info;
		this.userFolder = userFolder;
		this.ports = ports;
		this.extraEnv = env;
		this.logFile = logFile;
		this.child = null;
		this.cookie = null;
		/** What the server logged from each start until it was ready. */
		this.startupLogs = [];
		fs.mkdirSync(userFolder, { recursive: true });
	}

	get url() {
		return `http://127.0.0.1:${this.ports.port}`;
	}

	/** Environment shared by the server and CLI commands; `cli` picks ports that do not clash with the server. */
	env({ cli = false } = {}) {
		return {
			...cleanEnv(this.install.env),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_PORT: String(cli ? this.ports.cliPort : this.ports.port),
			N8N_RUNNERS_BROKER_PORT: String(cli ? this.ports.cliBrokerPort : this.ports.brokerPort),
			N8N_EDITOR_BASE_URL: this.url,
			N8N_SECURE_COOKIE: 'false',
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			DB_TYPE: 'sqlite',
			...this.info.env,
			...this.extraEnv,
		};
	}

	/** Reads what the server logged so far (all starts of this instance). */
	log() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/**
	 * Lines of the server's startup logs (every start so far) that report a problem with our package:
	 * a line naming the package (name, install path or a node type) in an error block, e.g.
	 *   Failed to load package "n8n-nodes-voc"  /  Cannot find module 'x' + Require stack: - …/n8n-nodes-voc/…
	 * Empty when the package loaded cleanly.
	 */
	packageLoadErrors() {
		const problem = /error|fail|cannot|could not|unrecognized|invalid|unknown|missing/i;
		const found = [];
		for (const segment of this.startupLogs) {
			const lines = segment.split('\n');
			lines.forEach((line, i) => {
				if (!line.includes(PACKAGE_NAME)) return;
				const context = lines.slice(Math.max(0, i - 3), i + 1).join('\n');
				if (problem.test(context)) found.push(context.trim());
			});
		}
		return [...new Set(found)];
	}

	/**
	 * Starts `n8n start` and resolves once the editor is accessible and /healthz answers.
	 * Ports picked by us are picked again if another process took one in the meantime.
	 */
	/**
	 * Starts the server; a port taken meanwhile is picked again, except the editor's once it has
	 * served: URLs handed out before a restart (webhooks, resume URLs) name it, so then a taken port
	 * is waited for.
	 */
	async start({ timeoutMs = 180000 } = {}) {
		for (let attempt = 1; ; attempt++) {
			try {
				await this.startOnce({ timeoutMs });
				this.fixedPort = true;
				return this;
			} catch (error) {
				if (!error.addressInUse || attempt >= PORT_ATTEMPTS) throw error;
				process.stderr.write(`[n8n] a port was taken (${error.addressInUse}); starting again\n`);
				if (this.fixedPort) await sleep(PORT_WAIT_MS);
				this.ports = {
					port: this.fixedPort ? this.ports.port : await freePort(),
					brokerPort: await freePort(),
					cliPort: await freePort(),
					cliBrokerPort: await freePort(),
				};
			}
		}
	}

	async startOnce({ timeoutMs }) {
		if (this.child) throw new Error('n8n is already running');
		const { child, exited, logged } = startLogged({
			argv: [this.install.nodeBin, this.install.n8nBin, 'start'],
			cwd: this.userFolder,
			env: this.env(),
			logFile: this.logFile,
			header: `\n===== n8n ${this.version} start ${new Date().toISOString()} on ${this.url}\n`,
		});
		this.child = child;
		child.on('exit', () => {
			if (this.child === child) this.child = null;
		});

		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (exited()) {
				const tail = logged();
				const error = new Error(
					`n8n ${this.version} exited during startup (${JSON.stringify(exited())}); log ${this.logFile}:\n${tail.slice(-3000)}`,
				);
				error.addressInUse = takenPort(tail);
				throw error;
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(
					`n8n ${this.version} did not become ready within ${timeoutMs} ms; log ${this.logFile}:\n${this.log().slice(-3000)}`,
				);
			}
			const sinceStart = logged();
			if (sinceStart.includes('Editor is now accessible via')) {
				try {
					const res = await httpRequest(`${this.url}/healthz/readiness`, {
						method: 'GET',
						headers: {},
					});
					if (res.status === 200) {
						this.startupLogs.push(sinceStart);
						return this;
					}
				} catch {
					/* not listening yet */
				}
			}
			await sleep(500);
		}
	}

	/** Stops the server and everything it started (task runners): SIGTERM to its process group, SIGKILL after 20 s. */
	async stop() {
		const child = this.child;
		if (!child) return;
		// the runner may outlive n8n by a moment: endGroup makes sure the group is gone
		await endGroup(child, { killAfterMs: 20000 });
		this.child = null;
		this.cookie = null;
	}

	async restart() {
		await this.stop();
		await this.start();
		if (this.owner) await this.login(this.owner);
	}

	/**
	 * Runs an n8n CLI command against this user folder. Resolves { code, stdout, stderr }.
	 * Output goes to files, not pipes: n8n exits right after printing, and a pipe would lose the
	 * end of a large `execute` result.
	 */
	cli(args, { timeoutMs = 180000 } = {}) {
		const base = path.join(this.userFolder, `.cli-${process.pid}-${++cliCount}`);
		const outFd = fs.openSync(`${base}.out`, 'w');
		const errFd = fs.openSync(`${base}.err`, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(
				process.execPath,
				[GUARD, this.install.nodeBin, this.install.n8nBin, ...args],
				{
					cwd: this.userFolder,
					env: this.env({ cli: true }),
					detached: true,
					stdio: ['ignore', outFd, errFd],
				},
			);
			fs.closeSync(outFd);
			fs.closeSync(errFd);
			killOnExit(child);
			const read = () => {
				const out = {
					stdout: fs.readFileSync(`${base}.out`, 'utf8'),
					stderr: fs.readFileSync(`${base}.err`, 'utf8'),
				};
				fs.rmSync(`${base}.out`, { force: true });
				fs.rmSync(`${base}.err`, { force: true });
				return out;
			};
			let settled = false;
			const timer = setTimeout(() => {
				settled = true;
				killGroup(child, 'SIGKILL');
				const { stdout, stderr } = read();
				reject(
					new Error(
						`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
					),
				);
			}, timeoutMs);
			child.on('error', reject);
			child.on('exit', (code) => {
				clearTimeout(timer);
				killGroup(child, 'SIGKILL'); // a task runner it started must not outlive it
				if (settled) return;
				settled = true;
				const { stdout, stderr } = read();
				fs.appendFileSync(
					this.logFile,
					`\n===== n8n ${args.join(' ')} (exit ${code})\n${stdout.length > 20000 ? `${stdout.slice(0, 20000)}\n…` : stdout}${stderr}`,
				);
				resolve({ code, stdout, stderr });
			});
		});
	}

	async cliOk(args, opts) {
		const r = await this.cli(args, opts);
		if (r.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} exited with ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
			);
		return r;
	}

	importCredentials(file) {
		return this.cliOk(['import:credentials', `--input=${file}`]);
	}

	importWorkflow(file) {
		return this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Marks a workflow active in the database (takes effect at the next start of the server). */
	activateWithCli(id) {
		return this.info.activate === 'publish'
			? this.cliOk(['publish:workflow', `--id=${id}`])
			: this.cliOk(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`. Resolves { ok, run, error, code, stdout, stderr }:
	 * run is n8n's IRun (run.data.resultData.runData[nodeName][0].data.main[0] = items).
	 */
	async execute(id, opts) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], opts);
		const run = parseExecuteOutput(r.stdout);
		const error = run && run.data.resultData.error;
		return { ok: r.code === 0 && !!run && !error, run, error, ...r };
	}

	// ---------- REST, as the editor calls it ----------

	async request(method, urlPath, body, { raw = false } = {}) {
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		const payload = body === undefined ? undefined : JSON.stringify(body);
		if (payload !== undefined) {
			headers['content-type'] = 'application/json';
			headers['content-length'] = Buffer.byteLength(payload);
		}
		if (this.cookie) headers.cookie = this.cookie;
		const res = await httpRequest(`${this.url}${urlPath}`, { method, headers }, payload);
		const setCookie = [].concat(res.headers['set-cookie'] || []);
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = res.body;
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (raw) return { status: res.status, json, text };
		if (res.status >= 400)
			throw new Error(`${method} ${urlPath} → ${res.status}: ${text.slice(0, 1000)}`);
		return json && Object.prototype.hasOwnProperty.call(json, 'data') ? json.data : json;
	}

	/** Creates the owner account through n8n's own setup endpoint (what the first-run screen does). */
	async setupOwner(owner = DEFAULT_OWNER) {
		this.owner = owner;
		const r = await this.request('POST', '/rest/owner/setup', owner, { raw: true });
		if (r.status === 200) return r.json.data;
		// already set up (second start of the same user folder): just sign in
		if (r.status === 400 && /already/i.test(r.text)) return this.login(owner);
		throw new Error(`owner setup failed: ${r.status} ${r.text.slice(0, 500)}`);
	}

	async login(owner = this.owner || DEFAULT_OWNER) {
		this.owner = owner;
		return this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
	}

	/** Node descriptions n8n knows for these type names (the editor's POST /rest/node-types). */
	async nodeTypes(names) {
		const nodeInfos = names.map((name) => ({ name, version: 1 }));
		return this.request('POST', '/rest/node-types', { nodeInfos });
	}

	/** All node and credential types the editor is served (GET /types/*.json). */
	async types() {
		const [nodes, credentials] = await Promise.all([
			this.request('GET', '/types/nodes.json'),
			this.request('GET', '/types/credentials.json'),
		]);
		return { nodes, credentials };
	}

	/** The editor's "Test" button: POST /rest/credentials/test. Resolves { status: 'OK'|'Error', message }. */
	testCredential({ id, name, type, data }) {
		return this.request('POST', '/rest/credentials/test', {
			credentials: { id, name, type, data },
		});
	}

	/** Saves a new (inactive) workflow, as the editor's Save does. */
	createWorkflow(workflow) {
		const { id, ...body } = workflow;
		return this.request('POST', '/rest/workflows', { ...body, active: false });
	}

	getWorkflow(id) {
		return this.request('GET', `/rest/workflows/${id}`);
	}

	/** Activates (1.x) / publishes (2.x) a workflow in the running server. Same endpoint in both versions. */
	async activateWorkflow(id) {
		const wf = await this.getWorkflow(id);
		return this.request('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
	}

	async deactivateWorkflow(id) {
		return this.request('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	/** Executions of a workflow, newest first (summary rows). */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const r = await this.request('GET', `/rest/executions?filter=${filter}&limit=100`);
		return r.results || r;
	}
}

module.exports = {
	N8n,
	DEFAULT_OWNER,
	freePort,
	parseExecuteOutput,
	sleep,
	takenPort,
	waitFor,
	PORT_ATTEMPTS,
	PORT_WAIT_MS,
};
