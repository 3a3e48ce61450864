import { WorkflowExecute, WorkflowHasIssuesError } from 'n8n-core';
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { startEngine } from './engine';
import { createInputNodeType, INPUT_NODE_TYPE, NodeTypes, type NodeTypeSource } from './node-types';
import { makeNode, makeWorkflow, plainStaticData } from './workflow';

export interface RunNodeOptions {
	nodeType: NodeTypeSource;
	parameters?: INodeParameters;
	/** Items the node under test receives (default: one empty item, like a manual trigger). */
	items?: INodeExecutionData[];
	store: CredentialStore;
	/** credential type → credential id in the store */
	credentials?: Record<string, string>;
	/** Sets the node's "On Error" setting to "Continue" (onError: 'continueRegularOutput'). */
	continueOnFail?: boolean;
	onError?: INode['onError'];
	typeVersion?: number;
	/** Execution mode (default 'manual', i.e. "Execute workflow" in the editor). */
	mode?: WorkflowExecuteMode;
	/** Workflow static data as loaded from the database. */
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
	/** Any other node settings (retryOnFail, maxTries, alwaysOutputData, name...). */
	node?: Partial<INode>;
}

export interface RunNodeResult {
	/** First output of the node under test. */
	items: INodeExecutionData[];
	/** All outputs (with onError 'continueErrorOutput' the last one is the error output). */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error as n8n records it in the execution: a plain-object copy of the thrown
	 * NodeApiError/NodeOperationError (not `instanceof`; name, message, description, httpCode,
	 * context, node... are kept).
	 * Also set when the node failed but continueOnFail let the workflow go on.
	 */
	error?: ExecutionError;
	runData: IRunData;
	run: IRun;
	node: INode;
	/** Workflow static data after the run (plain JSON). */
	staticData: IDataObject;
}

/**
 * Runs `Input → node under test` as a real workflow execution in n8n-core's WorkflowExecute.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	await startEngine();
	const { store } = options;
	const mode = options.mode ?? 'manual';

	const nodeTypes = new NodeTypes([], store.credentialTypes);
	const typeName = nodeTypes.register(options.nodeType);
	nodeTypes.register(createInputNodeType(options.items ?? [{ json: {} }]));

	const input = makeNode(nodeTypes, INPUT_NODE_TYPE, { name: 'Input' });
	const onError = options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	const node = makeNode(nodeTypes, typeName, {
		parameters: options.parameters,
		typeVersion: options.typeVersion,
		credentials: options.credentials,
		store,
		position: [250, 0],
		extra: { ...(onError && { onError }), ...options.node },
	});
	const { workflow, workflowData } = makeWorkflow({
		nodeTypes,
		nodes: [input, node],
		connections: {
			[input.name]: { main: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		staticData: options.staticData,
		settings: options.settings,
	});

	const additionalData = createAdditionalData(store, { execution: { mode, workflowData } });
	let run: IRun;
	try {
		run = await new WorkflowExecute(additionalData, mode).run(workflow, input);
	} catch (error) {
		if (error instanceof WorkflowHasIssuesError) {
			const issues = NodeHelpers.getNodeParametersIssues(
				nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.properties,
				workflow.nodes[node.name],
				null,
			);
			error.message += `: ${JSON.stringify(issues)}`;
		}
		throw error;
	}

	const runData = run.data.resultData.runData;
	const task = runData[node.name]?.[0];
	if (!task) {
		const failure = run.data.resultData.error;
		throw new Error(`The node under test did not run${failure ? `: ${failure.message}` : ''}`);
	}
	const outputs = (task.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: task.error,
		runData,
		run,
		node: workflow.nodes[node.name],
		staticData: plainStaticData(workflow),
	};
}

/** runNode, but rejects with the node's error if it failed. */
export async function runNodeOrThrow(options: RunNodeOptions): Promise<INodeExecutionData[]> {
	const result = await runNode(options);
	if (result.error) throw toError(result.error);
	return result.items;
}

/** Turns the recorded (plain) execution error back into an Error carrying all its fields. */
export function toError(recorded: ExecutionError): Error {
	if (recorded instanceof Error) return recorded;
	const error = new Error((recorded as { message: string }).message);
	return Object.assign(error, recorded);
}
