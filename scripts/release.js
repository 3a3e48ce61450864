#!/usr/bin/env node
'use strict';
// `npm run release -- <patch|minor|major|x.y.z>`: cuts a release on this machine (docs/RELEASING.md).
//
//   1. refuses when the work tree has any change (the release commit must hold only the release)
//   2. works out the new version from package.json's and refuses one that is not newer, or whose
//      tag already exists
//   3. moves CHANGELOG.md's "Unreleased" entries under "## [x.y.z] - YYYY-MM-DD" (UTC date), leaves
//      a fresh, empty Unreleased section, and updates the compare links at the bottom
//   4. `npm version x.y.z --no-git-tag-version` (package.json and package-lock.json)
//   5. commits "Release x.y.z" and makes the annotated tag vx.y.z
//
// Nothing is pushed: it prints the push command. Pushing the tag starts .github/workflows/publish.yml.
// Node built-ins and git/npm only.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const VERSION_RE = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const BUMPS = ['patch', 'minor', 'major'];

/** What a fresh Unreleased section holds: one empty bullet per kind of change, to fill in. */
const UNRELEASED_TEMPLATE = '### Added\n\n-\n\n### Changed\n\n-\n\n### Fixed\n\n-';

function parseVersion(version) {
	const m = VERSION_RE.exec(version);
	if (!m) return undefined;
	return {
		major: Number(m[1]),
		minor: Number(m[2]),
		patch: Number(m[3]),
		prerelease: m[4] ? m[4].split('.') : [],
	};
}

/** Semantic-versioning precedence: negative when a < b, 0 when equal, positive when a > b. */
function compareVersions(a, b) {
	const x = parseVersion(a);
	const y = parseVersion(b);
	if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
	for (const k of ['major', 'minor', 'patch']) if (x[k] !== y[k]) return x[k] - y[k];
	// a pre-release comes before its release
	if (!x.prerelease.length || !y.prerelease.length)
		return y.prerelease.length - x.prerelease.length;
	for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
		const p = x.prerelease[i];
		const q = y.prerelease[i];
		if (p === undefined) return -1;
		if (q === undefined) return 1;
		if (p === q) continue;
		const pn = /^\d+$/.test(p);
		const qn = /^\d+$/.test(q);
		if (pn && qn) return Number(p) - Number(q);
		if (pn !== qn) return pn ? -1 : 1; // numeric identifiers come first
		return p < q ? -1 : 1;
	}
	return 0;
}

/**
 * The version to release: `patch`, `minor` or `major` from `current` (as npm bumps them: from a
 * pre-release, the bump that reaches its release gives that release), or an explicit x.y.z
 * (a leading v is accepted) that must be newer than `current`.
 */
function nextVersion(current, spec) {
	const cur = parseVersion(current);
	if (!cur) throw new Error(`package.json version "${current}" is not x.y.z`);
	const s = String(spec ?? '').trim();
	if (BUMPS.includes(s)) {
		const pre = cur.prerelease.length > 0;
		if (s === 'major')
			return pre && cur.minor === 0 && cur.patch === 0
				? `${cur.major}.0.0`
				: `${cur.major + 1}.0.0`;
		if (s === 'minor')
			return pre && cur.patch === 0
				? `${cur.major}.${cur.minor}.0`
				: `${cur.major}.${cur.minor + 1}.0`;
		return pre
			? `${cur.major}.${cur.minor}.${cur.patch}`
			: `${cur.major}.${cur.minor}.${cur.patch + 1}`;
	}
	const explicit = s.replace(/^v/, '');
	if (!parseVersion(explicit))
		throw new Error(`"${s}" is neither patch, minor, major nor a version x.y.z`);
	if (compareVersions(explicit, current) <= 0)
		throw new Error(`${explicit} is not newer than the current version ${current}`);
	return explicit;
}

const HEADING_RE = /^## /;
const LINK_RE = /^\[[^\]]+\]:\s+\S/;
const UNRELEASED_HEADING_RE = /^## \[Unreleased\]\s*$/i;
const UNRELEASED_LINK_RE = /^\[Unreleased\]:\s+(\S+)\/compare\/(v?)(\S+?)\.\.\.HEAD\s*$/i;

/** Unreleased entries without empty bullets and without the headings left with nothing under them. */
function cleanEntries(lines) {
	const kept = lines.filter((l) => !/^\s*[-*+]\s*$/.test(l));
	const blocks = []; // [{ heading, lines }], the first one may have no heading
	for (const line of kept) {
		if (/^### /.test(line) || blocks.length === 0)
			blocks.push({ heading: /^### /.test(line) ? line : undefined, lines: [] });
		if (!/^### /.test(line)) blocks[blocks.length - 1].lines.push(line);
	}
	const out = [];
	for (const b of blocks) {
		if (!b.lines.some((l) => l.trim())) continue;
		if (out.length) out.push('');
		if (b.heading) out.push(b.heading, '');
		const body = b.lines.join('\n').trim();
		out.push(body);
	}
	return out.join('\n');
}

/**
 * CHANGELOG.md (Keep a Changelog) with the Unreleased entries moved under `## [version] - date`
 * and a fresh Unreleased section above them. Empty bullets and empty headings are dropped.
 * The compare links are updated when the Unreleased link has the form
 * `[Unreleased]: <repo>/compare/v<previous>...HEAD`. Throws when there is no Unreleased section,
 * when it has no entries, or when the version already has a section.
 */
function releaseChangelog(text, version, date) {
	if (!parseVersion(version)) throw new Error(`not a version: ${version}`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date YYYY-MM-DD: ${date}`);
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const lines = text.split(/\r?\n/);
	const start = lines.findIndex((l) => UNRELEASED_HEADING_RE.test(l));
	if (start === -1) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
	const escaped = version.replace(/\./g, '\\.');
	if (lines.some((l) => new RegExp(`^## \\[${escaped}\\]`).test(l)))
		throw new Error(`CHANGELOG.md already has a section for ${version}`);
	let end = start + 1;
	while (end < lines.length && !HEADING_RE.test(lines[end]) && !LINK_RE.test(lines[end])) end++;
	const entries = cleanEntries(lines.slice(start + 1, end));
	if (!entries.trim())
		throw new Error('CHANGELOG.md: the Unreleased section has no entries: nothing to release');

	const rest = lines.slice(end);
	const restText = rest.join('\n').replace(/^\n+/, '');
	let out = [
		...lines.slice(0, start),
		'## [Unreleased]',
		'',
		UNRELEASED_TEMPLATE,
		'',
		`## [${version}] - ${date}`,
		'',
		entries,
		'',
	].join('\n');
	out += restText ? `\n${restText}` : '';

	const linkLines = out.split('\n');
	const at = linkLines.findIndex((l) => UNRELEASED_LINK_RE.test(l));
	if (at !== -1) {
		const [, repo, v, previous] = UNRELEASED_LINK_RE.exec(linkLines[at]);
		linkLines.splice(
			at,
			1,
			`[Unreleased]: ${repo}/compare/${v}${version}...HEAD`,
			`[${version}]: ${repo}/compare/${v}${previous}...${v}${version}`,
		);
		out = linkLines.join('\n');
	}
	if (!out.endsWith('\n')) out += '\n';
	return eol === '\n' ? out : out.replace(/\n/g, eol);
}

function todayUtc() {
	return new Date().toISOString().slice(0, 10);
}

/** Runs git or npm in cwd; returns stdout, throws with stderr. */
function exec(cmd, args, cwd, { allowFail = false } = {}) {
	// under `npm run`, npm exports npm_config_local_prefix: an npm started for another folder
	// must not take this repository's for its own
	const { npm_config_local_prefix: _prefix, ...env } = process.env;
	const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
	if (r.error) throw r.error;
	if (r.status !== 0 && !allowFail)
		throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr || r.stdout}`);
	return allowFail ? { ok: r.status === 0, stdout: r.stdout } : r.stdout;
}

/**
 * The release itself, in the git work tree `cwd` (package.json, package-lock.json, CHANGELOG.md).
 * Returns { version, tag }.
 */
function release({ cwd, spec, date = todayUtc(), log = console.log }) {
	const dirty = exec('git', ['status', '--porcelain'], cwd).trim();
	if (dirty)
		throw new Error(
			`the work tree has changes: commit or stash them first (a release commit holds only the release)\n${dirty}`,
		);
	const pkgFile = path.join(cwd, 'package.json');
	const changelogFile = path.join(cwd, 'CHANGELOG.md');
	const current = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
	const version = nextVersion(current, spec);
	const tag = `v${version}`;
	if (exec('git', ['rev-parse', '-q', '--verify', `refs/tags/${tag}`], cwd, { allowFail: true }).ok)
		throw new Error(`tag ${tag} already exists`);
	// every check before the first write
	const changelog = releaseChangelog(fs.readFileSync(changelogFile, 'utf8'), version, date);

	log(`releasing ${current} → ${version}`);
	try {
		exec('npm', ['version', version, '--no-git-tag-version', '--ignore-scripts'], cwd);
		fs.writeFileSync(changelogFile, changelog);
		exec('git', ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md'], cwd);
		exec('git', ['commit', '--quiet', '-m', `Release ${version}`], cwd);
	} catch (error) {
		error.message +=
			'\nto undo: git checkout -- package.json package-lock.json CHANGELOG.md (and git reset if it committed)';
		throw error;
	}
	exec('git', ['tag', '-a', tag, '-m', `Release ${version}`], cwd);
	log(`committed "Release ${version}" and tagged ${tag}. Nothing is pushed; to publish:`);
	log(`  git push --atomic origin HEAD ${tag}`);
	return { version, tag };
}

module.exports = {
	UNRELEASED_TEMPLATE,
	parseVersion,
	compareVersions,
	nextVersion,
	releaseChangelog,
	release,
};

if (require.main === module) {
	const spec = process.argv[2];
	if (!spec || spec === '--help' || spec === '-h') {
		console.error('usage: npm run release -- <patch|minor|major|x.y.z>');
		process.exit(1);
	}
	try {
		release({ cwd: path.resolve(__dirname, '..'), spec });
	} catch (error) {
		console.error(`release: ${error.message}`);
		process.exit(1);
	}
}
