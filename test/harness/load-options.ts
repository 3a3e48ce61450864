import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { deepCopy, UserError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { startEngine } from './engine';
import { NodeTypes, type NodeTypeSource } from './node-types';
import { makeNode, makeWorkflow } from './workflow';

export interface LoadOptionsOptions {
	nodeType: NodeTypeSource;
	method: string;
	/** The node's current parameters in the editor. */
	parameters?: INodeParameters;
	store: CredentialStore;
	credentials?: Record<string, string>;
	typeVersion?: number;
	/** Path of the parameter being edited (default `parameters.<method>`; used for `&sibling` lookups). */
	path?: string;
}

/**
 * Builds what DynamicNodeParametersService builds for the editor: a temporary one-node
 * workflow ("Temp-Node") and a LoadOptionsContext on it.
 */
async function context(
	options: LoadOptionsOptions,
): Promise<{ ctx: LoadOptionsContext; nodeType: INodeType }> {
	await startEngine();
	const nodeTypes = new NodeTypes([], options.store.credentialTypes);
	const typeName = nodeTypes.register(options.nodeType);
	const node: INode = makeNode(nodeTypes, typeName, {
		name: 'Temp-Node',
		parameters: options.parameters,
		typeVersion: options.typeVersion,
		credentials: options.credentials,
		store: options.store,
	});
	const currentNodeParameters = deepCopy(node.parameters);
	const { workflow } = makeWorkflow({ nodeTypes, nodes: [node] });
	const additionalData = createAdditionalData(options.store, { currentNodeParameters });
	const ctx = new LoadOptionsContext(
		workflow,
		workflow.nodes['Temp-Node'],
		additionalData,
		options.path ?? `parameters.${options.method}`,
	);
	return { ctx, nodeType: nodeTypes.getByNameAndVersion(typeName, node.typeVersion) };
}

/** Runs `methods.loadOptions[method]` like the editor's options dropdown does. */
export async function loadOptions(options: LoadOptionsOptions): Promise<INodePropertyOptions[]> {
	const { ctx, nodeType } = await context(options);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (typeof method !== 'function') {
		throw new UserError(`Node type has no loadOptions method "${options.method}"`);
	}
	return await method.call(ctx);
}

/** Runs `methods.listSearch[method]` like a resource locator's list mode does. */
export async function listSearch(
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { ctx, nodeType } = await context(options);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (typeof method !== 'function') {
		throw new UserError(`Node type has no listSearch method "${options.method}"`);
	}
	return await method.call(ctx, options.filter, options.paginationToken);
}
