'use strict';
// The load of the production-topology E2E and of `npm run load`: for `durationMs` the emulator gets
// new items at a steady rate (every vendor), every Webhook → action workflow is called once a minute
// through the webhook processor, and Welcorp posts SMS-reply callbacks (through the emulator's
// control API) to the Welcorp Callback Trigger workflows; meanwhile the faults are injected. Then
// the run drains (every item, call and callback at its sink or the drain timeout) and is compared
// with what was sent: exactly once per workflow, delays, and what each fault cost.
//
// Senders behave as reliable senders do: a webhook call answered with an error (n8n answers 500 when
// the execution failed: "When Last Node Finishes"), refused (the webhook processor is restarting) or
// cut off is retried; after a cut-off answer the sink is looked at first, so a call that did run is
// not sent twice. Welcorp callbacks the emulator could not deliver are re-posted the same way.
// Every retry is counted.

const { httpRequest } = require('../lib/http');
const { sleep, waitFor } = require('../lib/n8n');

const POLL_INTERVAL_MS = 60_000;

function percentile(sorted, p) {
	if (!sorted.length) return null;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i];
}

/** { count, p50, p95, max } of delays in ms, as seconds with one decimal. */
function delayStats(delays) {
	const sorted = [...delays].sort((a, b) => a - b);
	const s = (ms) => (ms === null ? null : Math.round(ms / 100) / 10);
	return {
		count: sorted.length,
		p50: s(percentile(sorted, 50)),
		p95: s(percentile(sorted, 95)),
		max: s(sorted.length ? sorted[sorted.length - 1] : null),
	};
}

/** Calls fn at start + offset + k·every (k = 0, 1, …) until `until`; a late call does not shift the next. */
async function steady(every, offset, until, fn) {
	let next = Date.now() + offset;
	for (;;) {
		if (next >= until()) return;
		await sleep(Math.max(0, next - Date.now()));
		if (Date.now() >= until()) return;
		await fn();
		next += every;
	}
}

class LoadRun {
	/**
	 * @param {object} o
	 * @param {object} o.q            ../lib/queue.js startQueueStack() (postgres, one webhook processor)
	 * @param {object} o.redis        ./redis.js startDurableRedis() (the one q uses)
	 * @param {object} o.emulator
	 * @param {object[]} o.vendors    ./workload.js vendors()
	 * @param {object} o.workflows    { poll: [{ id, vendor, second }], action: [{ id, vendor, url }],
	 *                                callback: [{ id, jobId, destination }] }
	 * @param {object} o.sinks        { poll(vendor), action(vendor), callback } sink names
	 * @param {number} o.durationMs
	 * @param {boolean} [o.faults]
	 * @param {'full'|'short'} [o.faultSet]  'short' (the CI run): the worker, the webhook processor
	 *                                and Redis restarted, no 503 outage (see faultPlan)
	 * @param {boolean} [o.upgrade]   also the upgrade drill (see faultPlan)
	 * @param {number} [o.itemEveryMs]      per vendor
	 * @param {number} [o.callbackEveryMs]
	 * @param {(msg: string) => void} [o.progress]
	 */
	constructor(o) {
		Object.assign(this, {
			faults: true,
			faultSet: 'full',
			upgrade: false,
			itemEveryMs: 10_000,
			callbackEveryMs: 5_000,
			progress: () => undefined,
			...o,
		});
		this.control = o.emulator.control;
		this.items = []; // { vendor, key, at }
		this.calls = []; // { wf, vendor, ref, at, attempts, retries: { status|code: n }, ok, doneAt }
		this.callbacks = []; // { wf, ref, at, attempts, refused, ok }
		this.faultLog = []; // { name, at, endAt, ... }
		this.pending = new Set();
		this.errors = [];
		this.duplicates = [];
		this.counter = 0;
	}

	track(promise) {
		const p = promise
			.catch((error) => this.errors.push(String(error?.stack || error)))
			.finally(() => this.pending.delete(p));
		this.pending.add(p);
	}

	/** Does `sink` get an entry `match`es within `timeoutMs`? (a call whose answer was lost may have run) */
	async atSink(sink, match, timeoutMs) {
		return waitFor(
			`an entry at ${sink}`,
			async () => (await this.control.sink(sink)).some(match),
			timeoutMs,
			2000,
		).catch(() => false);
	}

	async callAction(entry) {
		const ref = `call-${++this.counter}`;
		const rec = {
			wf: entry.id,
			vendor: entry.vendor,
			ref,
			at: Date.now(),
			attempts: 0,
			retries: {},
			ok: false,
		};
		this.calls.push(rec);
		const body = JSON.stringify({ ref });
		const headers = {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body),
		};
		for (;;) {
			rec.attempts++;
			let reason;
			try {
				const res = await httpRequest(entry.url, { method: 'POST', headers }, body);
				if (res.status === 200) {
					rec.ok = true;
					rec.doneAt = Date.now();
					return;
				}
				reason = `HTTP ${res.status}`;
			} catch (error) {
				reason = error.code || error.message;
				if (error.code !== 'ECONNREFUSED') {
					// cut off: the call may have run. Look before sending it again.
					if (await this.atSink(this.sinks.action(entry.vendor), (e) => e.ref === ref, 90_000)) {
						rec.retries[`${reason} (had run)`] = (rec.retries[`${reason} (had run)`] ?? 0) + 1;
						rec.ok = true;
						rec.doneAt = Date.now();
						return;
					}
				}
			}
			rec.retries[reason] = (rec.retries[reason] ?? 0) + 1;
			if (Date.now() - rec.at > 10 * 60_000) return; // given up: reported as lost
			await sleep(Math.min(1000 * 2 ** (rec.attempts - 1), 8000));
		}
	}

	async sendCallback(entry) {
		const ref = `reply-${++this.counter}`;
		const rec = { wf: entry.id, ref, at: Date.now(), attempts: 1, retries: {}, ok: false };
		this.callbacks.push(rec);
		const welcorp = this.control.vendor('welcorp');
		const answer = await welcorp.post(`jobs/${entry.jobId}/reply`, {
			destination: entry.destination,
			response: ref,
		});
		let record = answer.callback;
		for (;;) {
			if (record && record.status === 200) {
				rec.ok = true;
				rec.doneAt = Date.now();
				return;
			}
			const reason = record?.status ? `HTTP ${record.status}` : record?.error || 'not sent';
			if (!/ECONNREFUSED|HTTP [45]\d\d/.test(reason)) {
				// timed out, cut off, or "fetch failed" (the emulator does not say why): it may have been
				// taken; look first
				if (await this.atSink(this.sinks.callback, (e) => e.key === ref, 90_000)) {
					rec.retries[`${reason} (had run)`] = (rec.retries[`${reason} (had run)`] ?? 0) + 1;
					rec.ok = true;
					return;
				}
			}
			rec.retries[reason] = (rec.retries[reason] ?? 0) + 1;
			if (Date.now() - rec.at > 10 * 60_000) return;
			await sleep(Math.min(1000 * 2 ** (rec.attempts - 1), 8000));
			// the sender tries again: the same form body to the same URL
			rec.attempts++;
			record = { rawBody: record.rawBody, url: record.url };
			try {
				const res = await httpRequest(
					record.url,
					{
						method: 'POST',
						headers: {
							'content-type': 'application/x-www-form-urlencoded',
							'content-length': Buffer.byteLength(record.rawBody),
						},
					},
					record.rawBody,
				);
				record.status = res.status;
			} catch (error) {
				record.error = error.code || error.message;
			}
		}
	}

	async addItem(vendor) {
		const [key] = await vendor.add(1);
		this.items.push({ vendor: vendor.name, key, at: Date.now() });
	}

	/**
	 * The faults, at fixed fractions of the run; the 'short' set (CI) leaves out the 30 s outage, whose
	 * cost is a poll interval at most. With `upgrade` (the long run) also an upgrade drill:
	 * the package installed again on every instance, then each restarted in the documented order
	 * (workers one at a time, the webhook processor, main last), while the load goes on.
	 */
	faultPlan() {
		const d = this.durationMs;
		const { q, redis } = this;
		const at = this.upgrade
			? { worker: 0.1, webhook: 0.25, outage: 0.4, redis: 0.55, upgrade: 0.7 }
			: this.faultSet === 'short'
				? { worker: 0.1, webhook: 0.45, redis: 0.9 }
				: { worker: 0.12, webhook: 0.33, outage: 0.5, redis: 0.83 };
		const plan = [
			{
				key: 'worker',
				at: at.worker * d,
				name: 'worker-1 stopped (SIGTERM) and restarted',
				run: async (log) => {
					const { stopMs, startMs } = await q.workers[0].restart();
					Object.assign(log, { stopMs, startMs });
				},
			},
			{
				key: 'webhook',
				at: at.webhook * d,
				name: 'webhook processor restarted',
				run: async (log) => {
					const { stopMs, startMs } = await q.webhooks[0].restart();
					Object.assign(log, { stopMs, startMs, unreachableMs: stopMs + startMs });
				},
			},
			{
				key: 'outage',
				at: at.outage * d,
				name: 'emulator answers 503 for 30 s (every vendor)',
				run: async (log) => {
					for (const v of this.vendors)
						await this.control.call('POST', '/__control/faults', {
							vendor: v.name,
							kind: 'status',
							status: 503,
							count: 1_000_000,
						});
					await sleep(30_000);
					const pending = await this.control.call('GET', '/__control/faults');
					await this.control.call('DELETE', '/__control/faults');
					log.requestsAnswered503 = pending.reduce((n, f) => n + (1_000_000 - f.remaining), 0);
				},
			},
			{
				key: 'redis',
				at: at.redis * d,
				name: 'Redis restarted (SIGTERM, same port and data folder)',
				run: async (log) => {
					log.unreachableMs = await redis.restart();
				},
			},
		].filter((fault) => at[fault.key] !== undefined);
		if (this.upgrade)
			plan.push({
				at: at.upgrade * d,
				name: 'upgrade drill: the package installed again on every instance, then workers, webhook processor and main restarted one by one',
				run: async (log) => {
					const { installPackage } = require('../lib/install');
					const cursorsBefore = await q.postgres.query(
						'SELECT count(*)::int AS n FROM poller_state',
					);
					let t = Date.now();
					for (const folder of [q.stack.userFolder, ...q.processes.map((p) => p.userFolder)])
						await installPackage({ userFolder: folder, tarball: q.tarball, n8n: q.n8n.install });
					log.installMs = Date.now() - t;
					for (const p of [...q.workers, ...q.webhooks]) {
						const { stopMs, startMs } = await p.restart();
						log[p.name] = { stopMs, startMs };
					}
					t = Date.now();
					await q.n8n.restart();
					log.mainRestartMs = Date.now() - t;
					const cursorsAfter = await q.postgres.query(
						'SELECT count(*)::int AS n FROM poller_state',
					);
					log.pollCursors = { before: cursorsBefore[0].n, after: cursorsAfter[0].n };
				},
			});
		return plan;
	}

	/**
	 * Runs the faults one after the other: each at its planned time, or 10 s after the previous one
	 * ended when that one took longer (a restart on a busy machine). While one is still to come or
	 * running the load goes on: `extend(t)` moves the end of the load to at least t.
	 */
	async runFaults(extend) {
		let previousEnd = 0;
		for (const fault of this.faultPlan()) {
			const due = Math.max(this.startedAt + fault.at, previousEnd + 10_000);
			extend(due + 20_000);
			await sleep(Math.max(0, due - Date.now()));
			const log = { name: fault.name, at: Date.now() };
			this.progress(`fault: ${fault.name}`);
			this.faultLog.push(log);
			try {
				await fault.run(log);
			} catch (error) {
				log.error = String(error?.message || error);
				this.errors.push(`fault ${fault.name}: ${error?.stack || error}`);
			}
			log.endAt = Date.now();
			previousEnd = log.endAt;
			// some load after the last fault, to see the recovery
			extend(log.endAt + 20_000);
			this.progress(`fault done: ${fault.name} (${Math.round((log.endAt - log.at) / 1000)} s)`);
		}
	}

	/** Runs the load and the faults, then drains. Resolves when everything is at its sink or the drain timed out. */
	async run({ drainTimeoutMs = 240_000 } = {}) {
		const { workflows } = this;
		this.startedAt = Date.now();
		let endAt = this.startedAt + this.durationMs;
		const until = () => endAt;
		const extend = (t) => {
			endAt = Math.max(endAt, t);
		};
		this.progress(
			`load for ${Math.round(this.durationMs / 1000)} s: ${workflows.poll.length} polling triggers, ${workflows.action.length} webhook → action, ${workflows.callback.length} callback triggers${this.faults ? ', with faults' : ''}`,
		);
		const loops = [
			...this.vendors.map((v, i) =>
				steady(this.itemEveryMs, 1000 + i * 2000, until, () => this.addItem(v)),
			),
			steady(POLL_INTERVAL_MS / workflows.action.length, 500, until, () => {
				const entry = workflows.action[this.calls.length % workflows.action.length];
				this.track(this.callAction(entry));
			}),
			steady(this.callbackEveryMs, 1500, until, () => {
				const entry = workflows.callback[this.callbacks.length % workflows.callback.length];
				this.track(this.sendCallback(entry));
			}),
		];
		if (this.faults) loops.push(this.runFaults(extend));
		const results = await Promise.allSettled(loops);
		for (const r of results) if (r.status === 'rejected') this.errors.push(String(r.reason?.stack));
		this.endedAt = Date.now();
		this.progress(
			`load done: ${this.items.length} items, ${this.calls.length} calls, ${this.callbacks.length} callbacks; draining`,
		);
		await Promise.all([...this.pending]);
		this.callsSettledAt = Date.now();
		// polled items: every poll workflow has every item added (the next scheduled polls)
		await waitFor(
			'every item at its poll workflows\u2019 sinks',
			async () => (await this.pollCoverage()).missing === 0,
			drainTimeoutMs,
			3000,
		).catch(() => undefined); // the comparison says what is missing
		await sleep(5000); // anything delivered twice would arrive now
		this.drainedAt = Date.now();
	}

	async pollCoverage() {
		let missing = 0;
		for (const v of this.vendors) {
			const entries = await this.control.sink(this.sinks.poll(v.name));
			const seen = new Set(entries.map((e) => `${e.wf}|${e.key}`));
			const wfs = this.workflows.poll.filter((w) => w.vendor === v.name);
			for (const item of this.items.filter((i) => i.vendor === v.name))
				for (const w of wfs) if (!seen.has(`${w.id}|${item.key}`)) missing++;
		}
		return { missing };
	}

	/** What reached the sinks against what was sent; delays; fault costs. */
	async analyse() {
		this.duplicates = [];
		this.losses = [];
		const result = { poll: {}, action: {}, callback: {} };
		const delays = { poll: [], action: [], callback: [] };
		const deliveredAt = []; // sink times of every delivery, for the rate
		const timeline = []; // { kind, origin, delay }
		const count = (map, k) => map.set(k, (map.get(k) ?? 0) + 1);

		for (const v of this.vendors) {
			// polled items: per poll workflow, every item exactly once, nothing else
			const entries = await this.control.sink(this.sinks.poll(v.name));
			const items = this.items.filter((i) => i.vendor === v.name);
			const addedAt = new Map(items.map((i) => [i.key, i.at]));
			const wfs = this.workflows.poll.filter((w) => w.vendor === v.name);
			const seen = new Map();
			let unexpected = 0;
			for (const e of entries) {
				const { key } = e;
				if (!addedAt.has(key)) {
					unexpected++;
					continue;
				}
				count(seen, `${e.wf}|${key}`);
				const delay = e.at - addedAt.get(key);
				delays.poll.push(delay);
				deliveredAt.push(e.at);
				timeline.push({ kind: 'poll', origin: addedAt.get(key), delay });
			}
			let lost = 0;
			let duplicated = 0;
			for (const w of wfs)
				for (const item of items) {
					const n = seen.get(`${w.id}|${item.key}`) ?? 0;
					if (n === 0) lost++;
					if (n > 1) {
						duplicated += n - 1;
						// what to look at: the executions that delivered it and when
						if (this.duplicates.length < 100)
							this.duplicates.push({
								kind: 'poll',
								vendor: v.name,
								wf: w.id,
								key: item.key,
								addedAt: item.at,
								deliveries: entries
									.filter((e) => e.wf === w.id && e.key === item.key)
									.map((e) => ({ ex: e.ex, at: e.at })),
							});
					}
				}
			result.poll[v.name] = {
				workflows: wfs.length,
				items: items.length,
				wanted: wfs.length * items.length,
				delivered: entries.length,
				lost,
				duplicated,
				unexpected,
			};

			// webhook → action: per call exactly one sink entry
			const calls = this.calls.filter((c) => c.vendor === v.name);
			const actionEntries = (await this.control.sink(this.sinks.action(v.name))).filter(
				(e) => !String(e.ref).startsWith('probe'),
			);
			result.action[v.name] = this.compareRefs(
				calls,
				actionEntries,
				delays.action,
				deliveredAt,
				timeline,
				'action',
			);
		}
		const callbackEntries = (await this.control.sink(this.sinks.callback)).map((e) => ({
			...e,
			ref: e.key,
		}));
		result.callback.welcorp = this.compareRefs(
			this.callbacks,
			callbackEntries.filter((e) => !String(e.ref).startsWith('probe')),
			delays.callback,
			deliveredAt,
			timeline,
			'callback',
		);

		const minutes = (this.endedAt - this.startedAt) / 60_000;
		const inLoad = deliveredAt.filter((t) => t >= this.startedAt && t <= this.endedAt).length;
		const sum = (obj, field) => Object.values(obj).reduce((n, r) => n + r[field], 0);
		const totals = {};
		for (const kind of ['poll', 'action', 'callback'])
			totals[kind] = {
				wanted: sum(result[kind], 'wanted'),
				delivered: sum(result[kind], 'delivered'),
				lost: sum(result[kind], 'lost'),
				duplicated: sum(result[kind], 'duplicated'),
				unexpected: sum(result[kind], 'unexpected'),
			};

		const faultWindows = this.faultLog.map((f) => ({
			...f,
			// an item waits up to a poll interval for its poll: a fault hits the ones added in the minute before it too
			window: {
				poll: [f.at - POLL_INTERVAL_MS, f.endAt],
				action: [f.at, f.endAt],
				callback: [f.at, f.endAt],
			},
		}));
		const inWindow = (t, kind) =>
			faultWindows.some((f) => t >= f.window[kind][0] && t <= f.window[kind][1] + 5000);
		const baseline = {};
		for (const kind of ['poll', 'action', 'callback'])
			baseline[kind] = delayStats(
				timeline.filter((x) => x.kind === kind && !inWindow(x.origin, kind)).map((x) => x.delay),
			);
		const faults = faultWindows.map((f) => {
			const affected = {};
			for (const kind of ['poll', 'action', 'callback']) {
				const [a, b] = f.window[kind];
				affected[kind] = delayStats(
					timeline
						.filter((x) => x.kind === kind && x.origin >= a && x.origin <= b + 5000)
						.map((x) => x.delay),
				);
			}
			const retries = (list) =>
				list
					.filter((c) => c.at >= f.at - 10_000 && c.at <= f.endAt + 5000)
					.reduce((n, c) => n + (c.attempts - 1), 0);
			const { window: _w, ...rest } = f;
			return {
				...rest,
				durationS: Math.round((f.endAt - f.at) / 1000),
				affected,
				callRetries: retries(this.calls),
				callbackRetries: retries(this.callbacks),
			};
		});
		const retryReasons = (list) => {
			const out = {};
			for (const c of list)
				for (const [k, n] of Object.entries(c.retries)) out[k] = (out[k] ?? 0) + n;
			return out;
		};
		return {
			startedAt: this.startedAt,
			plannedS: Math.round(this.durationMs / 1000),
			// longer than planned when the faults took longer (the load goes on until after the last)
			durationS: Math.round((this.endedAt - this.startedAt) / 1000),
			drainS: Math.round((this.drainedAt - this.endedAt) / 1000),
			sent: {
				items: this.items.length,
				itemsPerVendorPerMinute: Math.round((60_000 / this.itemEveryMs) * 10) / 10,
				calls: this.calls.length,
				callbacks: this.callbacks.length,
			},
			deliveredPerMinute: Math.round(inLoad / minutes),
			delivered: deliveredAt.length,
			totals,
			perVendor: result,
			delays: {
				poll: delayStats(delays.poll),
				action: delayStats(delays.action),
				callback: delayStats(delays.callback),
			},
			baselineDelays: baseline,
			faults,
			retries: {
				calls: retryReasons(this.calls),
				callbacks: retryReasons(this.callbacks),
			},
			errors: this.errors,
			// every item, call or callback delivered more than once (the first 100), with its executions
			duplicates: this.duplicates,
			// every call or callback that never reached its sink (the first 100), with its workflow's
			// executions that did not succeed
			losses: await this.describeLosses(),
		};
	}

	/** The lost calls and callbacks, each with its workflow's executions that did not succeed. */
	async describeLosses() {
		const described = [];
		for (const loss of this.losses) {
			const executions = await this.q.postgres
				.query(
					`SELECT e.id, e.status, e."startedAt", position('maxStalledCount' in d.data) > 0 OR position('failed to be processed' in d.data) > 0 AS stalled FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${String(loss.wf).replace(/'/g, "''")}' AND e.status <> 'success'`,
				)
				.catch((error) => [{ error: error.message }]);
			described.push({ ...loss, executions });
		}
		return described;
	}

	compareRefs(sent, entries, delays, deliveredAt, timeline, kind) {
		const byRef = new Map(sent.map((c) => [c.ref, c]));
		const seen = new Map();
		let unexpected = 0;
		for (const e of entries) {
			const c = byRef.get(e.ref);
			if (!c) {
				unexpected++;
				continue;
			}
			seen.set(e.ref, (seen.get(e.ref) ?? 0) + 1);
			const delay = e.at - c.at;
			delays.push(delay);
			deliveredAt.push(e.at);
			timeline.push({ kind, origin: c.at, delay });
		}
		let lost = 0;
		let duplicated = 0;
		for (const c of sent) {
			const n = seen.get(c.ref) ?? 0;
			if (n === 0) {
				lost++;
				if (this.losses.length < 100)
					this.losses.push({ kind, wf: c.wf, key: c.ref, sentAt: c.at, attempts: c.attempts });
			}
			if (n > 1) {
				duplicated += n - 1;
				if (this.duplicates.length < 100)
					this.duplicates.push({
						kind,
						wf: c.wf,
						key: c.ref,
						sentAt: c.at,
						attempts: c.attempts,
						retries: c.retries,
						deliveries: entries.filter((e) => e.ref === c.ref).map((e) => ({ ex: e.ex, at: e.at })),
					});
			}
		}
		return {
			workflows: new Set(sent.map((c) => c.wf)).size,
			wanted: sent.length,
			delivered: entries.length,
			lost,
			duplicated,
			unexpected,
			retried: sent.filter((c) => c.attempts > 1).length,
			gaveUp: sent.filter((c) => !c.ok).length,
		};
	}
}

module.exports = { LoadRun, delayStats, percentile, POLL_INTERVAL_MS };
