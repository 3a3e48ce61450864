'use strict';
// What every E2E test file (e2e/<vendor>.e2e.test.ts, e2e/package.e2e.test.ts) shares: one emulator
// and one n8n per file, started before its tests and stopped after them; the vendor's credential
// imported through n8n's CLI and tested the way the editor's "Test" button does; workflows imported
// and run with `n8n execute`; and an active trigger → sink workflow with its exactly-once checks.
// The test files keep what is their vendor's own: its data, operations and ground truth. The
// workflow builders (./workflows.js) are exported here too.
//
//   const suite = vendorSuite({ timeZone: 'Asia/Riyadh', credential });
//   test('…', async () => { const run = await suite.execute(id); … suite.n8n …; suite.control … });

const fs = require('node:fs');
const path = require('node:path');
const { DEMO_VERSION } = require('./versions');
const { startEmulator } = require('./emulator');
const { startStack } = require('./stack');
const { sleep, waitFor } = require('./n8n');
const { sinkWorkflow, manualWorkflow, sinkNode, nodeType, everyMinuteAt } = require('./workflows');

/** The n8n version of this jest run (e2e/run.js sets it). */
const version = process.env.E2E_N8N_VERSION || DEMO_VERSION;

/**
 * Starts an emulator and an n8n (our package installed, the fixtures' credentials and the examples
 * imported) before the file's tests, stops both after them (beforeAll/afterAll of the calling file).
 *
 * @param {object} o
 * @param {string} o.timeZone  n8n's GENERIC_TIMEZONE and TZ: not UTC, so that dates cannot depend on it
 * @param {{id: string, name: string, type: string}} [o.credential]  imported under this id with the
 *   data e2e/fixtures/credentials.js built for its type (then `suite.data`)
 */
function vendorSuite({ timeZone, credential }) {
	const suite = {
		version,
		/** e2e/lib/emulator.js startEmulator() */
		emulator: undefined,
		/** e2e/lib/stack.js startStack() */
		stack: undefined,
		/** e2e/lib/n8n.js N8n */
		n8n: undefined,
		credential,
		/** the credential's data (with `credential`) */
		data: undefined,

		/** The emulator's control API (e2e/lib/emulator.js EmulatorControl). */
		get control() {
			return suite.emulator.control;
		},

		vendorUrl(name) {
			return suite.emulator.vendors.find((vendor) => vendor.name === name).url;
		},

		/** Writes a file into a new folder of n8n's user folder; resolves its path. */
		writeFile(name, content) {
			const dir = fs.mkdtempSync(path.join(suite.stack.userFolder, 'import-'));
			fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
			return path.join(dir, name);
		},

		/** `n8n import:credentials` of [{ id, name, type, data }]. */
		importCredentials(credentials) {
			return suite.n8n.importCredentials(suite.writeFile('credentials.json', credentials));
		},

		/** `n8n import:workflow` of an inactive workflow with n8n's current execution order. */
		importWorkflow(workflow) {
			const file = suite.writeFile('workflow.json', {
				active: false,
				settings: { executionOrder: 'v1' },
				...workflow,
			});
			return suite.n8n.importWorkflow(file);
		},

		/** `n8n execute --id <id>`: resolves n8n's IRun, throws with n8n's output if it failed. */
		async execute(id) {
			const result = await suite.n8n.execute(id);
			if (!result.ok) {
				const reason = result.error
					? JSON.stringify(result.error).slice(0, 2000)
					: result.run
						? 'no error recorded'
						: 'no run in the output';
				throw new Error(
					`execution of ${id} failed (exit ${result.code}): ${reason}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`,
				);
			}
			return result.run;
		},

		/**
		 * The editor's credential "Test" (POST /rest/credentials/test): the suite's credential passes,
		 * and fails with `wrong` merged into its data. Resolves the failing answer for the vendor's checks.
		 */
		async testCredential(wrong) {
			expect(await suite.n8n.testCredential({ ...credential, data: suite.data })).toEqual({
				status: 'OK',
				message: expect.any(String),
			});
			const answer = await suite.n8n.testCredential({
				...credential,
				data: { ...suite.data, ...wrong },
			});
			expect(answer.status).toBe('Error');
			return answer;
		},
	};

	beforeAll(async () => {
		suite.emulator = await startEmulator();
		suite.stack = await startStack({
			version,
			emulator: suite.emulator,
			env: { GENERIC_TIMEZONE: timeZone, TZ: timeZone },
			progress: () => undefined,
		});
		suite.n8n = suite.stack.n8n;
		if (credential) {
			suite.data = suite.stack.credentials.find((c) => c.type === credential.type).data;
			await suite.importCredentials([{ ...credential, data: suite.data }]);
		}
	}, 600_000);

	afterAll(async () => {
		if (suite.stack) await suite.stack.stop();
		if (suite.emulator) await suite.emulator.close();
	}, 120_000);

	return suite;
}

/**
 * An active polling trigger that posts what it emits to an emulator sink, and the checks that
 * what reached the sink came exactly once. n8n polls at most once a minute (it refuses shorter
 * intervals): the trigger polls at second `second` of every minute, `leadSeconds` after now.
 *
 * @param suite   a vendorSuite()
 * @param {object} o
 * @param {string} o.sink                      sink name
 * @param {(item: object) => unknown} o.keyOf  key of an item at the sink
 * @param {() => Promise<number>} o.polls      a counter at the emulator that grows with every poll
 * @param {number} [o.leadSeconds]
 */
class TriggerToSink {
	constructor(suite, { sink, keyOf, polls, leadSeconds = 20 }) {
		this.suite = suite;
		this.sink = sink;
		this.keyOf = keyOf;
		this.polls = polls;
		this.second = (new Date().getUTCSeconds() + leadSeconds) % 60;
	}

	/** The trigger's pollTimes parameter. */
	pollTimes() {
		return everyMinuteAt(this.second);
	}

	/** Keys of what reached the sink, in order of arrival. */
	async keys() {
		return (await this.suite.control.sink(this.sink)).map(this.keyOf);
	}

	/**
	 * Saves and activates `name`: `trigger` → sink. Activation runs one poll (the baseline: what exists
	 * then is never delivered); n8n 2.x activates in the background after the REST call returns, so
	 * this waits for that poll, or "after activation" would be a race.
	 */
	async activate({ name, trigger }) {
		const { n8n, control } = this.suite;
		const created = await n8n.createWorkflow(
			sinkWorkflow({ name, trigger, sinkUrl: control.sinkUrl(this.sink) }),
		);
		const pollsBeforeActivation = await this.polls();
		await n8n.activateWorkflow(created.id);
		await waitFor(
			'the activation poll',
			async () => (await this.polls()) > pollsBeforeActivation,
			30_000,
			250,
		);
		await sleep(1000);
		return created;
	}

	/** The first time the trigger fires after `afterMs`. */
	nextFire(afterMs) {
		let t = Math.floor(afterMs / 1000) * 1000 + 1000;
		while (new Date(t).getUTCSeconds() !== this.second) t += 1000;
		return t;
	}

	/** Waits for the first scheduled poll after `afterMs` to have run and delivered `count` items in all. */
	async scheduledPoll(afterMs, count) {
		const fire = this.nextFire(afterMs + 2000);
		await sleep(Math.max(0, fire - 1500 - Date.now()));
		const before = await this.polls();
		await waitFor(
			`the poll at ${new Date(fire).toISOString()}`,
			async () => (await this.polls()) > before && Date.now() >= fire,
			30_000,
			250,
		);
		await waitFor(
			`${count} items at the sink`,
			async () => (await this.keys()).length >= count,
			30_000,
		);
		await sleep(3000); // anything delivered twice would arrive now
	}

	/** Waits until `also()` (if given) holds and the sink has `count` items, then for any repeat to arrive. */
	async delivered(what, count, timeoutMs, also) {
		await waitFor(
			what,
			async () => (!also || (await also())) && (await this.keys()).length >= count,
			timeoutMs,
		);
		await sleep(3000);
	}

	/** The sink holds exactly `expected` (in any order). */
	async expectKeys(expected) {
		expect([...(await this.keys())].sort()).toEqual([...expected].sort());
	}

	/** Runs `addDuring` and restarts n8n, then `addAfter`; resolves the keys both added. */
	async acrossRestart(addDuring, addAfter) {
		const during = await addDuring();
		await this.suite.n8n.restart();
		const after = await addAfter();
		return [...during, ...after];
	}

	/** Each of `expected` reached the sink once, nothing else did (`before[0]`, there at activation, included), and n8n logged no load error for our package. */
	async expectExactlyOnce(expected, before) {
		const keys = await this.keys();
		expect([...keys].sort()).toEqual([...expected].sort());
		expect(keys).not.toContain(before[0]);
		expect(this.suite.n8n.packageLoadErrors()).toEqual([]);
	}
}

module.exports = {
	vendorSuite,
	TriggerToSink,
	manualWorkflow,
	sinkWorkflow,
	sinkNode,
	nodeType,
	version,
	sleep,
	waitFor,
};
