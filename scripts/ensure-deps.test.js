'use strict';
// scripts/ensure-deps.js decides on a project in a temporary folder (never the real node_modules);
// `npm ci` is replaced by a stub.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureDeps, dependencyState, registryError } = require('./ensure-deps');

/** What package-lock.json asks for: a dependency, a nested one, a native one for another OS. */
const LOCK = {
	name: 'demo',
	lockfileVersion: 3,
	packages: {
		'': { name: 'demo', devDependencies: { a: '1.0.0' } },
		'node_modules/a': { version: '1.0.0', resolved: 'https://registry.example/a-1.0.0.tgz' },
		'node_modules/a/node_modules/b': { version: '2.0.0' },
		'node_modules/native-other-os': { version: '1.0.0', optional: true, os: ['aix'] },
	},
};

let root;
beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'voc-ensure-deps-'));
	fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(LOCK));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** node_modules as `npm ci` leaves it: the packages, and npm's record of them. */
function installAs(packages) {
	for (const key of Object.keys(packages)) fs.mkdirSync(path.join(root, key), { recursive: true });
	fs.writeFileSync(
		path.join(root, 'node_modules', '.package-lock.json'),
		JSON.stringify({ name: 'demo', lockfileVersion: 3, packages }),
	);
}
const { '': _project, 'node_modules/native-other-os': _skipped, ...installable } = LOCK.packages;

describe('dependencyState', () => {
	it('is up to date when npm installed exactly the lock file (other-OS optional packages skipped)', () => {
		installAs(installable);
		expect(dependencyState(root)).toEqual({ upToDate: true });
	});

	it.each([
		['node_modules is missing', () => undefined, 'node_modules is missing'],
		[
			'node_modules was not installed by npm',
			() => fs.mkdirSync(path.join(root, 'node_modules', 'a'), { recursive: true }),
			'not installed by npm',
		],
		[
			'a package is missing',
			() => installAs({ 'node_modules/a': installable['node_modules/a'] }),
			'node_modules/a/node_modules/b is not installed',
		],
		[
			'a version differs (package-lock.json changed after the install)',
			() => installAs({ ...installable, 'node_modules/a': { version: '0.9.0' } }),
			'node_modules/a is 0.9.0, package-lock.json wants 1.0.0',
		],
		[
			'a package is installed that the lock file no longer has',
			() => installAs({ ...installable, 'node_modules/old': { version: '1.0.0' } }),
			'node_modules/old is installed but not in package-lock.json',
		],
		[
			'a package folder was deleted by hand',
			() => {
				installAs(installable);
				fs.rmSync(path.join(root, 'node_modules', 'a', 'node_modules', 'b'), { recursive: true });
			},
			'node_modules/a/node_modules/b was removed',
		],
	])('is not up to date when %s', (_name, arrange, reason) => {
		arrange();
		const state = dependencyState(root);
		expect(state.upToDate).toBe(false);
		expect(state.reason).toContain(reason);
	});
});

describe('ensureDeps', () => {
	const options = (install) => {
		const lines = [];
		return {
			lines,
			options: {
				root,
				install,
				log: (line) => lines.push(line),
				registry: () => 'https://registry.example/',
			},
		};
	};

	it('does nothing when node_modules is up to date', async () => {
		installAs(installable);
		const install = jest.fn();
		const { lines, options: opts } = options(install);
		await expect(ensureDeps(opts)).resolves.toEqual({ installed: false });
		expect(install).not.toHaveBeenCalled();
		expect(lines).toEqual([]);
	});

	it('installs once from the lock file, saying so, then sees it up to date', async () => {
		const install = jest.fn(async () => {
			installAs(installable);
			return { code: 0, output: 'added 2 packages' };
		});
		const { lines, options: opts } = options(install);
		await expect(ensureDeps(opts)).resolves.toEqual({ installed: true });
		expect(install).toHaveBeenCalledWith(root);
		expect(lines[0]).toMatch(
			/^installing dependencies from package-lock\.json \(first run only\)… \(node_modules is missing\)$/,
		);
		await expect(ensureDeps(opts)).resolves.toEqual({ installed: false });
		expect(install).toHaveBeenCalledTimes(1);
	});

	it.each([
		'npm error code ENOTFOUND\nnpm error request to https://registry.example/jest failed, reason: getaddrinfo ENOTFOUND registry.example',
		'npm error code ECONNREFUSED\nnpm error connect ECONNREFUSED 127.0.0.1:4873',
		'npm error code ETIMEDOUT\nnpm error network request failed, reason: ETIMEDOUT',
		'npm error code EAI_AGAIN\nnpm error getaddrinfo EAI_AGAIN registry.example',
	])('says the registry cannot be reached when npm could not connect: %s', async (output) => {
		const { options: opts } = options(async () => ({ code: 1, output }));
		const failure = ensureDeps(opts);
		await expect(failure).rejects.toThrow(
			'the npm registry (https://registry.example/) cannot be reached',
		);
		await expect(failure).rejects.toThrow('check your network or npm proxy settings');
		await expect(failure).rejects.toMatchObject({ registryUnreachable: true });
	});

	it('reports any other npm failure as such, not as a network problem', async () => {
		const output =
			'npm error code EUSAGE\nnpm error `npm ci` can only install with an existing package-lock.json';
		const { options: opts } = options(async () => ({ code: 1, output }));
		const failure = ensureDeps(opts);
		await expect(failure).rejects.toThrow('npm ci failed (exit code 1); its output is above');
		await expect(failure).rejects.toMatchObject({ registryUnreachable: false });
	});

	it('finds the network error codes as words only', () => {
		expect(registryError('reason: getaddrinfo EAI_AGAIN registry.npmjs.org')).toBe('EAI_AGAIN');
		expect(registryError('npm error code E404\nnpm error 404 Not Found')).toBeUndefined();
		expect(registryError('MY_ENOTFOUNDS')).toBeUndefined();
	});
});
