'use strict';
// The production topology of docs/DEPLOYMENT.md, for real: PostgreSQL (../lib/postgres.js), Redis
// with persistence (./redis.js), one main instance, two workers and one webhook processor, each
// instance with its own user folder and our package installed in its ~/.n8n/nodes
// (../lib/queue.js, database 'postgres'); n8n's durable scheduler and durable poll cursors on; main
// serves no production webhook (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), every instance knows the
// webhook processor as WEBHOOK_URL (so $execution.resumeUrl points at its /webhook-waiting/).
// Then the workload of ./workload.js: 100 active workflows.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startQueueStack, DURABLE_ENV } = require('../lib/queue');
const { waitFor, sleep } = require('../lib/n8n');
const { httpRequest } = require('../lib/http');
const { startDurableRedis } = require('./redis');
const {
	LAYOUT,
	CALLBACK_TOKEN,
	vendors: vendorList,
	pollWorkflow,
	actionWorkflow,
	callbackWorkflow,
} = require('./workload');

/** Versions the production topology runs on (durable scheduler and poll cursors: n8n 2.40+). */
const PRODUCTION_VERSIONS = ['2.40.7', '2.41.1'];

/** Environment of the main instance only. */
const MAIN_ENV = {
	// production webhooks (and waiting-webhook resumes) only through the webhook processor
	N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
};

/** The worker whose CPU is profiled (`--cpu-prof`); the fault plan stops the other one. */
const PROFILED_WORKER = 'worker-2';

/**
 * Starts the topology. Resolves { q, redis, profileDir, timings }.
 * @param {object} o
 * @param {string} o.version
 * @param {object} o.emulator
 * @param {boolean} [o.profile]   profile PROFILED_WORKER's CPU (default true)
 * @param {(msg: string) => void} [o.progress]
 */
async function startProductionTopology({ version, emulator, profile = true, progress }) {
	const t0 = Date.now();
	const profileDir = profile
		? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-voc-cpuprof-'))
		: undefined;
	const removeProfiles = () => {
		if (profileDir && !process.env.E2E_KEEP)
			fs.rmSync(profileDir, { recursive: true, force: true });
	};
	let q;
	let redis;
	try {
		redis = await startDurableRedis();
		q = await startQueueStack({
			version,
			emulator,
			workers: 2,
			webhookProcessors: 1,
			database: 'postgres',
			redis,
			durable: true,
			// n8n's default worker concurrency
			concurrency: 10,
			mainEnv: MAIN_ENV,
			// a V8 CPU profile, written when the worker exits (a sample every 2 ms)
			processNodeArgs: (name) =>
				profileDir && name === PROFILED_WORKER
					? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=2000']
					: [],
			progress,
		});
	} catch (error) {
		removeProfiles();
		throw error;
	}
	return {
		q,
		redis,
		profileDir,
		timings: { ...q.timings, totalMs: Date.now() - t0 },
		async stop() {
			try {
				await q.stop();
			} finally {
				removeProfiles();
			}
		},
	};
}

/** Runs fn over list, at most n at a time. */
async function inParallel(list, n, fn) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(n, list.length) }, async () => {
			while (next < list.length) await fn(list[next++]);
		}),
	);
}

/** Sink names of the workload. */
const SINKS = {
	poll: (vendor) => `load-poll-${vendor}`,
	action: (vendor) => `load-action-${vendor}`,
	callback: 'load-callback-welcorp',
};

/**
 * Creates and activates the 100 workflows through main's REST API (as the editor does), waits for
 * the activation polls (their baseline) and for every webhook to answer through the webhook
 * processor. Resolves { vendors, workflows: { poll, action, callback }, timings }.
 */
async function setupWorkload({ q, emulator, progress = () => undefined }) {
	const { n8n } = q;
	const control = emulator.control;
	const webhookBase = q.webhooks[0].url;
	const vendors = vendorList({ emulator, credentials: q.stack.credentials });
	const timings = {};
	const workflows = { poll: [], action: [], callback: [] };

	// senders wait up to 15 s for the receiver (the emulator's default is 5 s)
	await control.vendor('welcorp').post('config', { callbackTimeoutMs: 15_000 });

	// Welcorp jobs that get the replies: created before the Welcorp triggers are active (baseline)
	const welcorp = vendors.find((v) => v.name === 'welcorp');
	const callbackSpecs = [];
	for (let i = 0; i < LAYOUT.welcorp.callback; i++) {
		const spec = callbackWorkflow({ index: i, sinkUrl: control.sinkUrl(SINKS.callback) });
		const url = `${webhookBase}/webhook/${spec.webhookId}/welcorp`;
		const job = await welcorp.callbackJob(`${url}?token=${CALLBACK_TOKEN}`, i + 1);
		callbackSpecs.push({ ...spec, url, ...job });
	}

	const post = async (url, body, type = 'application/json', method = 'POST') => {
		try {
			const headers =
				body === undefined
					? {}
					: { 'content-type': type, 'content-length': Buffer.byteLength(body) };
			return await httpRequest(url, { method, headers }, body);
		} catch {
			return { status: 0, body: '' };
		}
	};

	// Polling triggers, spread over the minute (n8n polls at most once a minute)
	let t = Date.now();
	const pollCount = Object.values(LAYOUT).reduce((n, l) => n + l.poll, 0);
	const pollsBefore = await Promise.all(vendors.map((v) => v.polls()));
	// spread evenly, starting 30 s from now (the first scheduled polls come after most activation polls)
	const base = new Date().getUTCSeconds() + 30;
	const pollSpecs = [];
	for (const v of vendors)
		for (let i = 0; i < LAYOUT[v.name].poll; i++) {
			const second = (base + Math.floor((pollSpecs.length * 60) / pollCount)) % 60;
			pollSpecs.push({ v, i, second });
		}
	await inParallel(pollSpecs, 4, async ({ v, i, second }) => {
		const created = await n8n.createWorkflow(
			pollWorkflow({ vendor: v, index: i, second, sinkUrl: control.sinkUrl(SINKS.poll(v.name)) }),
		);
		await n8n.activateWorkflow(created.id);
		workflows.poll.push({ id: created.id, vendor: v.name, second });
	});
	timings.activatePollTriggersMs = Date.now() - t;
	progress(
		`activated ${workflows.poll.length} polling triggers in ${Math.round(timings.activatePollTriggersMs / 1000)} s; waiting for their activation polls`,
	);
	await waitFor(
		'the activation polls (the baseline of every trigger)',
		async () =>
			(await Promise.all(vendors.map((v) => v.polls()))).every(
				(c, i) => c - pollsBefore[i] >= LAYOUT[vendors[i].name].poll,
			),
		240_000,
		1000,
	);
	await sleep(3000);
	timings.pollTriggersMs = Date.now() - t;

	// Webhook → action workflows and the callback triggers
	t = Date.now();
	const actionSpecs = [];
	for (const v of vendors) {
		const parameters = await v.action.parameters();
		for (let i = 0; i < LAYOUT[v.name].action; i++) actionSpecs.push({ v, i, parameters });
	}
	await inParallel(actionSpecs, 4, async ({ v, i, parameters }) => {
		const { hookPath, workflow } = actionWorkflow({
			vendor: v,
			index: i,
			parameters,
			sinkUrl: control.sinkUrl(SINKS.action(v.name)),
		});
		const created = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(created.id);
		workflows.action.push({
			id: created.id,
			vendor: v.name,
			hookPath,
			url: `${webhookBase}/webhook/${hookPath}`,
			mainUrl: `${n8n.url}/webhook/${hookPath}`,
		});
	});
	await inParallel(callbackSpecs, 4, async (spec) => {
		const created = await n8n.createWorkflow(spec.workflow);
		await n8n.activateWorkflow(created.id);
		workflows.callback.push({
			id: created.id,
			webhookId: spec.webhookId,
			url: spec.url,
			jobId: spec.jobId,
			destination: spec.destination,
		});
	});
	// stable order (round robin of the load goes over them in this order)
	for (const list of Object.values(workflows)) list.sort((a, b) => a.id.localeCompare(b.id));
	timings.activateWebhookWorkflowsMs = Date.now() - t;
	progress(
		`activated ${workflows.action.length} webhook → action and ${workflows.callback.length} callback workflows in ${Math.round(timings.activateWebhookWorkflowsMs / 1000)} s; waiting for the webhook processor to serve them`,
	);
	// registered once the webhook processor knows them (n8n 2.x activates in the background): a GET to
	// a POST webhook is refused with "Did you mean to make a POST request?" without running anything;
	// a callback trigger refuses a wrong token with 401 and starts nothing
	await inParallel(workflows.action, 8, (w) =>
		waitFor(
			`the webhook ${w.hookPath} through the webhook processor`,
			async () =>
				/Did you mean to make a POST request/.test((await post(w.url, undefined, '', 'GET')).body),
			180_000,
			500,
		),
	);
	await inParallel(workflows.callback, 6, (w) =>
		waitFor(
			`the callback trigger ${w.webhookId}`,
			async () =>
				(
					await post(
						`${w.url}?token=wrong`,
						'BroadcastID=1&Status=SENT',
						'application/x-www-form-urlencoded',
					)
				).status === 401,
			180_000,
			500,
		),
	);
	// one real call per vendor: the credentials' first logins happen now, not in the load
	for (const v of vendors) {
		const w = workflows.action.find((x) => x.vendor === v.name);
		await waitFor(
			`a first call of ${w.hookPath}`,
			async () =>
				(await post(w.url, JSON.stringify({ ref: `probe-${w.hookPath}` }))).status === 200,
			60_000,
			1000,
		);
	}
	timings.webhookWorkflowsMs = Date.now() - t;
	return { vendors, workflows, timings };
}

module.exports = {
	PRODUCTION_VERSIONS,
	MAIN_ENV,
	DURABLE_ENV,
	PROFILED_WORKER,
	SINKS,
	startProductionTopology,
	setupWorkload,
};
