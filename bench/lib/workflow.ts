import { WorkflowExecute } from 'n8n-core';
import type { INode, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	createAdditionalData,
	createInputNodeType,
	INPUT_NODE_TYPE,
	NodeTypes,
	PACKAGE_NAME,
	startEngine,
	toError,
	type CredentialStore,
	type NodeTypeSource,
} from '../../test/harness';
import { makeNode, makeWorkflow } from '../../test/harness/workflow';

export interface Step {
	nodeType: NodeTypeSource;
	/** n8n-nodes-base for n8n's own nodes (the HTTP Request node gets full credential access only so). */
	packageName?: string;
	name: string;
	parameters: INodeParameters;
	typeVersion?: number;
	credentials?: Record<string, string>;
}

/**
 * `Input → step 1 → step 2 → …` as one workflow execution in n8n-core's WorkflowExecute, built
 * with the harness's registries (runNode does the same for a single node). Resolves the items of
 * the last step; rejects with the first node error.
 */
export async function runChain(
	store: CredentialStore,
	steps: Step[],
	items: INodeExecutionData[] = [{ json: {} }],
): Promise<INodeExecutionData[]> {
	await startEngine();
	const nodeTypes = new NodeTypes([], store.credentialTypes);
	nodeTypes.register(createInputNodeType(items));
	const nodes: INode[] = [makeNode(nodeTypes, INPUT_NODE_TYPE, { name: 'Input' })];
	for (const [index, step] of steps.entries()) {
		const typeName = nodeTypes.register(step.nodeType, step.packageName ?? PACKAGE_NAME);
		nodes.push(makeNode(nodeTypes, typeName, { ...step, store, position: [250 * (index + 1), 0] }));
	}
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, i) => [
				node.name,
				{ main: [[{ node: nodes[i + 1].name, type: NodeConnectionTypes.Main, index: 0 }]] },
			]),
	);
	const { workflow, workflowData } = makeWorkflow({ nodeTypes, nodes, connections });
	const additionalData = createAdditionalData(store, {
		execution: { mode: 'manual', workflowData },
	});
	const run: IRun = await new WorkflowExecute(additionalData, 'manual').run(workflow, nodes[0]);
	const { runData, error } = run.data.resultData;
	if (error) throw toError(error);
	const last = runData[nodes[nodes.length - 1].name]?.[0];
	if (!last) throw new Error(`${nodes[nodes.length - 1].name} did not run`);
	return last.data?.main[0] ?? [];
}
