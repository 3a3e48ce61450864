import { Container } from '@n8n/di';
import { PollContext, WorkflowExecute } from 'n8n-core';
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowBase,
	Workflow,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { deepCopy, toCronExpression, UserError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { startEngine } from './engine';
import { NodeTypes, type NodeTypeSource } from './node-types';
import { toError } from './run-node';
import { makeNode, makeWorkflow, plainStaticData } from './workflow';

export interface PollOptions {
	nodeType: NodeTypeSource;
	parameters?: INodeParameters;
	store: CredentialStore;
	/** credential type → credential id in the store */
	credentials?: Record<string, string>;
	typeVersion?: number;
	node?: Partial<INode>;
}

export interface PollResult {
	/** What `poll()` returned (null = nothing new). */
	result: INodeExecutionData[][] | null;
	/** result?.[0] ?? [] */
	items: INodeExecutionData[];
	/**
	 * The error `poll()` threw (trigger mode: n8n reports it via emitError, manual: the execution
	 * fails). The helpers reject with it unless the caller passed `expectError` / `allowError`.
	 */
	error?: Error;
	/** Workflow static data after the poll, as plain JSON (the in-memory state n8n keeps). */
	staticData: IDataObject;
	/** `workflow.staticData.__dataChanged` right after the poll. */
	staticDataChanged: boolean;
	/**
	 * n8n wrote the static data to its database: trigger mode, the data changed, and the poll
	 * emitted items (or it was the poll done while activating the workflow).
	 */
	saved: boolean;
}

/**
 * What a test says about failure when it polls. By default a poll that throws (n8n would report it
 * through emitError, or fail the manual execution) makes the helper REJECT with the node's error,
 * so an idle poll (`result` null) can never be mistaken for a broken one.
 */
export interface PollErrorHandling {
	/**
	 * The test expects this poll to fail: the helper resolves with the result, the error in
	 * `error`, and rejects if the poll did NOT fail.
	 */
	expectError?: boolean;
	/**
	 * The poll may or may not fail (fault injection, soak): the helper never rejects because of
	 * the poll's error; look at `error`.
	 */
	allowError?: boolean;
}

/** The result of a poll the test expected to fail (`{ expectError: true }`). */
export type FailedPollResult = PollResult & { error: Error };

/** Applies the caller's `PollErrorHandling` to a finished poll. */
function settle(result: PollResult, handling: PollErrorHandling = {}): PollResult {
	if (handling.expectError && handling.allowError)
		throw new Error('poll harness: pass expectError or allowError, not both');
	if (handling.expectError) {
		if (!result.error)
			throw new Error(
				`poll harness: the poll was expected to fail but succeeded (${
					result.result === null ? 'nothing new' : `${result.items.length} item(s)`
				})`,
			);
		return result;
	}
	if (result.error && !handling.allowError) throw result.error;
	return result;
}

interface Prepared {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	node: INode;
}

async function prepare(
	options: PollOptions,
	staticData: IDataObject | undefined,
	active: boolean,
): Promise<Prepared> {
	await startEngine();
	const nodeTypes = new NodeTypes([], options.store.credentialTypes);
	const typeName = nodeTypes.register(options.nodeType);
	const node = makeNode(nodeTypes, typeName, {
		parameters: options.parameters,
		typeVersion: options.typeVersion,
		credentials: options.credentials,
		store: options.store,
		extra: options.node,
	});
	const { workflow, workflowData } = makeWorkflow({ nodeTypes, nodes: [node], staticData, active });
	return { workflow, workflowData, node: workflow.nodes[node.name] };
}

/**
 * One poll of an active workflow, as ActiveWorkflows' cron callback runs it. n8n builds the
 * PollContext with __emit (saves static data if changed, starts an execution) and
 * __emitError (records an error execution); with `testing` (the poll done while activating)
 * errors are thrown instead.
 */
async function triggerPoll(
	{ workflow, node, store }: Prepared & { store: CredentialStore },
	activation: WorkflowActivateMode,
	testing: boolean,
): Promise<PollResult> {
	let saved = false;
	let emitted: INodeExecutionData[][] | null = null;
	let emittedError: Error | undefined;
	const additionalData = createAdditionalData(store);
	const ctx = new PollContext(
		workflow,
		node,
		additionalData,
		'trigger',
		activation,
		(data) => {
			// WorkflowStaticDataService.saveStaticData()
			if (workflow.staticData.__dataChanged === true) {
				saved = true;
				workflow.staticData.__dataChanged = false;
			}
			emitted = data;
		},
		(error) => {
			emittedError = error;
		},
	);

	if (testing) {
		// ActiveWorkflows.activatePolling reads the poll times first; a node without
		// `polling: true` has no pollTimes parameter and cannot be activated.
		const pollTimes = ctx.getNodeParameter('pollTimes') as {
			item?: Array<Parameters<typeof toCronExpression>[0]>;
		};
		for (const expression of (pollTimes.item ?? []).map(toCronExpression)) {
			if (expression.split(' ').at(0)?.includes('*')) {
				throw new UserError('The polling interval is too short. It has to be at least a minute.');
			}
		}
	}

	let changed = false;
	const ownsIsolate = await workflow.expression.acquireIsolate();
	try {
		const response = await Container.get(TriggersAndPollers).runPoll(workflow, node, ctx);
		changed = workflow.staticData.__dataChanged === true;
		if (response !== null) ctx.__emit(response);
	} catch (error) {
		changed = workflow.staticData.__dataChanged === true;
		if (testing) throw error;
		ctx.__emitError(error as never);
	} finally {
		if (ownsIsolate) await workflow.expression.releaseIsolate();
	}

	const result = emitted as INodeExecutionData[][] | null;
	return {
		result,
		items: result?.[0] ?? [],
		error: emittedError,
		staticData: plainStaticData(workflow),
		staticDataChanged: changed,
		saved,
	};
}

/** "Fetch test event" in the editor: a manual execution starting at the polling node. */
async function manualPoll(prepared: Prepared, store: CredentialStore): Promise<PollResult> {
	const { workflow, workflowData, node } = prepared;
	const additionalData = createAdditionalData(store, {
		execution: { mode: 'manual', workflowData },
	});
	const run = await new WorkflowExecute(additionalData, 'manual').run(workflow, node);
	const task = run.data.resultData.runData[node.name]?.[0];
	const result = task?.data?.main
		? (task.data.main.map((output) => output ?? []) as INodeExecutionData[][])
		: null;
	const recordedError = task?.error ?? run.data.resultData.error;
	return {
		result,
		items: result?.[0] ?? [],
		error: recordedError ? toError(recordedError) : undefined,
		staticData: plainStaticData(workflow),
		staticDataChanged: workflow.staticData.__dataChanged === true,
		// Manual executions never write static data back.
		saved: false,
	};
}

export type PollCallOptions = PollOptions &
	PollErrorHandling & {
		mode?: 'trigger' | 'manual';
		staticData?: IDataObject;
		activation?: WorkflowActivateMode;
	};

/**
 * One poll with the given workflow static data (default mode 'trigger': a scheduled poll of
 * an active workflow). Pass the returned `staticData` to the next call to continue in the same
 * process; JSON round-trip it to simulate a restart. For exact in-memory vs saved tracking use
 * `Poller`. Rejects with the node's error if the poll failed, unless `expectError` (the test
 * expects the failure: rejects if there is none) or `allowError` (either way) is set.
 */
export async function poll(
	options: PollCallOptions & { expectError: true },
): Promise<FailedPollResult>;
export async function poll(options: PollCallOptions): Promise<PollResult>;
export async function poll(options: PollCallOptions): Promise<PollResult> {
	const prepared = await prepare(options, options.staticData, options.mode !== 'manual');
	if (options.mode === 'manual') return settle(await manualPoll(prepared, options.store), options);
	const result = await triggerPoll(
		{ ...prepared, store: options.store },
		options.activation ?? 'activate',
		false,
	);
	return settle(result, options);
}

/** `poll({ ...options, expectError: true })`: resolves with the error, rejects if the poll succeeded. */
export async function pollExpectingError(options: PollCallOptions): Promise<FailedPollResult> {
	return (await poll({ ...options, expectError: true, allowError: false })) as FailedPollResult;
}

/**
 * A polling workflow over its lifetime in one n8n instance: the Workflow object (and its
 * in-memory static data) lives while active; only `saveStaticData` writes `savedStaticData`
 * (the database copy). `restart()` rebuilds everything from the database copy.
 */
export class Poller {
	/** The static data in the database. */
	savedStaticData: IDataObject;
	private active: (Prepared & { store: CredentialStore }) | undefined;

	constructor(
		private readonly options: PollOptions,
		savedStaticData: IDataObject = {},
	) {
		this.savedStaticData = deepCopy(savedStaticData);
	}

	/** In-memory static data of the active workflow. */
	get staticData(): IDataObject {
		if (!this.active) return deepCopy(this.savedStaticData);
		return plainStaticData(this.active.workflow);
	}

	/**
	 * Activate the workflow (ActiveWorkflowManager.add): n8n polls once right away, throws if
	 * that poll fails, and at the end saves the static data if it changed, even when the
	 * poll returned nothing.
	 */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollResult> {
		const prepared = await prepare(this.options, this.roundTrip(this.savedStaticData), true);
		this.active = { ...prepared, store: this.options.store };
		const result = await triggerPoll(this.active, activation, true);
		const { staticData } = this.active.workflow;
		if (staticData.__dataChanged === true) {
			staticData.__dataChanged = false;
			result.saved = true;
		}
		return this.remember(result);
	}

	/**
	 * A scheduled poll (cron tick). Activates first if needed (and then rejects like `activate()`
	 * if that poll fails). A failed poll rejects with the node's error unless `expectError` (the
	 * test expects the failure: rejects if there is none) or `allowError` (either way) is given;
	 * the in-memory state is kept either way, as n8n keeps it.
	 */
	async poll(handling: PollErrorHandling & { expectError: true }): Promise<FailedPollResult>;
	async poll(handling?: PollErrorHandling): Promise<PollResult>;
	async poll(handling?: PollErrorHandling): Promise<PollResult> {
		if (!this.active) return settle(await this.activate(), handling);
		return settle(this.remember(await triggerPoll(this.active, 'activate', false)), handling);
	}

	/** `poll({ expectError: true })`. */
	async pollExpectingError(): Promise<FailedPollResult> {
		return await this.poll({ expectError: true });
	}

	/** n8n restarts: in-memory state is lost, the workflow is re-activated from the database ('init'). */
	async restart(): Promise<PollResult> {
		this.active = undefined;
		return await this.activate('init');
	}

	/**
	 * "Fetch test event" in the editor, on the saved workflow; changes nothing saved. A failed
	 * execution rejects with its error unless `expectError` or `allowError` is given (as `poll`).
	 */
	async manual(handling: PollErrorHandling & { expectError: true }): Promise<FailedPollResult>;
	async manual(handling?: PollErrorHandling): Promise<PollResult>;
	async manual(handling?: PollErrorHandling): Promise<PollResult> {
		const prepared = await prepare(this.options, this.roundTrip(this.savedStaticData), false);
		return settle(await manualPoll(prepared, this.options.store), handling);
	}

	/** `manual({ expectError: true })`. */
	async manualExpectingError(): Promise<FailedPollResult> {
		return await this.manual({ expectError: true });
	}

	deactivate() {
		this.active = undefined;
	}

	private remember(result: PollResult): PollResult {
		if (result.saved) this.savedStaticData = this.roundTrip(result.staticData);
		return result;
	}

	private roundTrip(data: IDataObject): IDataObject {
		return JSON.parse(JSON.stringify(data)) as IDataObject;
	}
}

/** What activating a trigger throws (n8n refuses to publish the workflow with it); fails if it activates. */
export async function activationRefusal(
	poller: Poller,
): Promise<{ message: string; description?: string }> {
	const error = await poller.activate().then(
		() => undefined,
		(thrown: unknown) => thrown as Error & { description?: string },
	);
	if (!error) throw new Error('the trigger activated: a refusal was expected');
	return { message: error.message, description: error.description };
}
