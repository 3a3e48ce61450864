import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { ROOT } from './lib/package';
import type { BenchContext, Section } from './lib/report';
import { bulkRead } from './suites/bulkRead';
import { fanOut } from './suites/fanOut';
import { footprint } from './suites/footprint';
import { logins } from './suites/logins';
import { polling } from './suites/polling';
import { summary } from './suites/summary';

/**
 *   npm run bench              every suite, full sizes: keeps the figures in
 *                              docs/data/bench/benchmarks.json, writes docs/BENCHMARKS.md from them
 *                              (about 45 minutes)
 *   npm run bench:smoke        tiny sizes, one run, prints the report only (CI keeps it working)
 *   npm run bench -- --only fanOut,polling --runs 7
 *   npm run bench -- --only summary --keep   those suites' sections replace theirs in the kept figures
 *   npm run bench -- --render  docs/BENCHMARKS.md again from docs/data/bench/benchmarks.json (no run)
 * Suites: bench/suites/*.ts; the why of missed goals: bench/findings.md. Paths:
 * scripts/report-paths.js.
 */
const SUITES: Record<string, (ctx: BenchContext) => Promise<Section>> = {
	bulkRead,
	fanOut,
	polling,
	logins,
	footprint,
	summary,
};

const { BENCHMARKS } = require('../scripts/report-paths') as {
	BENCHMARKS: { report: string; data: string };
};

/** A section; `ran` is set when it was run on its own (`--only … --keep`), after the whole run. */
type KeptSection = Section & { ran?: { started: string; finished: string; load: number[] } };

/** The figures of a run: everything docs/BENCHMARKS.md is made of, but bench/findings.md. */
export interface BenchData {
	/** Counted runs per measurement. */
	runs: number;
	started: string;
	finished: string;
	load: { start: number[]; end: number[] };
	machine: {
		cpus: number;
		cpuModel: string;
		memoryGB: number;
		platform: string;
		release: string;
		node: string;
	};
	sections: KeptSection[];
	/** Set when the figures were reconstructed from an earlier BENCHMARKS.md. */
	reconstructed?: string;
}

/** Written whole then renamed: a reader never sees half a file. */
function writeWhole(file: string, text: string): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(`${file}.tmp`, text);
	renameSync(`${file}.tmp`, file);
}

/** JSON as prettier (the repository's settings) writes it, so that `npm run lint` accepts it. */
async function formatJson(file: string, data: unknown): Promise<string> {
	const text = `${JSON.stringify(data, null, '\t')}\n`;
	const prettier = (await import('prettier')) as typeof import('prettier');
	const options = (await prettier.resolveConfig(file)) ?? {};
	return await prettier.format(text, { ...options, filepath: file });
}

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const say = (message: string) =>
		process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
	if (process.argv.includes('--render')) {
		const data = JSON.parse(readFileSync(BENCHMARKS.data, 'utf8')) as BenchData;
		writeWhole(BENCHMARKS.report, render(data));
		say(`wrote ${relative(ROOT, BENCHMARKS.report)} from ${relative(ROOT, BENCHMARKS.data)}`);
		return;
	}
	if (!global.gc) throw new Error('run with node --expose-gc (see the "bench" script)');
	const smoke = process.argv.includes('--smoke');
	const ctx: BenchContext = {
		runs: Number(option('runs') ?? (smoke ? 1 : 5)),
		smoke,
		size: (full, small) => (smoke ? small : full),
		log: say,
	};
	const only = option('only')?.split(',');
	const started = new Date();
	const load = loadavg();
	const sections: Section[] = [];
	for (const [name, suite] of Object.entries(SUITES)) {
		if (only && !only.includes(name)) continue;
		ctx.log(`suite ${name}`);
		sections.push(await suite(ctx));
	}
	const cpu = cpus();
	const data: BenchData = {
		runs: ctx.runs,
		started: started.toISOString(),
		finished: new Date().toISOString(),
		load: { start: load, end: loadavg() },
		machine: {
			cpus: cpu.length,
			cpuModel: cpu[0]?.model ?? 'unknown CPU',
			memoryGB: Math.round(totalmem() / 2 ** 30),
			platform: platform(),
			release: release(),
			node: process.version,
		},
		sections,
	};
	if (only && !smoke && process.argv.includes('--keep')) {
		const kept = JSON.parse(readFileSync(BENCHMARKS.data, 'utf8')) as BenchData;
		const ran = { started: data.started, finished: data.finished, load: data.load.start };
		for (const section of sections) {
			const at = kept.sections.findIndex((old) => old.title === section.title);
			if (at === -1) kept.sections.push({ ...section, ran });
			else kept.sections[at] = { ...section, ran };
		}
		writeWhole(BENCHMARKS.data, await formatJson(BENCHMARKS.data, kept));
		writeWhole(BENCHMARKS.report, render(kept));
		ctx.log(`replaced ${only.join(', ')} in ${relative(ROOT, BENCHMARKS.data)}, wrote the report`);
		return;
	}
	if (smoke || only) {
		process.stdout.write(render(data));
		ctx.log('done (docs/BENCHMARKS.md and its figures are written only by a full run)');
		return;
	}
	// The figures first (tracked), then the report made from them alone.
	writeWhole(BENCHMARKS.data, await formatJson(BENCHMARKS.data, data));
	writeWhole(BENCHMARKS.report, render(data));
	ctx.log(
		`kept the figures in ${relative(ROOT, BENCHMARKS.data)}, wrote ${relative(ROOT, BENCHMARKS.report)}`,
	);
}

function ranAlone(ran: NonNullable<KeptSection['ran']>): string {
	const minutes = Math.round((Date.parse(ran.finished) - Date.parse(ran.started)) / 60_000);
	const load = ran.load.map((v) => v.toFixed(2)).join(' / ');
	return `_Run on its own (\`--only … --keep\`), started ${ran.started}, took ${minutes} min, load average at start ${load}._`;
}

/** docs/BENCHMARKS.md from a run's figures and bench/findings.md. */
function render(data: BenchData): string {
	const mark = (met?: boolean) => (met === undefined ? '–' : met ? 'met' : '**missed**');
	const goals = data.sections.flatMap((section) => section.goals);
	const { machine } = data;
	const minutes = Math.round((Date.parse(data.finished) - Date.parse(data.started)) / 60_000);
	return [
		'# Benchmarks',
		'',
		`Generated by \`npm run bench\` (bench/run.ts) from ${relative(ROOT, BENCHMARKS.data)}; do not edit by hand.`,
		`Figures are median (min–max) of ${data.runs} runs after one warm-up run; ratios are taken within a round,`,
		'variants run side by side. Absolute times are context only: they depend on the machine and on what',
		'else runs on it.',
		'',
		'## Machine',
		'',
		`- ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB RAM, ${machine.platform} ${machine.release}`,
		`- Node.js ${machine.node}; n8n-core / n8n-workflow as in package.json (the engine of n8n 1.123.81)`,
		`- Load average at start ${data.load.start.map((v) => v.toFixed(2)).join(' / ')}, at end ${data.load.end
			.map((v) => v.toFixed(2))
			.join(' / ')}`,
		`- Started ${data.started}, took ${minutes} min`,
		'- Emulator (sandbox/server.ts) in a child process on 127.0.0.1; our nodes from dist/ (what ships), run by the',
		"  jest harness (test/harness) in n8n-core's WorkflowExecute / PollContext with its credential store.",
		'',
		'## Commands',
		'',
		'```',
		'npm run bench          # npm run build && node --expose-gc --max-old-space-size=8192 -r ts-node/register/transpile-only bench/run.ts',
		'npm run bench:smoke    # the same with --smoke: tiny sizes, one run, report on stdout only (for CI)',
		'npm run bench -- --only bulkRead,fanOut --runs 7     # some suites, more runs; report on stdout only',
		'npm run bench -- --only summary --keep              # those sections replaced in the kept figures and the report',
		`npm run bench -- --render                           # docs/BENCHMARKS.md again from ${relative(ROOT, BENCHMARKS.data)}, no run`,
		'```',
		'',
		'## Goals',
		'',
		'| Goal | Measured | Status |',
		'| --- | --- | --- |',
		...goals.map(
			(goal) =>
				`| ${goal.goal} | ${goal.measured} | ${mark(goal.met)}${goal.note ? `: ${goal.note}` : ''} |`,
		),
		'',
		...data.sections.flatMap((section) => [
			`## ${section.title}`,
			'',
			...(section.ran ? [ranAlone(section.ran), ''] : []),
			section.body,
			'',
		]),
		'## Findings',
		'',
		readFileSync(join(__dirname, 'findings.md'), 'utf8'),
	].join('\n');
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
