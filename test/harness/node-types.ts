import { DirectoryLoader, RoutingNode } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { deepCopy, NodeConnectionTypes, NodeHelpers, UnexpectedError } from 'n8n-workflow';

import type { CredentialTypes } from './credential-types';

export type AnyNodeType = INodeType | IVersionedNodeType;
export type NodeTypeSource = AnyNodeType | (new () => AnyNodeType);

/** Our package name: n8n registers community node types as `<package>.<description.name>`. */
export const PACKAGE_NAME = 'n8n-nodes-voc';
export const INPUT_NODE_TYPE = 'harness.input';

const isVersioned = (type: AnyNodeType): type is IVersionedNodeType => 'nodeVersions' in type;

export function toNodeType(source: NodeTypeSource): AnyNodeType {
	return typeof source === 'function' ? new source() : source;
}

/** `n8n-nodes-voc.wesalVoc` for a node whose description.name is `wesalVoc`. */
export function fullTypeName(type: AnyNodeType, packageName = PACKAGE_NAME): string {
	const { name } = type.description;
	return name.includes('.') ? name : `${packageName}.${name}`;
}

/** The version n8n uses for a newly added node: defaultVersion / currentVersion / highest listed. */
export function defaultTypeVersion(type: AnyNodeType): number {
	if (isVersioned(type)) return type.description.defaultVersion ?? type.currentVersion;
	const { version, defaultVersion } = type.description as INodeTypeDescription;
	if (defaultVersion !== undefined) return defaultVersion;
	return Array.isArray(version) ? Math.max(...version) : version;
}

// n8n's DirectoryLoader prepares every node it loads (adds `pollTimes` to polling nodes,
// `requestOptions` to declarative nodes, lists loadOptions methods); do the same.
const loaderSteps = DirectoryLoader.prototype as unknown as {
	applySpecialNodeParameters(type: INodeType): void;
	addLoadOptionsMethods(type: INodeType): void;
};
const prepared = new WeakSet<object>();

function prepareLikeLoader(type: AnyNodeType) {
	const versions = isVersioned(type) ? Object.values(type.nodeVersions) : [type];
	for (const version of versions) {
		// Keyed by the properties array: instances of one class may share it, and n8n loads a class once.
		if (prepared.has(version.description.properties)) continue;
		prepared.add(version.description.properties);
		loaderSteps.addLoadOptionsMethods.call(undefined, version);
		loaderSteps.applySpecialNodeParameters.call(undefined, version);
	}
}

/** The server's NodeTypes registry (INodeTypes), built from node classes or instances. */
export class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, AnyNodeType>();

	constructor(
		sources: NodeTypeSource[] = [],
		private readonly credentialTypes?: CredentialTypes,
	) {
		for (const source of sources) this.register(source);
	}

	/** Registers a node type and returns its full type name. */
	register(source: NodeTypeSource, packageName = PACKAGE_NAME): string {
		const type = toNodeType(source);
		const name = fullTypeName(type, packageName);
		if (name !== INPUT_NODE_TYPE) prepareLikeLoader(type);
		this.types.set(name, type);
		const versions = isVersioned(type) ? Object.values(type.nodeVersions) : [type];
		for (const version of versions) {
			for (const credential of version.description.credentials ?? []) {
				this.credentialTypes?.addSupportedNode(credential.name, name);
			}
		}
		return name;
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		// The server's NodeTypes gives declarative nodes an execute() that runs the RoutingNode.
		if (isDeclarativeWithoutExecute(type)) {
			type.execute = async function (this: IExecuteFunctions) {
				const routingNode = new RoutingNode(this as never, type);
				return (await routingNode.runNode()) ?? [];
			};
		}
		return type;
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, type] of this.types) {
			known[name] = { className: type.constructor.name, sourcePath: '' };
		}
		return known;
	}
}

function isDeclarativeWithoutExecute(type: INodeType): boolean {
	const isDeclarative = type.description.requestDefaults !== undefined;
	return (
		!type.execute &&
		!type.poll &&
		!type.trigger &&
		(!type.webhook || isDeclarative) &&
		(!type.methods || isDeclarative)
	);
}

/** Harness-only start node: outputs the given items (deep-copied on every run). */
export function createInputNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Harness Input',
			name: INPUT_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the items given to the harness',
			defaults: { name: 'Input' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [items.map((item) => ({ ...item, json: deepCopy(item.json) }))];
		},
	};
}
