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

/** Workflows per vendor: 20 each, 100 in all. */
const LAYOUT = {
	'wesal-voc': { poll: 10, action: 10, callback: 0 },
	'wesal-portal': { poll: 10, action: 10, callback: 0 },
	weclever: { poll: 10, action: 10, callback: 0 },
	wolkvox: { poll: 10, action: 10, callback: 0 },
	welcorp: { poll: 7, action: 7, callback: 6 },
};

const PORTAL_COMPANY = 100301;
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
 * Vendor definitions against a started emulator and the credentials the stack imported.
 * @param {object} o
 * @param {object} o.emulator       ../lib/emulator.js startEmulator()
 * @param {object[]} o.credentials  the stack's credentials ({ id, name, type, data })
 */
function vendors({ emulator, credentials }) {
	const control = emulator.control;
	const cv = (name) => control.vendor(name);
	const vendorUrl = (name) => emulator.vendors.find((v) => v.name === name).url;
	const credentialOf = (name) => {
		const { type, id } = CREDENTIALS[name];
		const found = credentials.find((c) => c.id === id);
		if (!found) throw new Error(`the stack imported no credential ${id}`);
		return { type, ref: { [type]: { id, name: found.name } }, data: found.data };
	};
	let counter = 0;

	const welcorpData = credentialOf('welcorp').data;
	/** A call to the Welcorp API as the credential's user; retried while the emulator answers 5xx (a fault). */
	const welcorpApi = async (method, urlPath, body, { retryUntil = Date.now() + 120_000 } = {}) => {
		for (;;) {
			const res = await fetch(`${vendorUrl('welcorp')}${urlPath}`, {
				method,
				headers: {
					authorization: `Basic ${Buffer.from(`${welcorpData.username}:${welcorpData.password}`).toString('base64')}`,
					'content-type': 'application/json',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const json = await res.json().catch(() => undefined);
			if (res.status < 500 || Date.now() > retryUntil) {
				if (res.status >= 400)
					throw new Error(`welcorp ${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
				return json;
			}
			await new Promise((r) => setTimeout(r, 1000));
		}
	};

	return [
		{
			name: 'wesal-voc',
			credential: credentialOf('wesal-voc'),
			trigger: { type: 'wesalVocTrigger', parameters: { event: 'newSurvey', filters: {} } },
			add: async (n) =>
				(
					await cv('wesal-voc').post('surveys', {
						surveys: Array.from({ length: n }, () => ({ agent: `Load ${++counter}` })),
					})
				).surveys.map((s) => s._id),
			// the key of a delivered item, as an n8n expression on the trigger's raw output
			keyExpr: 'String($json._id)',
			polls: async () => (await cv('wesal-voc').get('stats')).searches,
			action: {
				type: 'wesalVoc',
				parameters: async () => ({
					resource: 'survey',
					operation: 'getAll',
					startDate: '={{ $now.minus({ days: 2 }).toISO() }}',
					endDate: '={{ $now.toISO() }}',
					returnAll: false,
					limit: 3,
					filters: {},
					options: {},
				}),
			},
		},
		{
			name: 'wesal-portal',
			credential: credentialOf('wesal-portal'),
			trigger: {
				type: 'wesalPortalTrigger',
				parameters: {
					event: 'newSurvey',
					company: { __rl: true, mode: 'id', value: String(PORTAL_COMPANY) },
				},
			},
			add: async (n) =>
				(await cv('wesal-portal').post('surveys', { count: n })).surveys.map((s) => String(s.id)),
			keyExpr: 'String($json.id)',
			polls: async () => (await cv('wesal-portal').get('stats')).surveyPages,
			action: {
				type: 'wesalPortal',
				parameters: async () => ({
					resource: 'survey',
					operation: 'getAll',
					company: { __rl: true, mode: 'id', value: String(PORTAL_COMPANY) },
					startDate: '={{ $now.minus({ days: 3 }).toISO() }}',
					endDate: '={{ $now.toISO() }}',
					returnAll: false,
					limit: 3,
					options: {},
				}),
			},
		},
		{
			name: 'weclever',
			credential: credentialOf('weclever'),
			trigger: { type: 'weCleverTrigger', parameters: { event: 'newFinalizedLead' } },
			add: async (n) =>
				(
					await cv('weclever').post('leads', { leads: Array.from({ length: n }, () => ({})) })
				).leads.map((l) => String(l.weclever_lead_id)),
			keyExpr: 'String($json.weclever_lead_id)',
			polls: async () => (await cv('weclever').get('stats')).listCalls,
			action: {
				type: 'weClever',
				parameters: async () => {
					const { leads } = await cv('weclever').get('leads');
					return {
						resource: 'lead',
						operation: 'get',
						leadId: String(leads[0].weclever_lead_id),
						options: {},
					};
				},
			},
		},
		{
			name: 'wolkvox',
			credential: credentialOf('wolkvox'),
			trigger: { type: 'wolkvoxTrigger', parameters: { event: 'newSurveyResponse', filters: {} } },
			add: async (n) =>
				(
					await cv('wolkvox').post('surveys', {
						surveys: Array.from({ length: n }, () => ({ q1: '4' })),
					})
				).surveys.map((row) => `${row.conn_id}|${row.date}|${row.customer_id}`),
			keyExpr: "[$json.conn_id, $json.date, $json.customer_id].join('|')",
			polls: async () => (await cv('wolkvox').get('stats')).reports,
			action: {
				type: 'wolkvox',
				parameters: async () => ({
					resource: 'survey',
					operation: 'getAll',
					startDate: '={{ $now.minus({ days: 7 }).toISO() }}',
					endDate: '={{ $now.toISO() }}',
					returnAll: false,
					limit: 3,
					filters: {},
					options: {},
				}),
			},
		},
		{
			name: 'welcorp',
			credential: credentialOf('welcorp'),
			trigger: { type: 'welcorpTrigger', parameters: { event: 'newJob', filters: {} } },
			// Welcorp's emulator has no control route that adds jobs: they are created through its API,
			// as the account's user would (retried while a fault answers 503)
			add: async (n) => {
				const ids = [];
				for (let i = 0; i < n; i++) {
					const answer = await welcorpApi('POST', '/jobs', {
						job_type: 'sms',
						message: `Load ${++counter}`,
						recipients: [{ destination: '61411111111' }],
					});
					ids.push(String(answer.data));
				}
				return ids;
			},
			keyExpr: 'String($json.job_id)',
			polls: async () =>
				(await control.requests('welcorp')).filter((r) => r.method === 'GET' && r.path === '/jobs')
					.length,
			action: {
				type: 'welcorp',
				parameters: async () => {
					const accounts = await cv('welcorp').get('accounts');
					const user = accounts.find((a) => a.username === welcorpData.username);
					const { jobs } = await cv('welcorp').get(`jobs?user_id=${user.user_id}`);
					return { resource: 'job', operation: 'get', jobId: String(jobs[0].job_id) };
				},
			},
			/** A 2 way SMS job whose replies are posted to `callbackUrl`; resolves { jobId, destination }. */
			callbackJob: async (callbackUrl, index) => {
				const destination = `614000000${String(index).padStart(2, '0')}`;
				const answer = await welcorpApi('POST', '/jobs', {
					job_type: '2 way sms',
					message: `Reply to load test ${index}`,
					callback_url: callbackUrl,
					recipients: [{ destination }],
				});
				return { jobId: answer.data, destination };
			},
		},
	];
}

/** An HTTP Request node posting `jsonBody` to an emulator sink. */
function sinkNode(id, url, position, jsonBody, extra = {}) {
	return {
		id,
		name: 'To sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		...extra,
		parameters: { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody, options: {} },
	};
}

/** Poll trigger → sink: one entry per item, { wf, at, key } (key: the vendor's id of the item). */
function pollWorkflow({ vendor, index, second, sinkUrl }) {
	return {
		name: `Load: ${vendor.name} trigger ${index + 1}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'p1',
				name: 'Trigger',
				type: `${PACKAGE_NAME}.${vendor.trigger.type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
					...vendor.trigger.parameters,
					// the vendor's own ids in every item (the default is the simplified record)
					output: 'raw',
					options: {},
				},
				credentials: vendor.credential.ref,
			},
			sinkNode(
				'p2',
				sinkUrl,
				[240, 0],
				`={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, at: $now.toMillis(), key: ${vendor.keyExpr} }) }}`,
			),
		],
		connections: { Trigger: { main: [[{ node: 'To sink', type: 'main', index: 0 }]] } },
	};
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
		workflow: {
			name: `Load: ${vendor.name} action ${index + 1}`,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'a1',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: webhookUuid(1, vendor.name, index),
					parameters: {
						httpMethod: 'POST',
						path: hookPath,
						responseMode: 'lastNode',
						responseData: 'firstEntryJson',
						options: {},
					},
				},
				{
					id: 'a2',
					name: 'Action',
					type: `${PACKAGE_NAME}.${vendor.action.type}`,
					typeVersion: 1,
					position: [220, 0],
					parameters,
					credentials: vendor.credential.ref,
				},
				sinkNode(
					'a3',
					sinkUrl,
					[440, 0],
					"={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, ref: $('Webhook').first().json.body.ref, count: $('Action').all().length, at: $now.toMillis() }) }}",
					{ executeOnce: true },
				),
			],
			connections: {
				Webhook: { main: [[{ node: 'Action', type: 'main', index: 0 }]] },
				Action: { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
			},
		},
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
					'={{ JSON.stringify({ wf: $workflow.id, ex: $execution.id, at: $now.toMillis(), key: $json.response, event: $json.eventType }) }}',
				),
			],
			connections: {
				'Welcorp callback': { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
			},
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
			{
				id: 'w1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '7a0d3000-0000-4000-8000-000000000001',
				parameters: {
					httpMethod: 'POST',
					path: 'load-wait',
					responseMode: 'onReceived',
					options: {},
				},
			},
			sinkNode(
				'w2',
				sinkUrl,
				[220, 0],
				"={{ JSON.stringify({ step: 'waiting', ref: $json.body.ref, resumeUrl: $execution.resumeUrl, execution: $execution.id }) }}",
				{ name: 'Resume URL to sink' },
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
				"={{ JSON.stringify({ step: 'resumed', ref: $('Webhook').first().json.body.ref, reply: $json.body, execution: $execution.id }) }}",
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'Resume URL to sink', type: 'main', index: 0 }]] },
			'Resume URL to sink': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Welcorp's own send and wait: Webhook → Welcorp SMS → Send and Wait for Reply (the job's callback_url
 * is this execution's resume URL, <WEBHOOK_URL>webhook-waiting/<execution id>/…) → sink: the item the
 * node resumed with, plus { ref, execution }. `credential`: the Welcorp credential reference.
 */
function welcorpAskWorkflow({ sinkUrl, credential }) {
	return {
		name: 'Load: Welcorp send and wait resumed through the webhook processor',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 's1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '7a0d3000-0000-4000-8000-000000000003',
				parameters: {
					httpMethod: 'POST',
					path: 'load-welcorp-ask',
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 's2',
				name: 'Ask',
				type: `${PACKAGE_NAME}.welcorp`,
				typeVersion: 1.1,
				position: [220, 0],
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
			sinkNode(
				's3',
				sinkUrl,
				[440, 0],
				"={{ JSON.stringify(Object.assign({}, $json, { ref: $('Webhook').first().json.body.ref, execution: $execution.id })) }}",
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'To sink', type: 'main', index: 0 }]] },
		},
	};
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
