'use strict';
// Short-lived commands of the E2E (initdb, psql, apt-get, a query with n8n's own Node.js), run to
// their end with their output captured.

const { spawn, spawnSync } = require('node:child_process');

/** Runs a command to its end; resolves its stdout, throws with the end of its output if it failed. */
function runSync(command, args, options = {}) {
	const r = spawnSync(command, args, {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 120_000,
		...options,
	});
	if (r.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stdout || '').slice(-2000)}\n${(r.stderr || '').slice(-2000)}`,
		);
	return r.stdout;
}

/**
 * Runs a command to its end without blocking; resolves { code, stdout, stderr } (rejects only when it
 * cannot be started).
 */
function runCaptured(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

module.exports = { runSync, runCaptured };
