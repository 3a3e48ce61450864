'use strict';
// Jest's test runner for mutation runs (jest.mutation.config.js). Stryker picks the tests that cover
// a mutant by name (testNamePattern), but jest still loads every test file and runs each file's
// setup (engines, emulators) before skipping the other tests: most of a mutant's time. This runner
// records, during Stryker's first full run, which file holds which test, and afterwards runs only
// the files holding a test the pattern names. Without a pattern, or before the record exists, it
// runs every file given. Files are run most covering tests per second first and stop at the first failing test;
// a static mutant's run (every file) stops at the first failing file too.

const fs = require('node:fs');
const path = require('node:path');
const DefaultRunner = require('jest-runner').default;

const INDEX = process.env.MUTATION_TEST_INDEX;
// set by Stryker's jest runner for every mutant run, and only then
const STATIC_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** { tests: file → its tests' names, runtime: file → ms }, written by the first full run. */
function readIndex() {
	try {
		const index = JSON.parse(fs.readFileSync(INDEX, 'utf8'));
		return index.tests && index.runtime ? index : undefined;
	} catch {
		return undefined;
	}
}

class FilesOfNamedTestsRunner extends DefaultRunner {
	constructor(globalConfig, context) {
		super(globalConfig, context);
		this.rootDir = globalConfig.rootDir;
		this.pattern = globalConfig.testNamePattern
			? new RegExp(globalConfig.testNamePattern, 'i')
			: undefined;
	}

	relative(test) {
		return path.relative(this.rootDir, test.path);
	}

	async runTests(tests, watcher, options) {
		if (!INDEX) return super.runTests(tests, watcher, options);
		const index = readIndex();
		// A static mutant (module-level code, run when a file is loaded) is run against every test
		// without a pattern: once the record exists, it still stops at the first failing file.
		if (!this.pattern && process.env[STATIC_MUTANT] !== undefined && index) {
			// quickest files first: most static mutants (a description, a schema) fail a quick one
			const runtime = (test) => index.runtime[this.relative(test)] ?? Infinity;
			const quickFirst = [...tests].sort((a, b) => runtime(a) - runtime(b));
			return this.runUntilOneFails(quickFirst, watcher, options);
		}
		if (!this.pattern) return this.runAndRecord(tests, watcher, options);
		if (!index) return super.runTests(tests, watcher, options);
		const covering = (test) => {
			const names = index.tests[this.relative(test)];
			// a file the record does not know is run: better slow than a mutant wrongly kept alive
			return names ? names.filter((name) => this.pattern.test(name)).length : Infinity;
		};
		// covering tests per second of the file's run: a quick unit file holding a few covering tests
		// is tried before a slow one holding many (most mutants die in the first file run)
		const yieldOf = ({ test, count }) =>
			count === Infinity ? 0 : count / Math.max(index.runtime[this.relative(test)] ?? Infinity, 1);
		const needed = tests
			.map((test) => ({ test, count: covering(test) }))
			.filter(({ count }) => count > 0)
			.sort((a, b) => yieldOf(b) - yieldOf(a))
			.map(({ test }) => test);
		return this.runUntilOneFails(needed, watcher, options);
	}

	/** One failing test kills the mutant: the files after it are not run (Stryker's own bail). */
	async runUntilOneFails(tests, watcher, options) {
		let failed = false;
		const unsubscribe = this.on('test-file-success', ([, result]) => {
			if (result.numFailingTests > 0 || result.testExecError) failed = true;
		});
		const unsubscribeFailure = this.on('test-file-failure', () => {
			failed = true;
		});
		try {
			for (const test of tests) {
				if (failed) break;
				await super.runTests([test], watcher, options);
			}
		} finally {
			unsubscribe();
			unsubscribeFailure();
		}
	}

	async runAndRecord(tests, watcher, options) {
		const index = { tests: {}, runtime: {} };
		const unsubscribe = this.on('test-file-success', ([test, result]) => {
			index.tests[this.relative(test)] = result.testResults.map((t) => t.fullName);
			index.runtime[this.relative(test)] = result.perfStats.runtime;
		});
		try {
			return await super.runTests(tests, watcher, options);
		} finally {
			unsubscribe();
			fs.mkdirSync(path.dirname(INDEX), { recursive: true });
			fs.writeFileSync(INDEX, JSON.stringify(index));
		}
	}
}

module.exports = FilesOfNamedTestsRunner;
