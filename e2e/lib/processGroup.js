'use strict';
// The E2E's servers (n8n and its queue-mode processes, PostgreSQL, Redis) and n8n's CLI run under
// ./guard.js, started detached: each leads a process group of its own, so that one signal reaches
// everything it started (n8n's task runners, PostgreSQL's backends).

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const GUARD = path.join(__dirname, 'guard.js');

const running = new Set();
process.on('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});

/** Sends `signal` to the child's whole process group (nothing when it is gone). */
function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* already gone */
	}
}

/**
 * Whether a process of group `pgid` still runs. A killed process counts as gone only when every
 * thread of it has exited: its leader turns zombie first, while its other threads still hold its
 * files (sockets) open. Zombies themselves are ignored (a container's PID 1 may never reap them).
 * Linux: read from /proc.
 */
function groupRunning(pgid) {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = statOf(`/proc/${entry}`);
		if (stat?.group === pgid && threadsRunning(entry)) return true;
	}
	return false;
}

/**
 * State, parent pid and process group from a /proc stat file (`/proc/<pid>` or a task of it);
 * undefined once the process is gone.
 */
function statOf(dir) {
	let text;
	try {
		text = fs.readFileSync(`${dir}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	const [state, ppid, group] = text.slice(text.lastIndexOf(')') + 2).split(' ');
	return { state, ppid: Number(ppid), group: Number(group) };
}

function threadsRunning(pid) {
	let tasks;
	try {
		tasks = fs.readdirSync(`/proc/${pid}/task`);
	} catch {
		return false; // gone meanwhile
	}
	return tasks.some((tid) => {
		const state = statOf(`/proc/${pid}/task/${tid}`)?.state;
		return state !== undefined && state !== 'Z' && state !== 'X';
	});
}

/** Kills the child's group with SIGKILL if this process exits while the child still runs. */
function killOnExit(child) {
	running.add(child);
	child.once('exit', () => running.delete(child));
}

/**
 * Ends a running child: `signal` to its group (or what `send` does instead), SIGKILL to the group if
 * it has not exited after `killAfterMs`, and SIGKILL again once it exited, for anything that
 * outlived it (a task runner). Resolves once every process of the group is gone: the guard exits
 * before the n8n process it runs, whose sockets stay open while the kernel tears it down, and a
 * killed worker's open Redis connection would still be handed the next queued job.
 */
async function endGroup(child, { signal = 'SIGTERM', killAfterMs, send }) {
	const done = new Promise((r) => child.once('exit', r));
	if (send) send();
	else killGroup(child, signal);
	const timer =
		killAfterMs === undefined
			? undefined
			: setTimeout(() => killGroup(child, 'SIGKILL'), killAfterMs);
	await done;
	clearTimeout(timer);
	killGroup(child, 'SIGKILL');
	for (const until = Date.now() + 15_000; groupRunning(child.pid) && Date.now() < until; )
		await new Promise((r) => setTimeout(r, 50));
}

/**
 * Starts `argv` (a command and its arguments) under ./guard.js, its output appended to `logFile`
 * after the line `header`. Returns { child, exited() → { code, signal } or null, logged() → what it
 * logged since }.
 */
function startLogged({ argv, cwd, env, logFile, header }) {
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, header);
	const logSizeAtStart = fs.statSync(logFile).size;
	const child = spawn(process.execPath, [GUARD, ...argv], {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	killOnExit(child);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const logged = () =>
		fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(logSizeAtStart) : '';
	return { child, exited: () => exited, logged };
}

module.exports = { GUARD, killGroup, killOnExit, endGroup, startLogged, statOf };
