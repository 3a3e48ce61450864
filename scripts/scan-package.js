#!/usr/bin/env node
'use strict';
// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package) on this package as
// it would be published, before it is. The scanner's own command downloads an already published
// version from the registry (and needs its npm provenance); here its analyser is imported and run
// on our own files, in the two parts n8n's verification scans:
//
//   source   package.json, nodes/ and credentials/ of this checkout (the scanner's SOURCE_FILE_PATTERNS:
//            what n8n lints in the repository commit that the package's provenance names)
//   tarball  `npm pack` of this checkout into a temporary folder, extracted: every .js, .ts and .json
//            file in it (the scanner's default patterns; n8n itself lints its .js files and package.json)
//
// Every finding is printed, errors and warnings alike, and any finding exits 1. The verdict is
// the analyser's result object (`passed`), not an exit code: the scanner's command exits 0 when a
// package fails. Packs dist/ as it is: run `npm run build` first (CI does).
//
//   node scripts/scan-package.js                  pack this checkout and scan it
//   node scripts/scan-package.js <file.tgz>       scan this tarball instead (and the source)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const SCANNER_PACKAGE = '@n8n/scan-community-package';
const TARBALL_PATTERNS = ['**/*.js', '**/*.ts', '**/*.json'];
// as the scanner's analyser globs them
const IGNORE = ['node_modules/**', '**/package-lock.json'];

function run(cmd, args, cwd) {
	const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (r.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
	return r.stdout;
}

/** `npm pack` of the checkout into dir; returns the tarball's path. */
function pack(dir) {
	const out = run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(dir, path.basename(filename));
}

function extract(tarball, dir) {
	fs.mkdirSync(dir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], dir);
	return dir;
}

/**
 * The scanner's modules, loaded from its own folder (its ESLint and fast-glob, its pinned rules).
 * The scanner makes a temporary folder as it loads: TMPDIR points it into our own work folder.
 */
async function loadScanner(workDir) {
	const scannerFile = require.resolve(`${SCANNER_PACKAGE}/scanner/scanner.mjs`);
	const scannerRequire = createRequire(scannerFile);
	process.env.TMPDIR = workDir;
	const scanner = await import(pathToFileURL(scannerFile).href);
	const { ESLint } = scannerRequire('eslint');
	const glob = scannerRequire('fast-glob');
	return { scanner, ESLint, glob };
}

/**
 * One part of the scan: the analyser's verdict, and every message (warnings too, which the
 * verdict leaves out) from ESLint run with the analyser's own configuration on the same files.
 */
async function scanPart({ scanner, ESLint, glob }, { label, dir, patterns }) {
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: IGNORE });
	const verdict = await scanner.analyzePackage(dir, patterns);
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const findings = [];
	for (const result of files.length ? await eslint.lintFiles(files) : []) {
		for (const m of result.messages) {
			findings.push({
				file: path.relative(dir, result.filePath),
				line: m.line ?? 0,
				column: m.column ?? 0,
				severity: m.severity === 2 ? 'error' : 'warning',
				rule: m.ruleId ?? '(parser)',
				message: m.message,
			});
		}
	}
	const problems = [];
	if (files.length === 0) problems.push(`no files match ${patterns.join(', ')} in ${dir}`);
	if (verdict.passed !== true) {
		problems.push(`analyzePackage did not pass: ${verdict.message ?? '(no message)'}`);
		// its details repeat the findings listed above; shown when they are not there
		if (verdict.details && findings.length === 0) problems.push(verdict.details.trim());
	}
	return { label, files: files.length, findings, problems };
}

function report({ label, files, findings, problems }) {
	const errors = findings.filter((f) => f.severity === 'error').length;
	const ok = findings.length === 0 && problems.length === 0;
	console.log(
		`[scan] ${ok ? 'ok  ' : 'FAIL'} ${label}: ${files} files, ${errors} errors, ${findings.length - errors} warnings`,
	);
	for (const f of findings)
		console.log(`  ${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}`);
	for (const p of problems) console.log(`  ${p.replace(/\n/g, '\n  ')}`);
	return ok;
}

async function main() {
	const given = process.argv[2];
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-scan-'));
	try {
		const version = require(`${SCANNER_PACKAGE}/package.json`).version;
		let tarball;
		if (given) tarball = path.resolve(given);
		else {
			if (!fs.existsSync(path.join(ROOT, 'dist')))
				throw new Error('dist/ is missing: run `npm run build` first');
			tarball = pack(workDir);
		}
		const packageDir = extract(tarball, path.join(workDir, 'package'));
		console.log(`[scan] ${SCANNER_PACKAGE} ${version} on ${path.basename(tarball)}`);
		const tools = await loadScanner(workDir);
		const parts = [
			{
				label: `source (${tools.scanner.SOURCE_FILE_PATTERNS.join(', ')})`,
				dir: ROOT,
				patterns: tools.scanner.SOURCE_FILE_PATTERNS,
			},
			{
				label: `tarball (${TARBALL_PATTERNS.join(', ')})`,
				dir: packageDir,
				patterns: TARBALL_PATTERNS,
			},
		];
		let ok = true;
		for (const part of parts) ok = report(await scanPart(tools, part)) && ok;
		console.log(ok ? '[scan] passed' : '[scan] failed: fix every finding above');
		return ok ? 0 : 1;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`[scan] ${error.stack || error.message}`);
		process.exit(1);
	},
);
