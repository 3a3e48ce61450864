#!/usr/bin/env node
'use strict';
// `npm run mutation`: StrykerJS over the shared core and each vendor's transport and trigger code
// (stryker.config.mjs), then docs/MUTATION.md with the score per folder and every surviving mutant,
// either listed in docs/data/mutation/equivalent.json with the reason it changes nothing a user
// can see, or marked "to kill" (a missing test).
//   npm run mutation                         every area, one Stryker run each (incremental: unchanged
//                                            code is not re-run)
//   npm run mutation -- --area nodes/Wolkvox one area (the report keeps the other areas' figures)
//   npm run mutation -- --area nodes/WeClever --force
//                                            every mutant again (without it, a rerun tests again
//                                            the mutants whose code or tests changed, and every
//                                            static survivor: see forgetStaticSurvivors)
//   npm run mutation -- --area nodes/shared --files nodes/shared/retry.ts,nodes/shared/login.ts
//                                            only these files of the area (a large area measured a
//                                            few files at a time; the report says how many files of
//                                            each folder its figures cover)
//   npm run mutation -- --render             docs/MUTATION.md again from the kept figures
// An area is the shared core, tested by every fast test, or one vendor's transport and trigger
// code, tested by that vendor's own tests only (stryker.config.mjs, jest.mutation.config.js).
// Not part of CI: a full run takes a long time on two cores.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, MUTATION } = require('./report-paths');
const { AREAS, filesOf } = require('./mutation-areas');

const SCORE_GOALS = { 'nodes/shared': 85, vendor: 75 };

/** Where Stryker keeps an area's report, incremental file and test index (untracked). */
const areaDir = (area) => path.join(path.dirname(MUTATION.raw), area.replace(/\//g, '-'));

const reportOf = (area) => path.join(areaDir(area), 'mutation.json');
const partialReportOf = (area) => path.join(areaDir(area), 'mutation.partial.json');

/**
 * The part of a stopped run's results (scripts/mutation-live.mjs) that can be trusted: the files
 * whose mutants were all tested.
 */
function completeFiles(partial) {
	const files = Object.entries(partial?.files ?? {}).filter(([, { mutants }]) =>
		mutants.every((mutant) => mutant.status !== 'Pending'),
	);
	return { files: Object.fromEntries(files) };
}

function runStryker(area, args) {
	// a run stopped before its end leaves no report: an older one must not be taken for it
	fs.rmSync(reportOf(area), { force: true });
	fs.mkdirSync(areaDir(area), { recursive: true });
	// The package exports no bin path: its file is taken as npm installs it.
	const stryker = path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
	const result = spawnSync(process.execPath, [stryker, 'run', ...args], {
		cwd: ROOT,
		stdio: 'inherit',
		// which test file holds which test, recorded by the first full run (scripts/mutation-runner.js)
		env: {
			...process.env,
			MUTATION_AREA: area,
			MUTATION_TEST_INDEX: path.join(areaDir(area), 'test-index.json'),
			// each survivor as soon as it is known, and every result so far (scripts/mutation-live.mjs)
			MUTATION_LIVE_SURVIVORS: path.join(areaDir(area), 'survivors.live.txt'),
			MUTATION_PARTIAL_REPORT: partialReportOf(area),
		},
	});
	return result.status ?? 1;
}

const readJson = (file, fallback) =>
	fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : fallback;

/** nodes/shared, nodes/WesalVoc…: the folder a mutated file is scored under. */
const folderOf = (file) => file.split('/').slice(0, 2).join('/');

/**
 * A mutant's identity that survives unrelated edits: file, mutator, the replaced text and the
 * line it is on (the same `'message' → ""` on two lines of a file are two mutants).
 */
const keyOf = (file, mutant, source) => {
	const lines = source.split('\n');
	const { start, end } = mutant.location;
	const line = lines[start.line - 1];
	const original =
		start.line === end.line
			? line.slice(start.column - 1, end.column - 1)
			: line.slice(start.column - 1);
	const replacement = String(mutant.replacement ?? '').trim();
	return `${file} | ${mutant.mutatorName} | ${original.trim()} → ${replacement} | on: ${line.trim()}`;
};

/** A key without its file and line: the mutator and the change. */
const whatChanged = (key) => key.split(' | on: ')[0].split(' | ').slice(1).join(' | ');

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Folds Stryker's report into figures per mutated file and the list of survivors. */
function summarize(report) {
	const files = {};
	const survivors = [];
	for (const [file, { source, mutants }] of Object.entries(report.files)) {
		const entry = (files[file] = { detected: 0, counted: 0 });
		for (const mutant of mutants) {
			if (!COUNTED.has(mutant.status)) continue;
			entry.counted++;
			if (DETECTED.has(mutant.status)) entry.detected++;
			else {
				survivors.push({
					key: keyOf(file, mutant, source),
					file,
					line: mutant.location.start.line,
					status: mutant.status,
				});
			}
		}
	}
	return { files, survivors };
}

/** Takes one run's figures into the kept ones: a measured file's figures and survivors replace its old ones. */
function merge(kept, measured, at, { files, survivors }) {
	const fresh = new Set(measured);
	const byFile = { ...kept.files };
	for (const file of measured)
		byFile[file] = { ...(files[file] ?? { detected: 0, counted: 0 }), at };
	// figures kept per folder by runs before files were counted one by one
	const folders = { ...kept.folders };
	for (const file of measured) delete folders[folderOf(file)];
	return {
		generatedAt: at,
		folders,
		files: byFile,
		survivors: [...(kept.survivors ?? []).filter((s) => !fresh.has(s.file)), ...survivors],
	};
}

/** Each folder's figures: the sum of its measured files, or a whole-folder figure of an older run. */
function folderFigures(kept) {
	const figures = {};
	for (const [folder, entry] of Object.entries(kept.folders ?? {}))
		figures[folder] = { ...entry, measured: undefined };
	for (const [file, entry] of Object.entries(kept.files ?? {})) {
		const folder = folderOf(file);
		const sum = (figures[folder] ??= { detected: 0, counted: 0, measured: 0 });
		sum.detected += entry.detected;
		sum.counted += entry.counted;
		sum.measured++;
	}
	return figures;
}

const percent = (detected, counted) => (counted ? (100 * detected) / counted : 100);

function render(kept, equivalent) {
	const lines = [
		'# Mutation testing',
		'',
		'Generated by `npm run mutation` (StrykerJS, stryker.config.mjs): every one-line change Stryker',
		"can make to the shared core and to each vendor's transport and trigger code, run against the",
		"tests that cover it (a vendor's code against that vendor's own tests only). A mutant no test",
		'detects is a behaviour no test pins: it is killed by a new',
		'test, or listed in docs/data/mutation/equivalent.json with the reason it changes nothing a user',
		'can see. Goals: ≥ 85 % on nodes/shared, ≥ 75 % on every vendor folder.',
		'A large area is measured a few files at a time (`--files`): "Files measured" says how many',
		"of the folder's files its figures cover, and its goal is judged once they all are.",
		'',
		`Last run: ${kept.generatedAt ?? 'never'}.`,
		'',
		'| Folder | Files measured | Mutants | Detected | Equivalent | Score | Goal |',
		'|---|--:|--:|--:|--:|--:|--:|',
	];
	const survivorsByFolder = {};
	for (const survivor of kept.survivors ?? []) {
		(survivorsByFolder[folderOf(survivor.file)] ??= []).push(survivor);
	}
	const figures = folderFigures(kept);
	for (const folder of AREAS.filter((area) => !figures[area]))
		lines.push(`| ${folder} | 0 of ${filesOf(folder).length} | | | | | not measured yet |`);
	for (const [folder, { detected, counted, measured }] of Object.entries(figures).sort()) {
		const equivalentHere = (survivorsByFolder[folder] ?? []).filter(
			(s) => equivalent[s.key],
		).length;
		const score = percent(detected + equivalentHere, counted);
		const goal = folder === 'nodes/shared' ? SCORE_GOALS['nodes/shared'] : SCORE_GOALS.vendor;
		const total = filesOf(folder).length;
		const whole = measured === undefined || measured === total;
		lines.push(
			`| ${folder} | ${measured ?? total} of ${total} | ${counted} | ${detected} | ${equivalentHere} | ${score.toFixed(1)} % | ${whole ? (score >= goal ? '✓' : '✗') : 'not all files measured:'} ${goal} % |`,
		);
	}
	const open = (kept.survivors ?? []).filter((s) => !equivalent[s.key]);
	const judged = (kept.survivors ?? []).filter((s) => equivalent[s.key]);
	lines.push('', `## To kill (${open.length})`, '');
	if (!open.length) lines.push('None.');
	for (const s of open)
		lines.push(`- \`${s.file}:${s.line}\` ${s.status}: \`${whatChanged(s.key)}\``);
	lines.push('', `## Equivalent (${judged.length})`, '');
	if (!judged.length) lines.push('None.');
	for (const s of judged) {
		lines.push(`- \`${s.file}:${s.line}\` \`${whatChanged(s.key)}\`: ${equivalent[s.key]}`);
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Stryker's incremental mode keeps the result of a static mutant (module-level code, run against
 * every test) even when the tests have changed since. A rerun after new tests is for the survivors:
 * the static ones are dropped from the incremental file so that they are tested again.
 */
function forgetStaticSurvivors(incremental) {
	let forgotten = 0;
	for (const file of Object.values(incremental.files ?? {})) {
		const kept = file.mutants.filter((mutant) => !(mutant.static && mutant.status === 'Survived'));
		forgotten += file.mutants.length - kept.length;
		file.mutants = kept;
	}
	return forgotten;
}

/** The value after a flag (`--area nodes/Wolkvox`), and the arguments without the two. */
function takeFlag(args, flag) {
	const at = args.indexOf(flag);
	if (at === -1) return { value: undefined, rest: args };
	return { value: args[at + 1], rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

function main() {
	const renderOnly = process.argv.includes('--render');
	let status = 0;
	const readKept = () => readJson(MUTATION.data, { folders: {}, files: {}, survivors: [] });
	if (!renderOnly) {
		const area = takeFlag(process.argv.slice(2), '--area');
		const only = takeFlag(area.rest, '--files');
		const areas = area.value === undefined ? AREAS : [area.value];
		const unknown = areas.find((name) => !AREAS.includes(name));
		if (unknown !== undefined) {
			console.error(`[mutation] unknown area ${unknown}; areas: ${AREAS.join(', ')}`);
			return 1;
		}
		const files = only.value?.split(',');
		const outside = files?.find((file) => areas.length > 1 || !filesOf(areas[0]).includes(file));
		if (outside !== undefined) {
			console.error(`[mutation] --files needs --area and files it mutates: ${outside} is not one`);
			return 1;
		}
		for (const name of areas) {
			console.log(`[mutation] ${name}${files ? ` (${files.join(', ')})` : ''}`);
			const args = files ? [...only.rest, '--mutate', files.join(',')] : only.rest;
			const incrementalFile = path.join(areaDir(name), 'incremental.json');
			const incremental = readJson(incrementalFile, undefined);
			if (incremental && !args.includes('--force')) {
				const forgotten = forgetStaticSurvivors(incremental);
				fs.writeFileSync(incrementalFile, JSON.stringify(incremental));
				if (forgotten) console.log(`[mutation] ${forgotten} static survivors tested again`);
			}
			status = runStryker(name, args) || status;
			let report = readJson(reportOf(name), undefined);
			let measured = files ?? filesOf(name);
			if (!report) {
				report = completeFiles(readJson(partialReportOf(name), undefined));
				measured = Object.keys(report.files);
				console.error(
					`[mutation] Stryker stopped before its end: kept the ${measured.length} files whose mutants were all tested`,
				);
				if (!measured.length) return status || 1;
			}
			// read after the run, which takes long: what changed meanwhile (another area) is kept
			const kept = merge(readKept(), measured, new Date().toISOString(), summarize(report));
			fs.mkdirSync(path.dirname(MUTATION.data), { recursive: true });
			fs.writeFileSync(MUTATION.data, `${JSON.stringify(kept, null, '\t')}\n`);
		}
	}
	fs.mkdirSync(path.dirname(MUTATION.report), { recursive: true });
	fs.writeFileSync(MUTATION.report, render(readKept(), readJson(MUTATION.equivalent, {})));
	console.log(`[mutation] wrote ${path.relative(ROOT, MUTATION.report)}`);
	return status;
}

if (require.main === module) process.exitCode = main();

module.exports = { summarize, merge, render, forgetStaticSurvivors, completeFiles };
