#!/usr/bin/env node
'use strict';
// `npm test`: the dependencies from package-lock.json first (first run only, scripts/ensure-deps.js),
// then jest with every extra argument passed on (`npm test -- test/shared -t 'dates'`). The exit
// code is jest's.

const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureDeps } = require('./ensure-deps');

const ROOT = path.join(__dirname, '..');

async function main() {
	await ensureDeps();
	const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
	const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	// Stopping us stops jest; then its exit code is passed on.
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	process.stderr.write(`\n[test] ${error.message}\n`);
	process.exit(1);
});
