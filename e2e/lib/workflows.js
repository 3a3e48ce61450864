'use strict';
// The workflows the E2E files save or import: one of our nodes between n8n's own (a trigger → sink,
// a manual run, a webhook → action → sink), each sink an HTTP Request node posting to the emulator.

const { PACKAGE_NAME } = require('./install');

/** The full type name of one of our nodes, e.g. nodeType('wesalVoc') = 'n8n-nodes-voc.wesalVoc'. */
const nodeType = (name) => `${PACKAGE_NAME}.${name}`;

/** An HTTP Request node that posts each item it gets (or `jsonBody`) to an emulator sink. */
function sinkNode(id, url, position, extra = {}, jsonBody = '={{ JSON.stringify($json) }}') {
	return {
		id,
		name: 'To sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		...extra,
		parameters: {
			method: 'POST',
			url,
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
	};
}

/** n8n's connections of nodes run one after the other, given by name in that order. */
function chainConnections(names) {
	const connections = {};
	for (let i = 1; i < names.length; i++)
		connections[names[i - 1]] = { main: [[{ node: names[i], type: 'main', index: 0 }]] };
	return connections;
}

/**
 * A workflow in which `trigger` (one of our trigger nodes: { name, type: 'wesalVocTrigger', parameters,
 * credentials?, webhookId?, id? }) sends every item it emits to the sink at `sinkUrl` (as `sinkBody`
 * when given).
 */
function sinkWorkflow({ name, trigger, sinkUrl, sinkId = 't2', sinkBody }) {
	return {
		name,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 't1',
				typeVersion: 1,
				position: [0, 0],
				...trigger,
				// Raw output: items keep the vendor's own ids, which the emulator's ground truth has.
				parameters: { output: 'raw', ...trigger.parameters },
				type: nodeType(trigger.type),
			},
			sinkNode(sinkId, sinkUrl, [240, 0], {}, sinkBody),
		],
		connections: chainConnections([trigger.name, 'To sink']),
	};
}

/**
 * A workflow run by hand: Start → nodes[0] → nodes[1] → …, each of our nodes given as
 * { name, type: 'welcorp', parameters, credentials }.
 */
function manualWorkflow({ id, name, nodes }) {
	const chain = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
		...nodes.map((node) => ({ ...node, type: nodeType(node.type) })),
	];
	return {
		id,
		name,
		nodes: chain.map((node, i) => ({
			id: `${id}-${i + 1}`,
			typeVersion: 1,
			position: [i * 220, 0],
			...node,
		})),
		connections: chainConnections(chain.map((node) => node.name)),
	};
}

/** The pollTimes parameter of a trigger that polls at second `second` of every minute. */
const everyMinuteAt = (second) => ({
	item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }],
});

/** n8n's Webhook node named 'Webhook' (POST); `parameters`: its path and response settings. */
function webhookNode(id, webhookId, parameters) {
	return {
		id,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', ...parameters, options: {} },
	};
}

/**
 * Webhook (POST, `webhook`: its path and response settings) → one of our action nodes (`action`:
 * { type: 'wesalVoc', parameters, credentials, name?, typeVersion? }) → a sink that posts `sinkBody`,
 * once per call unless `sinkOnce` is false. Node ids: `idPrefix` 1 to 3.
 */
function actionWorkflow({
	name,
	idPrefix = 'a',
	webhookId,
	webhook,
	action: { name: actionName = 'Action', type, typeVersion = 1, parameters, credentials },
	sinkUrl,
	sinkBody,
	sinkOnce = true,
}) {
	return {
		name,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(`${idPrefix}1`, webhookId, webhook),
			{
				id: `${idPrefix}2`,
				name: actionName,
				type: nodeType(type),
				typeVersion,
				position: [220, 0],
				parameters,
				credentials,
			},
			sinkNode(`${idPrefix}3`, sinkUrl, [440, 0], sinkOnce ? { executeOnce: true } : {}, sinkBody),
		],
		connections: chainConnections(['Webhook', actionName, 'To sink']),
	};
}

module.exports = {
	nodeType,
	sinkNode,
	sinkWorkflow,
	manualWorkflow,
	actionWorkflow,
	chainConnections,
	webhookNode,
	everyMinuteAt,
};
