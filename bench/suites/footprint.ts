import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

import { num, show, summarize, table } from '../lib/measure';
import { DIST, ROOT } from '../lib/package';
import type { BenchContext, Goal, Section } from '../lib/report';

/** The parts of the E2E suite's tools for real n8n installs (e2e/lib, plain JS) used here. */
interface N8nInstance {
	url: string;
	start(): Promise<unknown>;
	stop(): Promise<void>;
	packageLoadErrors(): string[];
}
interface E2eLib {
	ensureN8n(version: string): Promise<object>;
	packPackage(options: { build: boolean }): Promise<string>;
	removePack(tarball: string): void;
	installPackage(options: { userFolder: string; tarball: string; n8n: object }): Promise<unknown>;
	N8n: { create(options: { version: string; userFolder: string }): Promise<N8nInstance> };
	tempUserFolder(prefix: string): string;
}
const e2e: E2eLib = {
	...require('../../e2e/lib/install'),
	...require('../../e2e/lib/n8n'),
	...require('../../e2e/lib/stack'),
};
const { ensureN8n, installPackage, packPackage, removePack, N8n, tempUserFolder } = e2e;

const PACK_GOAL_BYTES = 150 * 1024;
const REQUIRE_GOAL_MS = 50;
const N8N_VERSION = '2.40.7';

interface PackInfo {
	size: number;
	unpackedSize: number;
	entryCount: number;
}

function npmPack(): PackInfo {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return (JSON.parse(out.slice(out.indexOf('['))) as PackInfo[])[0];
}

/**
 * A fresh Node process that has n8n-workflow loaded (n8n always has), then requires every node
 * and credential module the package lists, in the order n8n's loader does (credentials, nodes).
 */
const REQUIRE_SCRIPT = `
const { join } = require('node:path');
require('n8n-workflow');
const files = JSON.parse(process.argv[1]);
const times = [];
const start = performance.now();
for (const file of files) {
	const t = performance.now();
	require(join(process.argv[2], file));
	times.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ total: performance.now() - start, times }));
`;

function requireTimes(runs: number) {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { credentials: string[]; nodes: string[] };
	};
	const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((file) =>
		file.replace(/^dist\//, ''),
	);
	const samples = Array.from(
		{ length: runs + 1 },
		() =>
			JSON.parse(
				execFileSync(process.execPath, ['-e', REQUIRE_SCRIPT, JSON.stringify(files), DIST], {
					cwd: ROOT,
					encoding: 'utf8',
				}),
			) as { total: number; times: number[] },
	).slice(1);
	return {
		total: summarize(samples.map((s) => s.total)),
		perFile: files.map((file, i) => ({ file, ms: summarize(samples.map((s) => s.times[i])) })),
	};
}

/** n8n start-up: from spawning `n8n start` to /healthz/readiness answering 200 (polled every 50 ms). */
async function n8nStart(n8n: N8nInstance): Promise<number> {
	const started = performance.now();
	let ready: number | undefined;
	let stop = false;
	const watch = (async () => {
		while (!stop && ready === undefined) {
			try {
				const response = await fetch(`${n8n.url}/healthz/readiness`);
				if (response.status === 200) ready = performance.now();
			} catch {
				/* not listening yet */
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	})();
	await n8n.start();
	stop = true;
	await watch;
	return (ready ?? performance.now()) - started;
}

/** Two user folders of the same n8n, without and with the package; started in turn, so both see the same conditions. */
async function startUp(ctx: BenchContext, runs: number) {
	if (!existsSync(join(ROOT, '.cache', `n8n-${N8N_VERSION}`, '.complete')))
		return {
			skipped: `n8n ${N8N_VERSION} is not installed in .cache/ (\`node e2e/lib/install.js ${N8N_VERSION}\`)`,
		};
	const install = await ensureN8n(N8N_VERSION);
	const tarball = await packPackage({ build: false });
	const variants = ['without', 'with'] as const;
	const folders = {
		without: tempUserFolder('n8n-nodes-voc-bench-'),
		with: tempUserFolder('n8n-nodes-voc-bench-'),
	};
	const result = {
		without: { first: 0, again: [] as number[] },
		with: { first: 0, again: [] as number[] },
		loadErrors: [] as string[],
	};
	try {
		await installPackage({ userFolder: folders.with, tarball, n8n: install });
		const instances = {
			without: await N8n.create({ version: N8N_VERSION, userFolder: folders.without }),
			with: await N8n.create({ version: N8N_VERSION, userFolder: folders.with }),
		};
		const startStop = async (variant: (typeof variants)[number]) => {
			const ms = await n8nStart(instances[variant]);
			await instances[variant].stop();
			return ms;
		};
		for (const variant of variants) {
			ctx.log(`footprint: n8n ${N8N_VERSION} ${variant} the package, first start`);
			result[variant].first = await startStop(variant);
		}
		for (let round = 1; round <= runs; round++) {
			ctx.log(`footprint: n8n starts, round ${round}/${runs}`);
			for (const variant of variants) result[variant].again.push(await startStop(variant));
		}
		result.loadErrors = instances.with.packageLoadErrors();
	} finally {
		removePack(tarball);
		for (const folder of Object.values(folders)) rmSync(folder, { recursive: true, force: true });
	}
	return { result };
}

export async function footprint(ctx: BenchContext): Promise<Section> {
	ctx.log('footprint: npm pack');
	const pack = npmPack();
	ctx.log('footprint: require times');
	const requires = requireTimes(ctx.smoke ? 1 : 10);
	const startRuns = ctx.smoke ? 0 : ctx.runs;
	const start = ctx.smoke
		? { skipped: 'not measured in a smoke run' }
		: await startUp(ctx, startRuns);

	const goals: Goal[] = [
		{
			goal: '`npm pack` size ≤ 150 KB',
			measured: `${num(pack.size / 1024, 1)} KB (${num(pack.entryCount)} files, ${num(pack.unpackedSize / 1024, 1)} KB unpacked)`,
			met: pack.size <= PACK_GOAL_BYTES,
		},
		{
			goal: `Require every node and credential module ≤ ${REQUIRE_GOAL_MS} ms`,
			measured: show(requires.total),
			met: requires.total.median <= REQUIRE_GOAL_MS,
		},
	];
	const lines = [
		`**npm pack**: ${num(pack.size)} bytes packed (${num(pack.size / 1024, 1)} KB), ${num(pack.unpackedSize)} bytes unpacked, ${num(pack.entryCount)} files.`,
		'',
		`**Require time** of every module listed in package.json's \`n8n\` block, in a fresh Node process that has n8n-workflow loaded already (as n8n has), ${requires.total.n} processes: total ${show(requires.total)}. First require of each module (what it loads that the modules before it did not):`,
		'',
		table(
			['Module', 'Require'],
			requires.perFile.map(({ file, ms }) => [file, show(ms, 'ms', 1)]),
		),
		'',
	];
	if ('skipped' in start) {
		goals.push({
			goal: `n8n ${N8N_VERSION} start-up with and without the package (reported)`,
			measured: `not measured: ${start.skipped}`,
		});
		lines.push(`**n8n start-up**: not measured: ${start.skipped}.`);
	} else {
		const { without, with: withPackage, loadErrors } = start.result!;
		const again = (values: number[]) => show(summarize(values));
		const delta = summarize(withPackage.again.map((ms, i) => ms - without.again[i]));
		goals.push({
			goal: `n8n ${N8N_VERSION} start-up with and without the package (reported)`,
			measured: `${again(without.again)} without, ${again(withPackage.again)} with (difference ${show(delta)})`,
		});
		lines.push(
			`**n8n ${N8N_VERSION} start-up** (e2e/lib: \`n8n start\` in a new user folder with SQLite, until /healthz/readiness answers; the package installed as n8n installs a community package). The first start of a folder also creates the database; then ${startRuns} rounds, each starting (and stopping) the folder without and then the one with the package.`,
			'',
			table(
				['', 'First start (new database)', `Later starts (${startRuns})`, 'Package load errors'],
				[
					['Without the package', show(summarize([without.first])), again(without.again), '–'],
					[
						'With n8n-nodes-voc',
						show(summarize([withPackage.first])),
						again(withPackage.again),
						loadErrors.length ? loadErrors.join('<br>') : 'none',
					],
				],
			),
			'',
			`Later starts, with − without (per pair): ${show(delta)}.`,
		);
	}
	lines.push('', `Build folder measured: ${relative(ROOT, DIST)}/.`);
	return { title: 'Footprint', body: lines.join('\n'), goals };
}
