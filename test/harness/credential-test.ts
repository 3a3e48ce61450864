import { Container } from '@n8n/di';
import { CredentialTestContext, ErrorReporter, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequestData,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { startEngine } from './engine';
import { toNodeType, type NodeTypeSource } from './node-types';

export type CredentialTestResult = INodeCredentialTestResult;

/**
 * What `n8n-nodes-base.noOp` contributes to a credential test: only its description.
 * Note its description.name is the short 'noOp' (n8n does not prefix loaded instances),
 * so the credentials helper's "is a credential test" shortcut never fires in real n8n.
 */
const noOpNodeType: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
};

function findTest(
	store: CredentialStore,
	credentialType: string,
	nodeTypes: NodeTypeSource[],
): ICredentialTestFunction | ICredentialTestRequestData | undefined {
	const type = store.credentialTypes.getByName(credentialType);
	if (type.test) return { testRequest: type.test };

	for (const source of nodeTypes) {
		const node = toNodeType(source);
		const versions = 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
				return { nodeType, testRequest: testedBy };
			}
		}
	}
	return undefined;
}

/**
 * The editor's "Test credential" (CredentialsTester.testCredentials): the credential is saved
 * first (pass `id` to test an already stored one with edited `data`), defaults are applied,
 * and the credential's `test` request runs through n8n-core's RoutingNode, i.e.
 * httpRequestWithAuthentication with preAuthentication, authenticate and the 401 retry.
 */
export async function testCredential(
	store: CredentialStore,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
	options: { id?: string; name?: string; nodeTypes?: NodeTypeSource[] } = {},
): Promise<CredentialTestResult> {
	await startEngine();
	const test = findTest(store, credentialType, options.nodeTypes ?? []);
	if (test === undefined)
		return { status: 'Error', message: 'No testing function found for this credential.' };

	const id = options.id ?? store.add({ type: credentialType, data, name: options.name });
	const credentials: ICredentialsDecrypted = {
		id,
		name: store.get(id).name,
		type: credentialType,
		data,
	};
	try {
		credentials.data = await store.applyDefaultsAndOverwrites(
			createAdditionalData(store),
			data,
			credentialType,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message.toString() };
	}

	if (typeof test === 'function') {
		return await test.call(new CredentialTestContext(), credentials);
	}

	const nodeType = test.nodeType ?? noOpNodeType;
	const { version } = nodeType.description;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
		position: [0, 0],
		credentials: { [credentialType]: { id, name: credentials.name } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getKnownTypes: () => ({}),
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (_name, typeVersion) =>
			NodeHelpers.getVersionedNodeType(nodeTypeCopy, typeVersion),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData(store, { currentNodeParameters: node.parameters });
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	const ownsIsolate = await workflow.expression.acquireIsolate();
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentials).runNode();
	} catch (error) {
		Container.get(ErrorReporter).error(error);
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of test.testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message.toString() };
	} finally {
		if (ownsIsolate) await workflow.expression.releaseIsolate();
	}

	for (const rule of test.testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const json = response?.[0]?.[0]?.json ?? {};
			if (getPath(json, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function getPath(object: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}
