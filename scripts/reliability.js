#!/usr/bin/env node
'use strict';
// docs/RELIABILITY.md from the figures kept (tracked) in docs/data/reliability/, so that the published
// report can always be regenerated from the repository.
//   node scripts/reliability.js          take in the newer figures that `npm test` and
//                                        `npm run test:e2e` left in .cache/reliability/, then write
//                                        docs/RELIABILITY.md (npm run reliability)
//   node scripts/reliability.js faults   run the fault matrix and the bad-input suite, keep their
//                                        figures, then write it (npm run test:faults)
//   node scripts/reliability.js soak     run the soak with 1,000 cycles per trigger (and the
//                                        interrupted-poll and capacity cases), keep their figures,
//                                        then write it (npm run soak)
//   node scripts/reliability.js render   write docs/RELIABILITY.md from docs/data/reliability/ alone
// `npm test` and `npm run test:e2e` never write docs/RELIABILITY.md or docs/data/: their figures stay in
// .cache/reliability/. The exit code is the suites' (a failing run still gets its figures kept).
// Paths: scripts/report-paths.js.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, RELIABILITY } = require('./report-paths');

const DATA = RELIABILITY.data;
const CACHE = RELIABILITY.cache;
const OUTPUT = RELIABILITY.report;
const E2E_SECRETS = 'e2e-secrets';
/** Tells test/reliability/evidence.ts where to write the figures of a run started here. */
const RESULTS_ENV = 'VOC_RELIABILITY_RESULTS';

const RUNS = {
	faults: {
		files: ['test/reliability/faults.test.ts', 'test/reliability/badInput.test.ts'],
		env: {},
	},
	soak: {
		files: [
			'test/reliability/soak.test.ts',
			'test/reliability/thresholdSoak.test.ts',
			'test/reliability/interrupted.test.ts',
			'test/reliability/capacity.test.ts',
		],
		env: { SOAK_CYCLES: '1000' },
	},
};

const rel = (file) => path.relative(ROOT, file);
const say = (message) => process.stdout.write(`[reliability] ${message}\n`);

/** Runs a command's suites; { status, interrupted } (Ctrl-C: jest was stopped by a signal). */
function runSuites(name, resultsDir) {
	const run = RUNS[name];
	const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
	// Ctrl-C stops jest; we stay to clean up (and keep none of the interrupted run's figures).
	const ignore = () => undefined;
	process.on('SIGINT', ignore);
	process.on('SIGTERM', ignore);
	const result = spawnSync(process.execPath, [jest, '--runTestsByPath', ...run.files], {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...run.env, [RESULTS_ENV]: resultsDir },
	});
	return { status: result.status ?? 1, interrupted: Boolean(result.signal) };
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const jsonFiles = (dir) =>
	fs.existsSync(dir)
		? fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.sort()
		: [];

/** JSON as prettier (the repository's settings) writes it, so that `npm run lint` accepts it. */
async function formatJson(file, data) {
	const text = `${JSON.stringify(data, null, '\t')}\n`;
	let prettier;
	try {
		prettier = require(require.resolve('prettier', { paths: [ROOT] }));
	} catch {
		return text;
	}
	const options = (await prettier.resolveConfig(file)) ?? {};
	return await prettier.format(text, { ...options, filepath: file });
}

/** Written whole then renamed: a reader never sees half a file. */
function writeWhole(file, text) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(`${file}.tmp`, text);
	fs.renameSync(`${file}.tmp`, file);
}

/** The newest `generatedAt` of some figure files ('' when none says: older than any). */
const newest = (runs) =>
	runs.map((run) => run.generatedAt ?? '').reduce((a, b) => (b > a ? b : a), '');

/**
 * Copies figures from `from` (a suite run's folder, or .cache/reliability/) into docs/data/.
 * `onlyNewer`: a figure file replaces the kept one only when it was generated later. The E2E
 * secret scans (one file per test file) are taken per n8n version, all of a version's or none.
 */
async function importFigures(from, { onlyNewer }) {
	const taken = [];
	for (const name of jsonFiles(from)) {
		const data = readJson(path.join(from, name));
		const target = path.join(DATA, name);
		if (onlyNewer && fs.existsSync(target) && newest([data]) <= newest([readJson(target)]))
			continue;
		writeWhole(target, await formatJson(target, data));
		taken.push(name);
	}
	const secretsFrom = path.join(from, E2E_SECRETS);
	const secretsTo = path.join(DATA, E2E_SECRETS);
	const byVersion = (dir) => {
		const map = new Map();
		for (const name of jsonFiles(dir)) {
			const run = readJson(path.join(dir, name));
			map.set(run.version, [...(map.get(run.version) ?? []), { name, run }]);
		}
		return map;
	};
	const kept = byVersion(secretsTo);
	for (const [version, runs] of byVersion(secretsFrom)) {
		const old = kept.get(version) ?? [];
		if (onlyNewer && old.length && newest(runs.map((r) => r.run)) <= newest(old.map((r) => r.run)))
			continue;
		for (const { name } of old) fs.rmSync(path.join(secretsTo, name));
		for (const { name, run } of runs) {
			const target = path.join(secretsTo, name);
			writeWhole(target, await formatJson(target, run));
			taken.push(`${E2E_SECRETS}/${name}`);
		}
	}
	return taken;
}

function load(name) {
	const file = path.join(DATA, `${name}.json`);
	return fs.existsSync(file) ? readJson(file) : undefined;
}

const when = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const bytes = (n) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
const cellMark = { pass: '✓', fail: '✗', known: '!', fixed: '✗' };
const escape = (text) => String(text).replace(/\|/g, '\\|');
const missing = (what, command) => [`No figures yet: run \`${command}\` (${what}).`, ''];

function faultSection(data) {
	const lines = ['## 1. Fault matrix', ''];
	if (!data) return [...lines, ...missing('the fault matrix', 'npm run test:faults')];
	const cells = data.cells;
	const count = (status) => cells.filter((cell) => cell.status === status).length;
	const kinds = [...new Set(cells.map((cell) => cell.kind))];
	const rows = [
		...new Map(cells.map((cell) => [`${cell.vendor}|${cell.operation}`, cell])).values(),
	];
	lines.push(
		`Last run ${when(data.generatedAt)} (${seconds(data.durationMs)}): **${count('pass')}/${cells.length} cells passed**, ` +
			`${count('known')} known issue${count('known') === 1 ? '' : 's'} reported, ${count('fail') + count('fixed')} failing.`,
		'',
		'Every operation of every vendor against the vendor emulator, through the real n8n engine, with each fault',
		"injected through the emulator's control API. A read passes when it recovers within the retry budget with",
		'the same result as without the fault, or (where the fault persists) fails with a NodeApiError naming',
		'vendor, operation and status after the expected number of attempts, while under Continue On Fail the next',
		'item still runs. A write passes when it was sent exactly once (request log), failed with a clear',
		'NodeApiError, and under Continue On Fail the next item still ran.',
		'',
		`✓ passed · ✗ failed · ! known issue (reported, must fail until fixed) · – not applicable`,
		'',
		`| Vendor | Operation | ${kinds.join(' | ')} |`,
		`|---|---|${kinds.map(() => ':-:').join('|')}|`,
	);
	for (const row of rows) {
		const marks = kinds.map((kind) => {
			const cell = cells.find(
				(c) => c.vendor === row.vendor && c.operation === row.operation && c.kind === kind,
			);
			return cell ? cellMark[cell.status] : '–';
		});
		lines.push(`| ${row.vendor} | ${row.operation} (${row.access}) | ${marks.join(' | ')} |`);
	}
	const notPassing = cells.filter((cell) => cell.status !== 'pass');
	if (notPassing.length) {
		lines.push('', 'Cells that did not pass:', '');
		for (const cell of notPassing)
			lines.push(
				`- ${cell.status === 'known' ? 'known issue' : cell.status}: ${cell.vendor} ${cell.operation} × ${cell.kind} – ${escape(cell.detail ?? '')}`,
			);
	}
	return [...lines, ''];
}

function soakTable(data) {
	const lines = [
		`${data.cycles} cycles per trigger, last run ${when(data.generatedAt)} (${seconds(data.durationMs)}, triggers side by side).`,
		'',
		'| Trigger | Cycles | Items | Lost | Duplicated | Max state | Faults | Failed polls | Token expiries | Restarts | Repeated polls |',
		'|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
	];
	for (const r of data.triggers) {
		lines.push(
			`| ${r.trigger} | ${r.cycles} | ${r.items} | ${r.lost} | ${r.duplicated} | ${bytes(r.maxStateBytes)} | ${r.faults} | ${r.failedPolls} | ${r.expiries ?? '–'} | ${r.restarts} | ${r.repeats} |`,
		);
	}
	const problems = data.triggers.filter(
		(r) =>
			r.lost || r.duplicated || r.unexpectedErrors.length || r.unexpected || r.manualChangedState,
	);
	for (const r of problems) {
		lines.push(
			'',
			`${r.trigger}: lost ${r.lostIds.slice(0, 10).join(', ') || 'none'}; emitted twice ${r.duplicatedIds.slice(0, 10).join(', ') || 'none'}; ` +
				`${r.unexpected} emitted that were never added; "Fetch Test Event" changed the saved state ${r.manualChangedState} times.`,
		);
		for (const error of r.unexpectedErrors.slice(0, 5))
			lines.push(`- poll failed although the fault was transient: ${escape(error)}`);
	}
	return [...lines, ''];
}

/** The CSAT Below Threshold soak (test/reliability/thresholdSoak.test.ts). */
function thresholdSoakLines(run) {
	const lines = [
		'### CSAT Below Threshold event',
		'',
		"The Wesal VoC Trigger's threshold event over three queues, driven below the threshold and back up past",
		'the recovery line (with relapses short of it) by a fixed seed; n8n restarts every 50 cycles and 5% of the',
		'polls run twice. The crossings expected are worked out from the answers alone.',
		'',
	];
	if (!run) return [...lines, ...missing('1,000 cycles, about 8 minutes', 'npm run soak')];
	return [
		...lines,
		`Last run ${when(run.generatedAt)}: ${run.cycles} cycles, ${run.crossings} crossings, ${run.fired} fired ` +
			`(${run.fired === run.crossings ? 'each exactly once, none spurious' : 'MISMATCH'}), ${run.restarts} restarts, ` +
			`${run.repeats} repeated polls, state ${run.stateBytes} bytes at the end.`,
		'',
	];
}

function soakSection(full, short, interrupted, capacity) {
	const lines = [
		'## 2. Lossless polling soak',
		'',
		'Each trigger polls the emulator again and again while items arrive (single items, bursts sharing one',
		"timestamp, more items at an earlier burst's timestamp, late arrivals 30 s to 4 min after their own",
		'timestamp, i.e. inside the default 10-minute late-arrival window, quiet cycles). A fault hits 20% of the',
		'polls (500, 503 twice, 429, connection reset, malformed JSON, HTML page, a 30 s stall, a fault on a',
		'later page or detail, and outages that make the whole poll fail, at its first or a later request),',
		'vendors with a login forget their session tokens in 3% of the cycles, n8n restarts every 50 cycles (state back',
		'from the saved copy), 5% of the polls run twice, 2% of the cycles also run "Fetch Test Event", and the',
		'seed is fixed. Everything emitted is compared with what the emulator was given; state is measured as',
		"the JSON of the workflow's static data (limit 64 KB).",
		'',
	];
	if (full) lines.push('### `npm run soak`', '', ...soakTable(full));
	else
		lines.push(
			'### `npm run soak`',
			'',
			...missing('1,000 cycles per trigger, a few minutes', 'npm run soak'),
		);
	if (short) lines.push('### Short soak in `npm test`', '', ...soakTable(short));
	lines.push(...thresholdSoakLines(load('threshold-soak-full') ?? load('threshold-soak-short')));
	if (interrupted) {
		lines.push(
			'### Interrupted polls',
			'',
			'Every trigger, on purpose: a poll whose first request is answered and every later one fails (a page,',
			'a detail, a follow-up query) must leave its new items to the next poll, emitted once.',
			'',
			'| Trigger | New items | Nothing lost or repeated |',
			'|---|--:|:-:|',
			...interrupted.cases.map(
				(c) =>
					`| ${c.trigger} | ${c.items} | ${c.status === 'pass' ? '✓' : c.status === 'known' ? '! known issue' : '✗'} |`,
			),
			'',
		);
	}
	if (capacity) {
		lines.push(
			'### Capacity of the cursor engine',
			'',
			`A survey arriving 6 minutes late, behind ${capacity.newerItems.toLocaleString('en-US')} newer surveys of the late-arrival window (Wesal VoC trigger): ${
				capacity.lateArrivalEmitted ? 'emitted once' : '**not emitted**'
			}. The engine remembers every item of the window, so its state follows how many items one window holds, not how many were ever read.`,
			'',
		);
	}
	return lines;
}

function badInputSection(data) {
	const lines = ['## 3. Bad input', ''];
	if (!data) return [...lines, ...missing('the bad-input suite', 'npm run test:faults')];
	const cases = data.cases;
	const passed = cases.filter((c) => c.status === 'pass').length;
	const vendors = [...new Set(cases.map((c) => c.vendor))];
	lines.push(
		`Last run ${when(data.generatedAt)}: **${passed}/${cases.length} cases** refused with a NodeOperationError naming the field and what is allowed,`,
		'before any request reached the emulator (its request log stayed empty), and turned into an error item under Continue On Fail.',
		'',
		'| Vendor | Cases | Refused as required |',
		'|---|--:|--:|',
		...vendors.map((vendor) => {
			const mine = cases.filter((c) => c.vendor === vendor);
			return `| ${vendor} | ${mine.length} | ${mine.filter((c) => c.status === 'pass').length} |`;
		}),
	);
	const notPassing = cases.filter((c) => c.status !== 'pass');
	if (notPassing.length) {
		lines.push('', 'Cases that did not pass:', '');
		for (const c of notPassing)
			lines.push(
				`- ${c.status === 'known' ? 'known issue' : 'failing'}: ${c.vendor} ${c.name} – ${escape(c.detail ?? '')}`,
			);
	}
	return [...lines, ''];
}

/**
 * E2E runs (`npm run test:e2e`): each test file scans real n8n's log (workers' too in queue mode) and
 * every saved execution before stopping (e2e/lib/secrets.js), one figure per n8n version.
 */
function e2eSecretRuns() {
	const dir = path.join(DATA, E2E_SECRETS);
	const byVersion = new Map();
	for (const file of jsonFiles(dir)) {
		const run = readJson(path.join(dir, file));
		const sum = byVersion.get(run.version) ?? { files: [], scanned: 0, leaks: 0 };
		// `labels`: one file standing for several test files (figures reconstructed from RELIABILITY.md)
		sum.files.push(...(run.labels ?? [run.label]));
		sum.scanned += run.scanned;
		sum.leaks += run.leaks;
		byVersion.set(run.version, sum);
	}
	return [...byVersion].map(([version, sum]) => [
		`E2E, real n8n ${version} (log and saved executions of: ${sum.files.join(', ')})`,
		{ secrets: { scanned: sum.scanned, leaks: sum.leaks } },
	]);
}

function secretsSection(runs) {
	const lines = [
		'## 4. Secrets',
		'',
		'Every output item, error message, error description (the whole recorded error) and engine log line of',
		'the runs above was searched for every credential value in use: password fields, API tokens, client IDs',
		'and the session tokens the vendors issued during the run (read back from the credential). The E2E rows',
		"search real n8n's log and every saved execution for the credentials' secret fields and every token or",
		'password n8n sent to the emulator.',
		'',
		'| Run | Strings scanned | Leaks |',
		'|---|--:|--:|',
	];
	const present = [...runs, ...e2eSecretRuns()].filter(([, data]) => data?.secrets);
	for (const [name, data] of present)
		lines.push(`| ${name} | ${data.secrets.scanned} | ${data.secrets.leaks} |`);
	const total = present.reduce((sum, [, data]) => sum + data.secrets.scanned, 0);
	const leaks = present.reduce((sum, [, data]) => sum + data.secrets.leaks, 0);
	lines.push(`| **All** | **${total}** | **${leaks}** |`, '');
	return lines;
}

/** The queue-mode E2E (e2e/queue-mode.e2e.test.ts) leaves one file per n8n version it ran on. */
function queueRuns() {
	return jsonFiles(DATA)
		.filter((f) => /^e2e-queue-.+\.json$/.test(f))
		.map((f) => readJson(path.join(DATA, f)));
}

function queueSection(runs) {
	const lines = [
		'## 5. Queue mode',
		'',
		'Real n8n in queue mode (`npm run test:e2e`, e2e/queue-mode.e2e.test.ts; settings and findings in',
		"e2e/QUEUE-MODE.md): Redis (Debian's redis-server), one main instance and two workers, per vendor an active",
		'polling trigger and a webhook-started action node, each posting to an emulator sink. What reached the',
		'sinks is compared with what was added to the emulator and with the calls made.',
		'',
	];
	if (!runs.length)
		return [
			...lines,
			...missing('queue mode on n8n 2.x', 'npm run test:e2e` then `npm run reliability'),
			'',
		];
	const list = (keys) => (keys.length ? keys.length : 0);
	for (const run of runs) {
		lines.push(
			`n8n ${run.version}, ${run.durable ? 'durable scheduler and durable poll cursors on' : 'in-memory scheduling'}, last run ${when(run.generatedAt)}` +
				(run.executionsPerWorker
					? `; executions per worker: ${run.executionsPerWorker.join(' / ')}`
					: '') +
				'.',
			'',
			'| Case | Vendor | What | Wanted | Delivered | Lost | Duplicated | Unexpected |',
			'|---|---|---|--:|--:|--:|--:|--:|',
		);
		for (const c of run.cases) {
			for (const row of c.vendors) {
				for (const what of ['trigger', 'action']) {
					const f = row[what];
					if (f)
						lines.push(
							`| ${escape(c.case)} | ${row.vendor} | ${what === 'trigger' ? 'polled items' : 'action calls'} | ${f.wanted} | ${f.delivered} | ${list(f.lost)} | ${list(f.duplicated)} | ${list(f.unexpected)} |`,
						);
				}
			}
		}
		const platform = run.cases.filter((c) => c.platform);
		if (platform.length)
			lines.push('', ...platform.map((c) => `${c.case}: ${escape(c.platform)}.`));
		lines.push('');
	}
	return lines;
}

/** The production-topology E2E (e2e/topology/) and `npm run load`: one file per run label and n8n version. */
function productionRuns() {
	const runs = jsonFiles(DATA)
		.filter((f) => /^production-.+\.json$/.test(f))
		.map((f) => readJson(path.join(DATA, f)));
	// the long load first, then the E2E's short one; newer n8n versions first
	const rank = (run) => (run.label === 'long' ? 0 : 1);
	return runs.sort((a, b) => rank(a) - rank(b) || b.version.localeCompare(a.version));
}

const num = (n, digits = 1) => (n === null || n === undefined ? '–' : Number(n).toFixed(digits));
const secondsCell = (n) => (n === null || n === undefined ? '–' : `${num(n)} s`);

function productionRun(run) {
	const load = run.load;
	const lines = [
		`### ${run.label === 'long' ? '`npm run load`' : 'Short load in `npm run test:e2e`'}: n8n ${run.version}, ${Math.round(load.durationS / 60)} min of load${run.faults ? ' with faults' : ''}`,
		'',
		`Last run ${when(run.generatedAt)} on ${run.machine.cpus} CPUs (load average ${run.loadAverageAtStart?.[0] ?? '–'} at the start: ` +
			`${run.loadAverageAtStart?.[0] > run.machine.cpus ? 'the machine was shared, figures are pessimistic' : 'nothing else running'}). ` +
			`PostgreSQL ${run.topology?.postgres ?? '–'}, ${run.topology?.redis ?? 'Redis'}; worker concurrency ${run.topology?.workerConcurrency ?? '–'}. ` +
			`Setup ${run.timings?.['setup in all (s)'] ?? '–'} s, drain after the load ${load.drainS} s.`,
		'',
		`Sent: ${load.sent.items} items (${load.sent.itemsPerVendorPerMinute} per vendor per minute), ${load.sent.calls} webhook calls, ${load.sent.callbacks} callbacks. ` +
			`**Delivered: ${load.deliveredPerMinute} sink entries per minute** during the load (${load.delivered} in all).`,
		'',
		'| What | Workflows | Wanted | Delivered | Lost | Duplicated | Unexpected | Delay p50 | p95 | max |',
		'|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
	];
	const kinds = [
		['poll', 'Polled items (each to every trigger of its vendor)'],
		['action', 'Webhook → action node calls'],
		['callback', 'Welcorp callbacks'],
	];
	for (const [kind, label] of kinds) {
		const t = load.totals[kind];
		const d = load.delays[kind];
		const wfs = Object.values(load.perVendor[kind]).reduce((n, r) => n + r.workflows, 0);
		lines.push(
			`| ${label} | ${wfs} | ${t.wanted} | ${t.delivered} | ${t.lost} | ${t.duplicated} | ${t.unexpected} | ${secondsCell(d.p50)} | ${secondsCell(d.p95)} | ${secondsCell(d.max)} |`,
		);
	}
	const base = load.baselineDelays;
	lines.push(
		'',
		`Delays: from the emulator's item time (or the call, or the reply) to the sink node on a worker. Away from the faults: ` +
			kinds
				.map(
					([kind]) =>
						`${kind} p50 ${secondsCell(base[kind].p50)} / p95 ${secondsCell(base[kind].p95)}`,
				)
				.join(', ') +
			'. Polls run once a minute (n8n refuses shorter intervals), so a polled item waits half a minute on average.',
	);
	if (run.polls) {
		const other = Object.entries(run.polls.tasks)
			.filter(([status]) => status !== 'succeeded')
			.map(([status, n]) => `${n} ${status}`);
		lines.push(
			'',
			`Polls (durable scheduler, \`scheduled_task\`): ${run.polls.scheduled} due in the load window, ${run.polls.ran} ran` +
				(other.length ? ` (${other.join(', ')})` : '') +
				'.' +
				(run.executionsPerWorker
					? ` Executions per worker: ${run.executionsPerWorker.join(' / ')}.`
					: ''),
		);
	}
	if (load.faults?.length) {
		lines.push(
			'',
			'| Fault | At | Took | Delay of what it hit: polled p95 / max | calls p95 / max | callbacks p95 / max | Sender retries |',
			'|---|--:|--:|--:|--:|--:|--:|',
		);
		for (const f of load.faults) {
			const a = f.affected;
			const pair = (x) => (x.count ? `${num(x.p95)} / ${num(x.max)} s` : '–');
			const detail = [
				f.unreachableMs !== undefined ? `unreachable ${num(f.unreachableMs / 1000)} s` : null,
				f.stopMs !== undefined
					? `stop ${num(f.stopMs / 1000)} s, start ${num(f.startMs / 1000)} s`
					: null,
				f.requestsAnswered503 !== undefined ? `${f.requestsAnswered503} requests got 503` : null,
				f.mainRestartMs !== undefined ? `main restart ${num(f.mainRestartMs / 1000)} s` : null,
				f.pollCursors ? `poll cursors ${f.pollCursors.before} → ${f.pollCursors.after}` : null,
				f.error ? `**failed: ${escape(f.error)}**` : null,
			].filter(Boolean);
			lines.push(
				`| ${escape(f.name)}${detail.length ? ` (${detail.join('; ')})` : ''} | ${load.startedAt ? `${Math.round((f.at - load.startedAt) / 1000)} s` : '–'} | ${f.durationS} s | ${pair(a.poll)} | ${pair(a.action)} | ${pair(a.callback)} | ${f.callRetries + f.callbackRetries} |`,
			);
		}
		const reasons = (obj) =>
			Object.entries(obj)
				.map(([k, n]) => `${n}× ${k}`)
				.join(', ') || 'none';
		lines.push(
			'',
			`Retries by the senders (a webhook call answered with an error or refused is sent again; one cut off is sent again only if it did not reach its sink): calls ${reasons(load.retries.calls)}; callbacks ${reasons(load.retries.callbacks)}.`,
		);
	}
	if (run.processes) {
		lines.push(
			'',
			`| Process | CPU s | CPU % of one core | Peak RSS (with children) | Peak RSS of one process | Starts |`,
			'|---|--:|--:|--:|--:|--:|',
		);
		for (const [name, p] of Object.entries(run.processes.processes))
			lines.push(
				`| ${name} | ${num(p.cpuSeconds)} | ${num(p.cpuPercent)} | ${p.peakRssMb} MB | ${p.peakProcessHwmMb ? `${p.peakProcessHwmMb} MB` : '–'} | ${p.starts ?? '–'} |`,
			);
		lines.push('', `Over ${run.processes.wallSeconds} s (load and drain), from /proc.`);
	}
	if (run.cpuProfile) {
		const c = run.cpuProfile;
		lines.push(
			'',
			`Our nodes' share of ${c.worker}'s CPU (V8 profile, ${c.busyS} s busy in the load and drain): **${num(c.inclusiveShare, 2)} %** in our code and what it called (HTTP requests, n8n helpers), ${num(c.selfShare, 2)} % in our own functions` +
				(c.top?.length
					? ` (most: ${c.top
							.slice(0, 4)
							.map((t) => `\`${t.fn}\` ${num(t.share, 2)} %`)
							.join(', ')})`
					: '') +
				'.',
		);
	}
	const checks = [];
	if (run.waitingWebhook)
		checks.push(
			`a waiting execution resumed through the webhook processor (\`${run.waitingWebhook.resumeUrl}\`): ${run.waitingWebhook.status}`,
		);
	if (run.topology?.postgresWarning)
		checks.push(`n8n warns at every start: "${escape(run.topology.postgresWarning)}" (pinned)`);
	if (checks.length) lines.push('', `Also: ${checks.join('; ')}.`);
	return [...lines, ''];
}

function productionSection(runs) {
	const lines = [
		'## 6. Production topology under load',
		'',
		'Queue mode on PostgreSQL with a webhook processor, as docs/DEPLOYMENT.md describes it (e2e/topology/):',
		"Debian's PostgreSQL and Redis (append-only file), one main instance, two workers and one webhook processor,",
		'each instance with its own user folder and our package in its ~/.n8n/nodes; durable scheduler and durable',
		'poll cursors on; production webhooks only through the webhook processor. 100 active workflows: per vendor',
		'20 (polling triggers → sink, Webhook → our action node → sink, and for Welcorp also Welcorp Callback Trigger',
		'→ sink). The emulator gets items at a steady rate, every action workflow is called once a minute through',
		'the webhook processor and Welcorp posts reply callbacks to it, while the faults below are injected. Every',
		'item must reach every trigger workflow of its vendor once, every call and callback its workflow once.',
		'`npm run load` runs 10 minutes with every fault (and the upgrade drill); `npm run test:e2e` runs 1 minute',
		'without faults (with `E2E_LOAD_FAULTS=short`: the worker, the webhook processor and Redis restarted), as',
		'1 of 5 short runs with faults lost one webhook call (docs/DEPLOYMENT.md).',
		'',
	];
	if (!runs.length)
		return [...lines, ...missing('the production topology under load', 'npm run load')];
	for (const run of runs) lines.push(...productionRun(run));
	return lines;
}

function knownIssuesSection(faults, badInput, interrupted, capacity, soaks) {
	const issues = [
		...(faults?.cells ?? [])
			.filter((c) => c.status === 'known')
			.map(
				(c) =>
					`Fault matrix: ${c.vendor} ${c.operation} × ${c.kind} – ${escape(c.issue ?? c.detail ?? '')}`,
			),
		...(badInput?.cases ?? [])
			.filter((c) => c.status === 'known')
			.map((c) => `Bad input: ${c.vendor} ${c.name} – ${escape(c.detail ?? '')}`),
		...(interrupted?.cases ?? [])
			.filter((c) => c.status === 'known')
			.map((c) => `Interrupted poll: ${c.trigger} with ${c.items} new items loses them`),
		...soaks
			.filter(Boolean)
			.flatMap((data) =>
				data.triggers
					.filter((r) => r.lost)
					.map(
						(r) => `Soak (${data.cycles} cycles): ${r.trigger} lost ${r.lost} of ${r.items} items`,
					),
			),
		...(capacity && !capacity.lateArrivalEmitted
			? [
					`Cursor engine: a late arrival behind ${capacity.newerItems} newer items inside the late-arrival window is never emitted`,
				]
			: []),
	];
	if (!issues.length) return [];
	return [
		'## Known issues',
		'',
		'Reported bugs. Their tests still run and must keep failing until the bug is fixed (then the test fails',
		'until its row in test/reliability is removed), so every figure below is a bug to fix, not to explain.',
		'',
		...issues.map((issue) => `- ${issue}`),
		'',
	];
}

/** Writes docs/RELIABILITY.md from docs/data/reliability/ (nothing else is read). */
function render() {
	const faults = load('faults');
	const badInput = load('bad-input');
	const soakFull = load('soak-full');
	const soakShort = load('soak-short');
	const lines = [
		'# Reliability',
		'',
		`<!-- Generated by scripts/reliability.js from ${rel(DATA)}/*.json: do not edit by hand. -->`,
		'',
		'Figures from the last published runs of the suites in `test/reliability` (real n8n engine, vendor',
		`emulator over real HTTP), kept in \`${rel(DATA)}/\` so this file can be regenerated from the`,
		'repository. `npm run test:faults` runs parts 1, 3 and 4; `npm run soak` runs the soak with 1,000 cycles',
		'per trigger. Each of them keeps its figures there and rewrites this file. `npm test` (all four parts,',
		'the soak with 60 cycles per trigger) and `npm run test:e2e` (real n8n: the E2E rows of part 4 and part',
		'5, queue mode, and part 6, the production topology with a short load) leave their figures in',
		'`.cache/reliability/` only, and so does `npm run load` (part 6, the long load); `npm run reliability`',
		'takes the newer of them in and rewrites this file.',
		'',
		...knownIssuesSection(faults, badInput, load('interrupted'), load('capacity'), [
			soakFull,
			soakShort,
		]),
		...faultSection(faults),
		...soakSection(soakFull, soakShort, load('interrupted'), load('capacity')),
		...badInputSection(badInput),
		...secretsSection([
			['Fault matrix', faults],
			['Bad input', badInput],
			['Soak (1,000 cycles)', soakFull],
			['Soak (short)', soakShort],
		]),
		...queueSection(queueRuns()),
		...productionSection(productionRuns()),
	];
	writeWhole(
		OUTPUT,
		`${lines
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trimEnd()}\n`,
	);
	return OUTPUT;
}

async function main(command) {
	let status = 0;
	if (command === 'faults' || command === 'soak') {
		// The suites write into a folder of their own: only this run's figures are kept.
		const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), `voc-reliability-${command}-`));
		try {
			const run = runSuites(command, resultsDir);
			if (run.interrupted) {
				say('interrupted: no figures kept, docs/RELIABILITY.md unchanged');
				return 130;
			}
			status = run.status;
			const taken = await importFigures(resultsDir, { onlyNewer: false });
			say(`kept ${taken.join(', ') || 'no figures'} in ${rel(DATA)}/`);
		} finally {
			fs.rmSync(resultsDir, { recursive: true, force: true });
		}
	} else if (command === undefined) {
		const taken = await importFigures(CACHE, { onlyNewer: true });
		say(
			taken.length
				? `took in from ${rel(CACHE)}/: ${taken.join(', ')}`
				: `nothing newer in ${rel(CACHE)}/ than in ${rel(DATA)}/`,
		);
	} else if (command !== 'render') {
		throw new Error(`Unknown command "${command}" (use: faults, soak, render, or nothing)`);
	}
	say(`wrote ${rel(render())} from ${rel(DATA)}/`);
	return status;
}

if (require.main === module) {
	main(process.argv[2]).then(
		(status) => process.exit(status),
		(error) => {
			console.error(`[reliability] ${error.message}`);
			process.exit(1);
		},
	);
}

module.exports = { render, importFigures, RESULTS_ENV };
