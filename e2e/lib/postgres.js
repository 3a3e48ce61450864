'use strict';
// A throw-away PostgreSQL for n8n in production topology (e2e/topology/): Debian's PostgreSQL
// (installed with apt-get when it is missing: CI runs on a fresh machine as root), a new cluster made
// with initdb in a temporary folder, started on 127.0.0.1 on a free port, a database and a password
// role for n8n, the folder removed on stop. Like ./redis.js it runs under ./guard.js, so it ends with
// the process that started it even if that process dies without stopping it. PostgreSQL refuses to
// run as root: as root the cluster belongs to Debian's `postgres` user and runs as that user
// (setpriv), otherwise as the current user.
//
//   const pg = await startPostgres();
//   pg.env          DB_TYPE=postgresdb and the DB_POSTGRESDB_* variables n8n needs
//   await pg.query('SELECT count(*)::int AS n FROM execution_entity')   rows (psql, JSON)
//   await pg.stop()

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, sleep } = require('./n8n');
const { aptInstall, isRoot } = require('./debian');
const { runSync, runCaptured } = require('./command');
const { killGroup, endGroup, startLogged } = require('./processGroup');

const DATABASE = 'n8n';
const USER = 'n8n';
// a password role over TCP (scram-sha-256), as in a real deployment: not "trust"
const PASSWORD = 'n8n-nodes-voc-e2e-pg';
const ADMIN_PASSWORD = 'n8n-nodes-voc-e2e-pg-admin';

function log(msg) {
	process.stdout.write(`[postgres] ${msg}\n`);
}

/** The bin folder of the newest PostgreSQL server Debian installed (/usr/lib/postgresql/<v>/bin), or undefined. */
function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

/**
 * Installs Debian's PostgreSQL when it is missing (`apt-get update && apt-get install -y postgresql`,
 * as root, its service kept from starting: ./debian.js). (Debian's postgresql-common still creates
 * its default cluster "main" under /var/lib/postgresql; it stays stopped and unused.)
 */
function ensurePostgres() {
	const found = findPostgresBin();
	if (found) return found;
	if (!isRoot()) {
		throw new Error(
			'PostgreSQL is not installed and this is not root: run `apt-get install -y postgresql` first',
		);
	}
	log('PostgreSQL is missing: apt-get update && apt-get install -y postgresql');
	const started = Date.now();
	aptInstall({ packages: ['postgresql'], by: 'e2e/lib/postgres.js', timeoutMs: 900_000 });
	const installed = findPostgresBin();
	if (!installed) throw new Error('apt-get installed postgresql but no postgres binary was found');
	log(`installed ${installed} in ${Math.round((Date.now() - started) / 1000)} s`);
	return installed;
}

/** uid/gid of Debian's `postgres` user (the server's owner when we are root). */
function postgresUser() {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('no "postgres" user: is Debian\'s postgresql package installed?');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/** [command, ...args] that runs `bin` as the cluster's owner. */
function asOwner(bin, args) {
	if (!isRoot()) return [bin, ...args];
	const { uid, gid } = postgresUser();
	return ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', bin, ...args];
}

/** A SQL string literal (test queries only; values are ours). */
function literal(value) {
	return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * Starts PostgreSQL on 127.0.0.1:<free port> with a new cluster in a temporary folder, creates the
 * role and database n8n uses. Resolves { host, port, database, user, password, env, dir, pid,
 * logFile, query(sql), psql(sql), stop() }.
 *
 * @param {object} [o]
 * @param {object} [o.settings]  extra server settings (`-c name=value`), e.g. { max_connections: 200 }
 */
async function startPostgres({ settings = {} } = {}) {
	const bin = ensurePostgres();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-pg-'));
	const data = path.join(dir, 'data');
	const socketDir = path.join(dir, 'run');
	fs.mkdirSync(socketDir);
	const logFile = path.join(dir, 'postgres.log');
	const pwFile = path.join(dir, 'pwfile');
	fs.writeFileSync(pwFile, `${ADMIN_PASSWORD}\n`);
	if (isRoot()) {
		const { uid, gid } = postgresUser();
		for (const p of [dir, socketDir, pwFile]) fs.chownSync(p, uid, gid);
	}
	fs.chmodSync(dir, 0o700);
	const t0 = Date.now();
	// superuser "postgres" over the local socket only (setup); n8n gets its own password role over TCP
	const [initCmd, ...initArgs] = asOwner(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		`--pwfile=${pwFile}`,
		'--auth-local=trust',
		'--auth-host=scram-sha-256',
		'--encoding=UTF8',
		'--locale=C',
		'--no-sync',
	]);
	runSync(initCmd, initArgs, { cwd: dir });
	fs.rmSync(pwFile, { force: true });

	const removeDir = () => {
		if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
	};
	for (let attempt = 1; ; attempt++) {
		const port = await freePort();
		const serverSettings = {
			listen_addresses: '127.0.0.1',
			port,
			unix_socket_directories: socketDir,
			max_connections: 100,
			shared_buffers: '128MB',
			// durable, as in production (fsync and synchronous commit stay on)
			log_min_messages: 'warning',
			log_line_prefix: '%m [%p] ',
			...settings,
		};
		const args = ['-D', data];
		for (const [k, v] of Object.entries(serverSettings)) args.push('-c', `${k}=${v}`);
		const { child, exited } = startLogged({
			argv: asOwner(path.join(bin, 'postgres'), args),
			cwd: dir,
			logFile,
			header: '',
		});

		const psqlEnv = { ...process.env, PGPASSWORD: PASSWORD, PGCONNECT_TIMEOUT: '10' };
		/**
		 * Runs SQL with psql; resolves its text output. As n8n's role over TCP, or (`admin`) as the
		 * superuser over the cluster's own socket.
		 */
		const psql = async (sql, { admin = false, database = admin ? 'postgres' : DATABASE } = {}) => {
			const a = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-p', String(port)];
			a.push('-h', admin ? socketDir : '127.0.0.1', '-U', admin ? 'postgres' : USER);
			a.push('-d', database, '-c', sql);
			const { code, stdout, stderr } = await runCaptured(path.join(bin, 'psql'), a, {
				env: psqlEnv,
			});
			if (code !== 0) throw new Error(`psql failed (${code}): ${stderr.slice(-1500)}\n${sql}`);
			return stdout;
		};
		/** Runs a SELECT; resolves its rows as objects (json_agg, so types come back as JSON). */
		const query = async (sql) => {
			const text = await psql(`SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q`);
			return JSON.parse(text.trim() || '[]');
		};

		const deadline = Date.now() + 30_000;
		let ready = false;
		while (!exited() && Date.now() < deadline) {
			try {
				await psql('SELECT 1', { admin: true });
				ready = true;
				break;
			} catch {
				await sleep(200);
			}
		}
		const postmasterPid = () => {
			try {
				return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
			} catch {
				return undefined;
			}
		};
		// fast shutdown: active sessions are ended, everything committed is on disk
		const fastShutdown = () => {
			const pid = postmasterPid();
			try {
				if (pid) process.kill(pid, 'SIGINT');
				else killGroup(child, 'SIGINT');
			} catch {
				killGroup(child, 'SIGINT');
			}
		};
		const stopServer = async () => {
			if (!exited()) await endGroup(child, { send: fastShutdown, killAfterMs: 20_000 });
			killGroup(child, 'SIGKILL');
		};
		if (ready) {
			await psql(`CREATE ROLE ${USER} LOGIN PASSWORD ${literal(PASSWORD)}`, { admin: true });
			await psql(`CREATE DATABASE ${DATABASE} OWNER ${USER}`, { admin: true });
			log(`PostgreSQL (${path.basename(path.dirname(bin))}) on 127.0.0.1:${port}, data ${data}`);
			return {
				host: '127.0.0.1',
				port,
				database: DATABASE,
				user: USER,
				password: PASSWORD,
				dir,
				logFile,
				pid: child.pid,
				version: path.basename(path.dirname(bin)),
				startMs: Date.now() - t0,
				/** What n8n needs to use this database (main, workers, webhook processors, CLI). */
				env: {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(port),
					DB_POSTGRESDB_DATABASE: DATABASE,
					DB_POSTGRESDB_USER: USER,
					DB_POSTGRESDB_PASSWORD: PASSWORD,
					DB_POSTGRESDB_SCHEMA: 'public',
				},
				psql,
				query,
				literal,
				log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
				async stop() {
					await stopServer();
					removeDir();
				},
			};
		}
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stopServer();
		if (attempt < 3 && /could not bind|Address already in use/i.test(tail)) continue;
		removeDir();
		throw new Error(
			`PostgreSQL did not start on 127.0.0.1:${port} (${JSON.stringify(exited())}):\n${tail}`,
		);
	}
}

module.exports = { startPostgres, ensurePostgres, findPostgresBin, literal };
