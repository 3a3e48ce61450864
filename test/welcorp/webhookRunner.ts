import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	CredentialStore,
	NodeTypes,
	createAdditionalData,
	startEngine,
	type NodeTypeSource,
} from '../harness';
import { makeNode, makeWorkflow } from '../harness/workflow';

/**
 * The harness has no webhook runner yet: this is the minimal one the Welcorp callback trigger
 * needs. It does what n8n's webhook server does for one call of an active workflow: builds the
 * node's WebhookContext (n8n-core) with the parsed request and the response object, calls the
 * node's webhook(), and reports what would be answered and started.
 */
export interface WebhookRequest {
	parameters: INodeParameters;
	/** The node's version (default the newest). */
	typeVersion?: number;
	/** Credentials of the node: the store they are in and credential type → id. */
	credentials?: { store: CredentialStore; ids: Record<string, string> };
	body: unknown;
	query?: Record<string, string>;
	headers?: Record<string, string>;
}

export interface WebhookOutcome {
	result: IWebhookResponseData;
	/** Status the node set itself (with noWebhookResponse), else what n8n answers: 200. */
	status: number;
	/** What the node sent itself, or n8n's answer for onReceived. */
	body: unknown;
	/** Items that would start an execution. */
	items: IDataObject[];
}

/** The bits of express's Response our node uses, recorded. */
export class RecordedResponse {
	statusCode = 200;
	sent: unknown;
	headers: Record<string, string> = {};
	headersSent = false;
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	json(body: unknown) {
		this.sent = body;
		this.headersSent = true;
		return this;
	}
	send(body: unknown) {
		return this.json(body);
	}
	end(body?: unknown) {
		return this.json(body);
	}
	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
	}
	writeHead(code: number) {
		this.statusCode = code;
	}
}

export async function callWebhook(
	nodeType: NodeTypeSource,
	request: WebhookRequest,
): Promise<WebhookOutcome> {
	await startEngine();
	const store = request.credentials?.store ?? new CredentialStore([]);
	const nodeTypes = new NodeTypes([], store.credentialTypes);
	const typeName = nodeTypes.register(nodeType);
	const created = makeNode(nodeTypes, typeName, {
		parameters: request.parameters,
		typeVersion: request.typeVersion,
		credentials: request.credentials?.ids,
		store,
	});
	const { workflow } = makeWorkflow({ nodeTypes, nodes: [created], active: true });
	const node = workflow.nodes[created.name];
	const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const description = type.description.webhooks?.[0];
	if (!description || !type.webhook) throw new Error(`${typeName} has no webhook`);

	const additionalData = createAdditionalData(store);
	const response = new RecordedResponse();
	additionalData.httpRequest = {
		method: 'POST',
		body: request.body,
		query: request.query ?? {},
		headers: request.headers ?? {},
		params: {},
	} as never;
	additionalData.httpResponse = response as never;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: String(workflow.id),
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await type.webhook.call(context);
	const items = (result.workflowData?.[0] ?? []).map((item) => item.json);
	if (result.noWebhookResponse)
		return { result, status: response.statusCode, body: response.sent, items };
	// responseMode onReceived: n8n answers 200 with the node's webhookResponse or its default message.
	return {
		result,
		status: 200,
		body: result.webhookResponse ?? { message: 'Workflow was started' },
		items,
	};
}

/** An HTTP endpoint on 127.0.0.1 that feeds every form POST it gets to the trigger, as n8n's webhook server would. */
export class WebhookServer {
	readonly received: WebhookOutcome[] = [];
	private server?: Server;
	url = '';

	constructor(
		private readonly nodeType: NodeTypeSource,
		private readonly parameters: INodeParameters,
		private readonly options: Pick<WebhookRequest, 'typeVersion' | 'credentials'> = {},
	) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const raw = Buffer.concat(chunks).toString('utf8');
				const body = /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')
					? Object.fromEntries(new URLSearchParams(raw))
					: raw;
				callWebhook(this.nodeType, {
					...this.options,
					parameters: this.parameters,
					body,
					query: Object.fromEntries(url.searchParams),
					headers: req.headers as Record<string, string>,
				}).then(
					(outcome) => {
						this.received.push(outcome);
						res.writeHead(outcome.status, { 'content-type': 'application/json' });
						res.end(JSON.stringify(outcome.body ?? {}));
					},
					(error: Error) => {
						res.writeHead(500);
						res.end(error.message);
					},
				);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/test/welcorp`;
		return this;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve, reject) =>
			this.server?.close((error) => (error ? reject(error) : resolve())),
		);
	}
}
