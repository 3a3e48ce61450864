import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

// scripts/release.js is plain JavaScript (Node built-ins only): typed here by hand
interface ReleaseScript {
	UNRELEASED_TEMPLATE: string;
	compareVersions(a: string, b: string): number;
	nextVersion(current: string, spec: string): string;
	releaseChangelog(text: string, version: string, date: string): string;
	release(options: { cwd: string; spec: string; date?: string; log?: (line: string) => void }): {
		version: string;
		tag: string;
	};
}
const script = require('../../scripts/release') as ReleaseScript;
const { UNRELEASED_TEMPLATE, compareVersions, nextVersion, releaseChangelog, release } = script;

const ROOT = path.resolve(__dirname, '..', '..');
const REPO = 'https://github.com/acme/n8n-nodes-x';

describe('release: the version to release', () => {
	it.each([
		['0.1.0', 'patch', '0.1.1'],
		['0.1.0', 'minor', '0.2.0'],
		['0.1.0', 'major', '1.0.0'],
		['1.9.9', 'minor', '1.10.0'],
		['1.2.3', '1.2.4', '1.2.4'],
		['1.2.3', 'v2.0.0', '2.0.0'],
		['1.2.3', ' 1.3.0 ', '1.3.0'],
		['1.2.3', '2.0.0-rc.1', '2.0.0-rc.1'],
		// from a pre-release, the bump that reaches its release gives that release (as npm does)
		['2.0.0-rc.1', 'major', '2.0.0'],
		['2.0.0-rc.1', 'minor', '2.0.0'],
		['2.0.0-rc.1', 'patch', '2.0.0'],
		['1.2.3-rc.1', 'minor', '1.3.0'],
		['1.2.0-rc.1', 'minor', '1.2.0'],
		['2.0.0-rc.1', '2.0.0-rc.2', '2.0.0-rc.2'],
	])('%s + %s → %s', (current, spec, expected) => {
		expect(nextVersion(current, spec)).toBe(expected);
	});

	it.each([
		['1.2.3', '1.2.3', /not newer/],
		['1.2.3', '1.2.2', /not newer/],
		['1.2.3', '1.2.3-rc.1', /not newer/],
		['1.2.3', 'prerelease', /neither patch, minor, major/],
		['1.2.3', '1.2', /neither patch, minor, major/],
		['1.2.3', '', /neither patch, minor, major/],
		['latest', 'patch', /is not x\.y\.z/],
	])('%s + "%s" is refused', (current, spec, message) => {
		expect(() => nextVersion(current, spec)).toThrow(message);
	});

	it('orders versions as semantic versioning does', () => {
		const ordered = [
			'1.0.0-alpha',
			'1.0.0-alpha.1',
			'1.0.0-alpha.beta',
			'1.0.0-beta',
			'1.0.0-beta.2',
			'1.0.0-beta.11',
			'1.0.0-rc.1',
			'1.0.0',
			'1.0.1',
			'1.1.0',
			'2.0.0',
			'10.0.0',
		];
		const shuffled = [...ordered].reverse();
		expect(shuffled.sort(compareVersions)).toEqual(ordered);
		expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
	});
});

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- New operation.
- Another one,
  on two lines.

### Changed

-

### Fixed

- A fix.

## [0.1.0] - 2026-12-06

### Added

- First version.

[Unreleased]: ${REPO}/compare/v0.1.0...HEAD
[0.1.0]: ${REPO}/releases/tag/v0.1.0
`;

describe('release: CHANGELOG.md', () => {
	it('moves the Unreleased entries under the new version, leaves a fresh Unreleased section and updates the links', () => {
		expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-07')).toBe(`# Changelog

Intro text.

## [Unreleased]

${UNRELEASED_TEMPLATE}

## [0.2.0] - 2026-12-07

### Added

- New operation.
- Another one,
  on two lines.

### Fixed

- A fix.

## [0.1.0] - 2026-12-06

### Added

- First version.

[Unreleased]: ${REPO}/compare/v0.2.0...HEAD
[0.2.0]: ${REPO}/compare/v0.1.0...v0.2.0
[0.1.0]: ${REPO}/releases/tag/v0.1.0
`);
	});

	it('a released changelog can be released again once it has new entries', () => {
		const once = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-07');
		const withEntry = once.replace('### Fixed\n\n-', '### Fixed\n\n- Later fix.');
		const twice = releaseChangelog(withEntry, '0.2.1', '2026-12-08');
		expect(twice).toContain(`## [Unreleased]\n\n${UNRELEASED_TEMPLATE}\n\n## [0.2.1] - 2026-12-08`);
		expect(twice).toContain('## [0.2.1] - 2026-12-08\n\n### Fixed\n\n- Later fix.\n\n## [0.2.0]');
		expect(twice).toContain(
			`[Unreleased]: ${REPO}/compare/v0.2.1...HEAD\n[0.2.1]: ${REPO}/compare/v0.2.0...v0.2.1\n[0.2.0]: ${REPO}/compare/v0.1.0...v0.2.0\n`,
		);
	});

	it('refuses an Unreleased section with only empty bullets and headings', () => {
		const empty = CHANGELOG.replace(/## \[Unreleased\][\s\S]*?(?=## \[0\.1\.0\])/, () => {
			return `## [Unreleased]\n\n${UNRELEASED_TEMPLATE}\n\n`;
		});
		expect(() => releaseChangelog(empty, '0.2.0', '2026-12-07')).toThrow(/nothing to release/);
	});

	it('keeps entries written without a heading', () => {
		const plain = '# Changelog\n\n## [Unreleased]\n\n- Something.\n';
		expect(releaseChangelog(plain, '1.0.0', '2026-12-07')).toBe(
			`# Changelog\n\n## [Unreleased]\n\n${UNRELEASED_TEMPLATE}\n\n## [1.0.0] - 2026-12-07\n\n- Something.\n`,
		);
	});

	it('handles an Unreleased section followed directly by the links, and CRLF files', () => {
		const text = `# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Added\r\n\r\n- X.\r\n\r\n[Unreleased]: ${REPO}/compare/0.9.0...HEAD\r\n`;
		const out = releaseChangelog(text, '1.0.0', '2026-12-07');
		expect(out).not.toMatch(/[^\r]\n/);
		expect(out.replace(/\r\n/g, '\n')).toBe(
			`# Changelog\n\n## [Unreleased]\n\n${UNRELEASED_TEMPLATE}\n\n## [1.0.0] - 2026-12-07\n\n### Added\n\n- X.\n\n[Unreleased]: ${REPO}/compare/1.0.0...HEAD\n[1.0.0]: ${REPO}/compare/0.9.0...1.0.0\n`,
		);
	});

	it('refuses a changelog without Unreleased, a version already there, or bad arguments', () => {
		expect(() => releaseChangelog('# Changelog\n\n## [0.1.0]\n', '0.2.0', '2026-12-07')).toThrow(
			/no "## \[Unreleased\]" section/,
		);
		expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-07')).toThrow(
			/already has a section/,
		);
		expect(() => releaseChangelog(CHANGELOG, 'next', '2026-12-07')).toThrow(/not a version/);
		expect(() => releaseChangelog(CHANGELOG, '0.2.0', '7.12.2026')).toThrow(/not a date/);
	});

	it("this repository's CHANGELOG.md has an Unreleased section and links from package.json's version", () => {
		const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
		const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		expect(text).toMatch(/^## \[Unreleased\]$/m);
		expect(text).toMatch(
			new RegExp(
				`^\\[Unreleased\\]: \\S+/compare/v${version.replace(/\./g, '\\.')}\\.\\.\\.HEAD$`,
				'm',
			),
		);
	});
});

describe('release: in a git work tree', () => {
	let dir: string;
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-release-test-'));
		const pkg = { name: 'release-test', version: '0.1.0', private: true };
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, '\t') + '\n');
		const lock = {
			name: 'release-test',
			version: '0.1.0',
			lockfileVersion: 3,
			requires: true,
			packages: { '': { name: 'release-test', version: '0.1.0' } },
		};
		fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2) + '\n');
		fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), CHANGELOG);
		git('init', '--quiet');
		git('config', 'user.name', 'Release Test');
		git('config', 'user.email', 'release-test@example.com');
		git('config', 'commit.gpgsign', 'false');
		git('config', 'tag.gpgsign', 'false');
		git('add', '.');
		git('commit', '--quiet', '-m', 'Initial');
	});

	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('refuses a work tree with changes and changes nothing', () => {
		fs.writeFileSync(path.join(dir, 'notes.txt'), 'draft\n');
		expect(() => release({ cwd: dir, spec: 'minor', log: () => {} })).toThrow(
			/work tree has changes[\s\S]*notes\.txt/,
		);
		fs.rmSync(path.join(dir, 'notes.txt'));
		expect(git('status', '--porcelain')).toBe('');
		expect(JSON.parse(read('package.json')).version).toBe('0.1.0');
	});

	it('bumps package.json and package-lock.json, rewrites CHANGELOG.md, commits and tags', () => {
		const lines: string[] = [];
		const result = release({
			cwd: dir,
			spec: 'minor',
			date: '2026-12-07',
			log: (line) => lines.push(line),
		});
		expect(result).toEqual({ version: '0.2.0', tag: 'v0.2.0' });
		expect(JSON.parse(read('package.json')).version).toBe('0.2.0');
		expect(read('package.json')).toContain('\n\t"version": "0.2.0"'); // formatting kept
		const lock = JSON.parse(read('package-lock.json'));
		expect([lock.version, lock.packages[''].version]).toEqual(['0.2.0', '0.2.0']);
		expect(read('CHANGELOG.md')).toBe(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-07'));
		expect(git('log', '-1', '--format=%s').trim()).toBe('Release 0.2.0');
		expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
			'CHANGELOG.md',
			'package-lock.json',
			'package.json',
		]);
		expect(git('rev-parse', 'v0.2.0^{commit}')).toBe(git('rev-parse', 'HEAD'));
		expect(git('cat-file', '-t', 'v0.2.0').trim()).toBe('tag'); // annotated
		expect(git('status', '--porcelain')).toBe('');
		expect(lines.join('\n')).toContain('git push --atomic origin HEAD v0.2.0');
	}, 60_000);

	it('refuses an empty Unreleased section, an existing tag and an older version, changing nothing', () => {
		expect(() => release({ cwd: dir, spec: 'patch', log: () => {} })).toThrow(/nothing to release/);
		expect(() => release({ cwd: dir, spec: '0.2.0', log: () => {} })).toThrow(/not newer/);
		git('tag', 'v0.3.0');
		fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), read('CHANGELOG.md').replace('-\n', '- Y.\n'));
		git('commit', '--quiet', '-am', 'Entry');
		expect(() => release({ cwd: dir, spec: 'minor', log: () => {} })).toThrow(
			/tag v0\.3\.0 already exists/,
		);
		expect(git('status', '--porcelain')).toBe('');
		expect(JSON.parse(read('package.json')).version).toBe('0.2.0');
	});
});
