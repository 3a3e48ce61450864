import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	ExecutionLifecycleHooks,
	generateUrlSignature,
	prepareUrlForSigning,
	WAITING_TOKEN_QUERY_PARAM,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import {
	createAdditionalData,
	createInputNodeType,
	CredentialStore,
	INPUT_NODE_TYPE,
	NodeTypes,
	startEngine,
} from '../harness';
import { getEngine } from '../harness/engine';
import { makeNode, makeWorkflow } from '../harness/workflow';
import { RecordedResponse } from './webhookRunner';

/**
 * The harness runs an execution until it waits; this plays the rest of n8n 1.123's server for a
 * waiting execution of the Welcorp node: the execution as the database keeps it (JSON), the
 * waiting-webhook endpoint (execution id and node id in the path, the URL signature checked when
 * the node asked for it, 409 once the execution ended), the node's webhook() in a WebhookContext
 * on the waiting execution, and the resume (with the webhook's items, or with none when the wait
 * time passed, as the WaitTracker does). Nothing of our code is replaced.
 */
export interface WaitOptions {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	store: CredentialStore;
	credentials: Record<string, string>;
	continueOnFail?: boolean;
	/** n8n's WEBHOOK_URL + webhook-waiting (default: the harness instance URL). */
	waitingBaseUrl?: string;
}

export interface CallbackOutcome {
	status: number;
	body: unknown;
	/** The execution went on (with the webhook's items). */
	resumed: boolean;
}

const MODE = 'webhook';

export class WaitingRun {
	/** The run until the node put the execution to wait (or ended it). */
	first!: IRun;
	/** The run that resumed it, once it did. */
	last?: IRun;
	resumes = 0;
	private saved = '';
	private nodeTypes!: NodeTypes;
	private workflowData!: IWorkflowBase;
	private node!: INode;
	executionId = '';

	private constructor(private readonly options: WaitOptions) {}

	static async start(options: WaitOptions): Promise<WaitingRun> {
		const run = new WaitingRun(options);
		await run.begin();
		return run;
	}

	private additionalData(executionId?: string): IWorkflowExecuteAdditionalData {
		const data = createAdditionalData(this.options.store, {
			execution: { mode: MODE, workflowData: this.workflowData },
		});
		if (executionId) {
			data.executionId = executionId;
			data.hooks = new ExecutionLifecycleHooks(MODE, executionId, this.workflowData);
		}
		if (this.options.waitingBaseUrl) data.webhookWaitingBaseUrl = this.options.waitingBaseUrl;
		return data;
	}

	private workflow() {
		return makeWorkflow({
			nodeTypes: this.nodeTypes,
			nodes: this.workflowData.nodes,
			connections: this.workflowData.connections,
		}).workflow;
	}

	private async begin(): Promise<void> {
		await startEngine();
		const { store } = this.options;
		this.nodeTypes = new NodeTypes([], store.credentialTypes);
		const typeName = this.nodeTypes.register(Welcorp);
		this.nodeTypes.register(createInputNodeType(this.options.items ?? [{ json: {} }]));
		const input = makeNode(this.nodeTypes, INPUT_NODE_TYPE, { name: 'Input' });
		this.node = makeNode(this.nodeTypes, typeName, {
			parameters: this.options.parameters,
			credentials: this.options.credentials,
			store,
			position: [250, 0],
			extra: this.options.continueOnFail ? { onError: 'continueRegularOutput' } : {},
		});
		const built = makeWorkflow({
			nodeTypes: this.nodeTypes,
			nodes: [input, this.node],
			connections: {
				Input: { main: [[{ node: this.node.name, type: NodeConnectionTypes.Main, index: 0 }]] },
			},
		});
		this.workflowData = built.workflowData;
		const additionalData = this.additionalData();
		this.executionId = additionalData.executionId!;
		this.first = await new WorkflowExecute(additionalData, MODE).run(built.workflow, input);
		this.saved = JSON.stringify(this.first.data);
	}

	get waiting(): boolean {
		return this.last === undefined && Boolean(this.first.waitTill);
	}

	/** What the database holds of the execution now. */
	stored(): IRunExecutionData {
		return JSON.parse(this.saved) as IRunExecutionData;
	}

	/** The node's items of the first run (shown while the execution waits). */
	get firstItems(): INodeExecutionData[] {
		return this.first.data.resultData.runData[this.node.name]?.[0]?.data?.main?.[0] ?? [];
	}

	/** The node's items once the execution went on. */
	get output(): INodeExecutionData[] | undefined {
		return this.last?.data.resultData.runData[this.node.name]?.[0]?.data?.main?.[0] ?? undefined;
	}

	/** n8n 1.123's check of a send-and-wait resume URL (WaitingWebhooks.validateSignatureInRequest). */
	private signed(url: URL, data: IRunExecutionData): boolean {
		const isSendAndWait = this.node.parameters.operation === SEND_AND_WAIT_OPERATION;
		if (!(data as { validateSignature?: boolean }).validateSignature || !isSendAndWait) return true;
		const given = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM);
		if (!given) return false;
		const unsigned = new URL(url.toString());
		unsigned.searchParams.delete(WAITING_TOKEN_QUERY_PARAM);
		const secret = getEngine().instanceSettings.hmacSignatureSecret;
		return given === generateUrlSignature(prepareUrlForSigning(unsigned), secret);
	}

	/** A POST to the waiting-webhook URL, as n8n's server serves it. */
	async callback(urlText: string, body: Record<string, string>): Promise<CallbackOutcome> {
		const url = new URL(urlText);
		const [, base, executionId, suffix] = url.pathname.split('/');
		if (base !== 'webhook-waiting' || executionId !== this.executionId)
			return { status: 404, body: { message: 'Not found' }, resumed: false };
		const data = this.stored();
		if (!this.signed(url, data))
			return { status: 401, body: { error: 'Invalid token' }, resumed: false };
		if (!this.waiting)
			return {
				status: 409,
				body: { message: 'The execution has finished already.' },
				resumed: false,
			};
		if (suffix !== this.node.id)
			return {
				status: 404,
				body: { message: 'No waiting webhook with that path' },
				resumed: false,
			};

		data.executionData!.nodeExecutionStack[0].node.disabled = true;
		data.waitTill = undefined;
		data.resultData.runData[this.node.name].pop();
		const workflow = this.workflow();
		const node = workflow.getNode(this.node.name)!;
		const type = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const description = type.description.webhooks![0];
		const additionalData = this.additionalData(this.executionId);
		const response = new RecordedResponse();
		additionalData.httpRequest = {
			method: 'POST',
			body,
			query: Object.fromEntries(url.searchParams),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			params: {},
		} as never;
		additionalData.httpResponse = response as never;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: node.id,
			webhookDescription: description,
			workflowId: String(workflow.id),
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, MODE, webhookData, [], data);
		const result = await type.webhook!.call(context);
		if (!result.workflowData) {
			if (result.noWebhookResponse)
				return { status: response.statusCode, body: response.sent, resumed: false };
			return { status: 200, body: result.webhookResponse, resumed: false };
		}
		data.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
		this.last = await new WorkflowExecute(additionalData, MODE, data).processRunExecutionData(
			workflow,
		);
		this.resumes++;
		return { status: 200, body: result.webhookResponse, resumed: true };
	}

	/** The wait time passed: n8n's WaitTracker resumes the execution as the database keeps it. */
	async timeLimitPasses(): Promise<INodeExecutionData[] | undefined> {
		if (!this.waiting) throw new Error('the execution is not waiting');
		const data = this.stored();
		this.last = await new WorkflowExecute(
			this.additionalData(this.executionId),
			MODE,
			data,
		).processRunExecutionData(this.workflow());
		this.resumes++;
		return this.output;
	}
}

/** n8n's waiting-webhook endpoint on 127.0.0.1, where the emulator posts its callbacks. */
export class WaitingServer {
	private readonly runs = new Map<string, WaitingRun>();
	readonly outcomes: CallbackOutcome[] = [];
	private server?: Server;
	url = '';

	get waitingBaseUrl(): string {
		return `${this.url}/webhook-waiting`;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
				const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
				const run = this.runs.get(url.pathname.split('/')[2] ?? '');
				const answer = run
					? run.callback(url.toString(), body)
					: Promise.resolve({
							status: 404,
							body: { message: 'No such execution' },
							resumed: false,
						});
				answer.then(
					(outcome) => {
						this.outcomes.push(outcome);
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
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** Starts an execution whose resume URL points here. */
	async run(options: Omit<WaitOptions, 'waitingBaseUrl'>): Promise<WaitingRun> {
		const run = await WaitingRun.start({ ...options, waitingBaseUrl: this.waitingBaseUrl });
		this.runs.set(run.executionId, run);
		return run;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve, reject) =>
			this.server?.close((error) => (error ? reject(error) : resolve())),
		);
	}
}
