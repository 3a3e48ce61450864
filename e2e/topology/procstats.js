'use strict';
// CPU and memory of the topology's processes from /proc (Linux): every n8n instance, PostgreSQL and
// Redis runs as the leader of its own process group (../lib/guard.js), so that group and the
// descendants of its leader are one instance with everything it started (n8n's task runner,
// PostgreSQL's backends, which make process groups of their own). Sampled every few
// seconds: CPU time (utime + stime of every process of the group, each process counted from when it
// was first seen to when it was last seen, so restarts add up) and resident memory (VmRSS of the
// group, and the largest VmHWM of one process: the peak the kernel recorded).

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** { pid, ppid, pgrp, ticks } of every process, or of none when /proc is not there. */
function allProcesses() {
	let pids;
	try {
		pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return [];
	}
	const out = [];
	for (const pid of pids) {
		let text;
		try {
			text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// fields after the command name (which may hold spaces and parentheses)
		const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
		out.push({
			pid: Number(pid),
			ppid: Number(rest[1]),
			pgrp: Number(rest[2]),
			ticks: Number(rest[11]) + Number(rest[12]),
		});
	}
	return out;
}

/** { rssKb, hwmKb } of a process (0 when it is gone). */
function memory(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (name) =>
			Number((status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) || [])[1] || 0);
		return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
	} catch {
		return { rssKb: 0, hwmKb: 0 };
	}
}

class ProcSampler {
	/**
	 * @param {Array<{ name: string, group: () => number | undefined }>} targets
	 *   `group`: the process-group id (the guard's pid) of the target now, undefined while it is down
	 */
	constructor(targets) {
		this.targets = targets;
		this.state = new Map(
			targets.map((t) => [
				t.name,
				{ pids: new Map(), peakRssKb: 0, peakHwmKb: 0, groups: new Set() },
			]),
		);
		this.timer = null;
		this.startedAt = undefined;
		this.stoppedAt = undefined;
		this.samples = 0;
	}

	sample() {
		const procs = allProcesses();
		const children = new Map();
		for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
		for (const target of this.targets) {
			const group = target.group();
			if (!group) continue;
			const st = this.state.get(target.name);
			st.groups.add(group);
			// the group and every descendant of its leader (PostgreSQL's backends lead groups of their own)
			const members = new Set(procs.filter((p) => p.pgrp === group).map((p) => p.pid));
			const stack = [group];
			const visited = new Set();
			while (stack.length) {
				const pid = stack.pop();
				if (visited.has(pid)) continue;
				visited.add(pid);
				for (const c of children.get(pid) ?? []) {
					members.add(c.pid);
					stack.push(c.pid);
				}
			}
			let rss = 0;
			for (const p of procs) {
				if (!members.has(p.pid)) continue;
				const seen = st.pids.get(p.pid);
				if (seen) seen.last = p.ticks;
				// a process that appears after the start counts from 0; one there at the start from then
				else st.pids.set(p.pid, { first: this.samples === 0 ? p.ticks : 0, last: p.ticks });
				const m = memory(p.pid);
				rss += m.rssKb;
				st.peakHwmKb = Math.max(st.peakHwmKb, m.hwmKb);
			}
			st.peakRssKb = Math.max(st.peakRssKb, rss);
		}
		this.samples++;
	}

	start(everyMs = 2000) {
		this.startedAt = Date.now();
		this.sample();
		this.timer = setInterval(() => this.sample(), everyMs);
		this.timer.unref();
		return this;
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		this.sample();
		this.stoppedAt = Date.now();
	}

	/** Per target: CPU seconds and % of one core over the sampled time, peak memory, process starts. */
	figures() {
		const wallS = ((this.stoppedAt ?? Date.now()) - this.startedAt) / 1000;
		const out = {};
		for (const [name, st] of this.state) {
			let ticks = 0;
			for (const { first, last } of st.pids.values()) ticks += Math.max(0, last - first);
			const cpuSeconds = ticks / CLK_TCK;
			out[name] = {
				cpuSeconds: round(cpuSeconds, 1),
				cpuPercent: round((100 * cpuSeconds) / wallS, 1),
				peakRssMb: round(st.peakRssKb / 1024, 0),
				peakProcessHwmMb: round(st.peakHwmKb / 1024, 0),
				starts: st.groups.size,
			};
		}
		return { wallSeconds: round(wallS, 0), processes: out };
	}
}

/** The pid of the first child of `parentPid` (the n8n process under its guard), or undefined. */
function childOf(parentPid) {
	return allProcesses().find((p) => p.ppid === parentPid)?.pid;
}

function round(n, digits) {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}

module.exports = { ProcSampler, childOf, allProcesses, CLK_TCK };
