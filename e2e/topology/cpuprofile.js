'use strict';
// Our nodes' share of a worker's CPU, from V8 CPU profiles (`--cpu-prof` on the worker's Node.js; one
// file per process, written when it exits). A sample counts as ours when its own frame (self) or any
// frame of its stack (inclusive: what our code called, e.g. n8n's HTTP helpers on our behalf) comes
// from our installed package (a url under node_modules/n8n-nodes-voc/). Shares are of the samples in
// which the worker was busy (not "(idle)"). Profile timestamps are CLOCK_MONOTONIC microseconds, the
// clock of process.hrtime, which maps them to wall-clock time.

const fs = require('node:fs');
const path = require('node:path');

const OURS = /[\\/]node_modules[\\/]n8n-nodes-voc[\\/]/;

/** Profiles written into `dir` (CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile) by the processes `pids`. */
function findProfiles(dir, pids) {
	if (!dir || !fs.existsSync(dir)) return [];
	const wanted = new Set(pids.map(String));
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile') && wanted.has(f.split('.')[3]))
		.map((f) => path.join(dir, f));
}

/** ms to add to a profile timestamp (µs, monotonic) / 1000 to get wall-clock ms. */
function monotonicToWallMs() {
	return Date.now() - Number(process.hrtime.bigint() / 1000000n);
}

/**
 * @param {string[]} files  .cpuprofile files (e.g. of a worker and its restarts)
 * @param {object} [o]
 * @param {[number, number]} [o.window]  only samples taken in this wall-clock window (ms)
 * @returns {{ files: number, samples: number, busy: number, busyS: number, oursSelf: number,
 *   oursInclusive: number, selfShare: number, inclusiveShare: number,
 *   top: Array<{ fn: string, share: number }> }}
 */
function attribute(files, { window, isOurs = (url) => OURS.test(url) } = {}) {
	const offset = monotonicToWallMs();
	let samples = 0;
	let busy = 0;
	let busyUs = 0;
	let self = 0;
	let incl = 0;
	const top = new Map();
	for (const file of files) {
		const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		const parent = new Map();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const inclusive = new Map();
		const isInclusive = (id) => {
			if (inclusive.has(id)) return inclusive.get(id);
			const node = byId.get(id);
			const value =
				isOurs(node.callFrame.url || '') || (parent.has(id) && isInclusive(parent.get(id)));
			inclusive.set(id, value);
			return value;
		};
		let t = profile.startTime;
		for (let i = 0; i < profile.samples.length; i++) {
			const delta = profile.timeDeltas?.[i] ?? 0;
			t += delta;
			if (window) {
				const wall = t / 1000 + offset;
				if (wall < window[0] || wall > window[1]) continue;
			}
			samples++;
			const node = byId.get(profile.samples[i]);
			if (node.callFrame.functionName === '(idle)') continue;
			busy++;
			busyUs += delta;
			if (isOurs(node.callFrame.url || '')) {
				self++;
				const rel = node.callFrame.url.split(/node_modules[\\/]n8n-nodes-voc[\\/]/)[1];
				const key = `${rel}:${node.callFrame.functionName || '(anonymous)'}`;
				top.set(key, (top.get(key) ?? 0) + 1);
			}
			if (isInclusive(profile.samples[i])) incl++;
		}
	}
	const share = (n) => (busy ? Math.round((10000 * n) / busy) / 100 : 0);
	return {
		files: files.length,
		samples,
		busy,
		busyS: Math.round(busyUs / 1e5) / 10,
		oursSelf: self,
		oursInclusive: incl,
		selfShare: share(self),
		inclusiveShare: share(incl),
		top: [...top]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 8)
			.map(([fn, n]) => ({ fn, share: share(n) })),
	};
}

module.exports = { findProfiles, attribute, monotonicToWallMs };
