'use strict';
// The browser of the UI suite: Debian's `chromium` (installed with apt-get when it is missing and we
// are root, the way e2e/lib/redis.js installs redis-server), driven by playwright-core (no browser
// download). One headless browser per run, a new empty profile in a temporary folder, removed on close.
//
//   CHROMIUM_PATH=/path/to/chrome    use this browser instead (e.g. a CI runner's google-chrome)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { aptInstall } = require('../../lib/debian');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function log(msg) {
	process.stdout.write(`[chromium] ${msg}\n`);
}

function executable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** Path of a Chromium binary, or undefined. */
function findChromium() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	const dirs = (process.env.PATH || '')
		.split(path.delimiter)
		.concat(['/usr/bin', '/usr/local/bin']);
	for (const name of CANDIDATES)
		for (const dir of dirs) {
			const candidate = path.join(dir, name);
			if (executable(candidate)) return candidate;
		}
	return undefined;
}

/**
 * Installs Debian's chromium when no browser is found (`apt-get update && apt-get install -y
 * chromium`, as root; ../../lib/debian.js keeps package scripts from starting services).
 */
function ensureChromium() {
	const found = findChromium();
	if (found) return found;
	if (typeof process.getuid === 'function' && process.getuid() !== 0)
		throw new Error(
			'no Chromium found and this is not root: run `apt-get install -y chromium` first (or set CHROMIUM_PATH)',
		);
	log('chromium is missing: apt-get update && apt-get install -y chromium (about a minute)');
	aptInstall({
		packages: ['chromium', 'fonts-liberation'],
		by: 'e2e/ui/lib/chromium.js',
		timeoutMs: 900_000,
	});
	const installed = findChromium();
	if (!installed) throw new Error('apt-get installed chromium but no chromium binary was found');
	log(`installed ${installed}`);
	return installed;
}

/**
 * Launches headless Chromium with a new empty profile. Resolves { browser, close() }; close() also
 * removes the profile. Flags: no sandbox (root in a container), no GPU, and no background
 * networking of its own (this machine refuses connections that are not to 127.0.0.1).
 */
async function launchBrowser({ headless = true } = {}) {
	const executablePath = ensureChromium();
	const { chromium } = require('playwright-core');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-chromium-'));
	const args = [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-dev-shm-usage',
		'--font-render-hinting=none',
		`--user-data-dir=${userDataDir}`,
	];
	// launchPersistentContext would own the profile; a plain launch with --user-data-dir is what
	// playwright refuses, so the profile goes through launchPersistentContext and one context is used.
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless,
		args: args.filter((a) => !a.startsWith('--user-data-dir')),
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
		colorScheme: 'light',
		reducedMotion: 'reduce',
	});
	return {
		context,
		executablePath,
		async close() {
			try {
				await context.close();
			} finally {
				fs.rmSync(userDataDir, { recursive: true, force: true });
			}
		},
	};
}

module.exports = { findChromium, ensureChromium, launchBrowser };
