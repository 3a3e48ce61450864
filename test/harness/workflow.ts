import type {
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	IWorkflowBase,
	IWorkflowSettings,
} from 'n8n-workflow';
import { deepCopy, Workflow } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import { defaultTypeVersion, type NodeTypes } from './node-types';

export const WORKFLOW_ID = 'harness-workflow';

/** Builds the INode for a registered node type, as the editor would save it. */
export function makeNode(
	nodeTypes: NodeTypes,
	typeName: string,
	options: {
		name?: string;
		parameters?: INodeParameters;
		typeVersion?: number;
		credentials?: Record<string, string>;
		store?: CredentialStore;
		position?: [number, number];
		extra?: Partial<INode>;
	} = {},
): INode {
	const typeVersion = options.typeVersion ?? defaultTypeVersion(nodeTypes.getByName(typeName));
	const { description } = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	const name = options.name ?? description.defaults.name ?? description.displayName;
	const node: INode = {
		// A saved workflow keeps its node ids: the same node gets the same id in every run.
		id: `node-${name}`,
		name,
		type: typeName,
		typeVersion,
		position: options.position ?? [0, 0],
		parameters: deepCopy(options.parameters ?? {}),
		...options.extra,
	};
	if (options.credentials && Object.keys(options.credentials).length > 0) {
		if (!options.store) throw new Error('credentials need a store');
		const credentials: INodeCredentials = {};
		for (const [credentialType, id] of Object.entries(options.credentials)) {
			credentials[credentialType] = options.store.nodeCredentialsDetails(id);
		}
		node.credentials = credentials;
	}
	return node;
}

/** The saved workflow (IWorkflowBase) and the runtime Workflow n8n builds from it. */
export function makeWorkflow(options: {
	nodeTypes: NodeTypes;
	nodes: INode[];
	connections?: IConnections;
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
	active?: boolean;
}): { workflow: Workflow; workflowData: IWorkflowBase } {
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		active: options.active ?? false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: options.nodes,
		connections: options.connections ?? {},
		settings: { executionOrder: 'v1', ...options.settings },
		// What the database would hand back: a fresh plain copy.
		staticData: options.staticData ? deepCopy(options.staticData) : undefined,
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: workflowData.active,
		nodeTypes: options.nodeTypes,
		staticData: workflowData.staticData,
		settings: workflowData.settings,
	});
	return { workflow, workflowData };
}

/** Plain JSON copy of workflow static data (drops the ObservableObject proxies and `__dataChanged`). */
export function plainStaticData(workflow: Workflow): IDataObject {
	return JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
}
