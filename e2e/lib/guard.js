'use strict';
// Runs a command (n8n) in this process's group, and ends the whole group when the process that
// started us goes away without stopping it (killed test runner, Ctrl-C on jest): nothing outlives
// the E2E run. Started detached by ./n8n.js, so this process leads a new process group.
//
//   node guard.js <command> [args...]

const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
const parent = process.ppid;
const child = spawn(command, args, { stdio: 'inherit' });

// Signals to the group reach the command directly; the guard just waits for it to end.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});

child.on('error', (error) => {
	console.error(`guard: cannot start ${command}: ${error.message}`);
	process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));

const watch = setInterval(() => {
	if (process.ppid === parent) return;
	clearInterval(watch);
	try {
		process.kill(-process.pid, 'SIGTERM');
	} catch {
		/* gone */
	}
	setTimeout(() => process.kill(-process.pid, 'SIGKILL'), 15000);
}, 500);
