'use strict';
// The workload of the production-topology E2E (e2e/topology/production.e2e.test.ts) and of
// `npm run load`: per vendor of the n8n block, polling-trigger workflows and Webhook → our action node
// workflows (Welcorp also Welcorp Callback Trigger workflows), 100 in all, each ending in an emulator
// sink; what the emulator adds per vendor (its control API, or the vendor API where the emulator has
// no control route) and how a delivered item is recognised.
//
// Every sink entry carries the workflow id, the key of what it delivers and the time the worker ran
// the sink node ($now.toMillis(), the same clock as the emulator's: offset 0), so delays and
// exactly-once are computed per workflow from the sinks alone.

const { PACKAGE_NAME } = require('../lib/install');
const { vendorDrivers } = require('../lib/vendorDrivers');
const {
	sinkNode,
	sinkWorkflow,
	actionWorkflow: webhookActionWorkflow,
	webhookNode,
	everyMinuteAt,
	chainConnections,
} = require('../lib/workflows');

/** Workflows per vendor: 20 each, 100 in all. */
const LAYOUT = {
	'wesal-voc': { poll: 10, action: 10, callback: 0 },
	'wesal-portal': { poll: 10, action: 10, callback: 0 },
	weclever: { poll: 10, action: 10, callback: 0 },
	wolkvox: { poll: 10, action: 10, callback: 0 },
	welcorp: { poll: 7, action: 7, callback: 6 },
};

/** The Welcorp Callback Trigger's Secret Token (the callback URL carries it as ?token=). */
const CALLBACK_TOKEN = 'prod-topology-callback-token-7c1e';

/** The credential of e2e/fixtures/credentials.js each vendor's workflows share (as users do). */
const CREDENTIALS = {
	'wesal-voc': { type: 'wesalVocApi', id: 'wesalVocApiToken' },
	'wesal-portal': { type: 'wesalPortalApi', id: 'wesalPortalEmulator' },
	weclever: { type: 'weCleverApi', id: 'weCleverEmulator' },
	wolkvox: { type: 'wolkvoxApi', id: 'wolkvoxEmulator' },
	welcorp: { type: 'welcorpApi', id: 'welcorpEmulator' },
};

/**
 * Vendor definitions (../lib/vendorDrivers.js) against a started emulator and the credentials the
 * stack imported, each with its `credential` ({ type, ref, data }); Welcorp's also with `callbackJob`.
 * @param {object} o
 * @param {object} o.emulator       ../lib/emulator.js startEmulator()
 * @param {object[]} o.credentials  the stack's credentials ({ id, name, type, data })
 */
function vendors({ emulator, credentials }) {
	const credentialOf = (name) => {
		const { type, id } = CREDENTIALS[name];
		const found = credentials.find((c) => c.id === id);
		if (!found) throw new Error(`the stack imported no credential ${id}`);
		return { type, ref: { [type]: { id, name: found.name } }, data: found.data };
	};
	const welcorpData = credentialOf('welcorp').data;
	const drivers = vendorDrivers({ emulator, label: 'Load', welcorpUser: () => welcorpData });
	return drivers.map((driver) => {
		const vendor = { ...driver, credential: credentialOf(driver.name) };
		if (driver.name === 'welcorp')
			/** A 2 way SMS job whose replies are posted to `callbackUrl`; resolves { jobId, destination }. */
			vendor.callbackJob = async (callbackUrl, index) => {
				const destination = `614000000${String(index).padStart(2, '0')}`;
				const answer = await driver.api('POST', '/jobs', {
					job_type: '2 way sms',
					message: `Reply to load test ${index}`,
					callback_url: callbackUrl,
					recipients: [{ destination }],
				});
				return { jobId: answer.data, destination };
			};
		return vendor;
	});
}

/** Poll trigger → sink: one entry per item, { wf, at, key } (key: the vendor's id of the item). */
function pollWorkflow({ vendor, index, second, sinkUrl }) {
	return sinkWorkflow({
		name: `Load: ${vendor.name} trigger ${index + 1}`,
		trigger: {
			id: 'p1',
			name: 'Trigger',
			type: vendor.trigger.type,
			parameters: {
				pollTimes: everyMinuteAt(second),
				...vendor.trigger.parameters,
				// the vendor's own ids in every item (the default is the simplified record)
				output: 'raw',
				options: {},
			},
			credentials: vendor.credential.ref,
		},
		sinkUrl,
		sinkId: 'p2',
		sinkBody: `={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, at: $now.toMillis(), key: ${vendor.keyExpr} }) }}`,
	});
}

/**
 * Webhook → our action node → sink (once per call: { wf, ref, count, at }). The webhook answers when
 * the last node finished ("responseMode: lastNode"), so the caller learns whether the call ran and
 * retries one that failed (what makes a webhook-started workflow reliable). `parameters`: the action
 * node's (vendor.action.parameters(), read once per vendor).
 */
function actionWorkflow({ vendor, index, sinkUrl, parameters }) {
	const hookPath = `load-${vendor.name}-${index + 1}`;
	return {
		hookPath,
		workflow: webhookActionWorkflow({
			name: `Load: ${vendor.name} action ${index + 1}`,
			webhookId: webhookUuid(1, vendor.name, index),
			webhook: { path: hookPath, responseMode: 'lastNode', responseData: 'firstEntryJson' },
			action: { type: vendor.action.type, parameters, credentials: vendor.credential.ref },
			sinkUrl,
			sinkBody:
				"={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, ref: $('Webhook').first().json.body.ref, count: $('Action').all().length, at: $now.toMillis() }) }}",
		}),
	};
}

/** Welcorp Callback Trigger → sink: { wf, at, key } (key: the reply's text). Its URL: <webhook base>/webhook/<webhookId>/welcorp. */
function callbackWorkflow({ index, sinkUrl }) {
	const webhookId = webhookUuid(2, 'welcorp', index);
	return {
		webhookId,
		workflow: {
			name: `Load: welcorp callbacks ${index + 1}`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'c1',
					name: 'Welcorp callback',
					type: `${PACKAGE_NAME}.welcorpCallbackTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: {
						secretToken: CALLBACK_TOKEN,
						events: ['deliveryReport', 'smsReply', 'smsStatus'],
					},
				},
				sinkNode(
					'c2',
					sinkUrl,
					[240, 0],
					{},
					'={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, at: $now.toMillis(), key: $json.response, event: $json.eventType }) }}',
				),
			],
			connections: chainConnections(['Welcorp callback', 'To sink']),
		},
	};
}

/** A stable UUID per (kind, vendor, index), so repeated runs use the same webhook ids. */
function webhookUuid(kind, vendorName, index) {
	const v = Object.keys(LAYOUT).indexOf(vendorName);
	return `7a0d${kind}${v}00-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/**
 * Waiting-webhook probe: Webhook → HTTP Request posting $execution.resumeUrl to a sink → Wait
 * (resume on webhook call) → sink. What a "send and wait" operation does, with n8n's own Wait node.
 */
function waitWorkflow({ sinkUrl }) {
	return {
		name: 'Load: waiting webhook resumed through the webhook processor',
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode('w1', '7a0d3000-0000-4000-8000-000000000001', {
				path: 'load-wait',
				responseMode: 'onReceived',
			}),
			sinkNode(
				'w2',
				sinkUrl,
				[220, 0],
				{ name: 'Resume URL to sink' },
				"={{ JSON.stringify({ step: 'waiting', ref: $json.body.ref, resumeUrl: $execution.resumeUrl, execution: $execution.id }) }}",
			),
			{
				id: 'w3',
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [440, 0],
				webhookId: '7a0d3000-0000-4000-8000-000000000002',
				parameters: { resume: 'webhook', httpMethod: 'POST', options: {} },
			},
			sinkNode(
				'w4',
				sinkUrl,
				[660, 0],
				{},
				"={{ JSON.stringify({ step: 'resumed', ref: $('Webhook').first().json.body.ref, reply: $json.body, execution: $execution.id }) }}",
			),
		],
		connections: chainConnections(['Webhook', 'Resume URL to sink', 'Wait', 'To sink']),
	};
}

/**
 * Welcorp's own send and wait: Webhook → Welcorp SMS → Send and Wait for Reply (the job's callback_url
 * is this execution's resume URL, <WEBHOOK_URL>webhook-waiting/<execution id>/…) → sink: the item the
 * node resumed with, plus { ref, execution }. `credential`: the Welcorp credential reference.
 */
function welcorpAskWorkflow({ sinkUrl, credential }) {
	return webhookActionWorkflow({
		name: 'Load: Welcorp send and wait resumed through the webhook processor',
		idPrefix: 's',
		webhookId: '7a0d3000-0000-4000-8000-000000000003',
		webhook: { path: 'load-welcorp-ask', responseMode: 'onReceived' },
		action: {
			name: 'Ask',
			type: 'welcorp',
			typeVersion: 1.1,
			parameters: {
				resource: 'sms',
				operation: 'sendAndWait',
				destination: '={{ $json.body.phone }}',
				recipientName: '={{ $json.body.name }}',
				message: 'Hi %%recipient%%, reply YES to confirm',
				additionalFields: { jobName: 'Topology ask' },
			},
			credentials: credential,
		},
		sinkUrl,
		sinkBody:
			"={{ JSON.stringify(Object.assign({}, $json, { ref: $('Webhook').first().json.body.ref, execution: $execution.id })) }}",
		sinkOnce: false,
	});
}

module.exports = {
	LAYOUT,
	CALLBACK_TOKEN,
	vendors,
	pollWorkflow,
	actionWorkflow,
	callbackWorkflow,
	waitWorkflow,
	welcorpAskWorkflow,
};
