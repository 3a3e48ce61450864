import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
} from 'n8n-workflow';

import { CredentialTypes, type CredentialTypeSource } from './credential-types';
import { getEngine } from './engine';

export interface CredentialRecord {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface CredentialStoreStats {
	/** Calls n8n-core made to `credentialsHelper.preAuthentication` (one per authenticated request, plus 401 retries). */
	preAuthenticationChecks: number;
	/** Times a credential type's own `preAuthentication` actually ran (i.e. logins). */
	preAuthentications: number;
	/** Writes of credential data back to the store (what n8n saves to its database). */
	updates: number;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** Encrypted with the instance key, exactly as n8n keeps it in the database. */
	data: string;
}

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getKnownTypes: () => ({}),
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
};

const isExpression = (value: unknown): value is string =>
	typeof value === 'string' && value.charAt(0) === '=';

/**
 * Credentials "database" plus the `ICredentialsHelper` n8n's server hands to n8n-core
 * (packages/cli CredentialsHelper): same rules for defaults, expressions, authenticate
 * and preAuthentication.
 */
export class CredentialStore extends ICredentialsHelper {
	readonly credentialTypes: CredentialTypes;
	readonly stats: CredentialStoreStats = {
		preAuthenticationChecks: 0,
		preAuthentications: 0,
		updates: 0,
	};
	private readonly records = new Map<string, StoredCredential>();
	private nextId = 1;

	constructor(types: CredentialTypeSource[] | CredentialTypes = []) {
		super();
		getEngine();
		this.credentialTypes = types instanceof CredentialTypes ? types : new CredentialTypes(types);
	}

	/** Save a credential (as the n8n UI would). Returns its id. */
	add(record: {
		type: string;
		data: ICredentialDataDecryptedObject;
		id?: string;
		name?: string;
	}): string {
		this.credentialTypes.getByName(record.type);
		const id = record.id ?? String(this.nextId++);
		const credentials = new Credentials(
			{ id, name: record.name ?? `${record.type} ${id}` },
			record.type,
		);
		credentials.setData(record.data);
		this.records.set(id, {
			id,
			name: credentials.name,
			type: record.type,
			data: credentials.data!,
		});
		return id;
	}

	/** Decrypted copy of a stored credential. */
	get(id: string): CredentialRecord {
		const stored = this.records.get(id);
		if (!stored) throw new UserError(`No credential with id "${id}" in the store`);
		return { id, name: stored.name, type: stored.type, data: this.decrypt(stored) };
	}

	/** Overwrite a stored credential's data (e.g. to simulate an edit or an expired token). */
	set(id: string, data: ICredentialDataDecryptedObject) {
		const stored = this.get(id);
		this.add({ id, name: stored.name, type: stored.type, data });
	}

	resetStats() {
		Object.assign(this.stats, { preAuthenticationChecks: 0, preAuthentications: 0, updates: 0 });
	}

	nodeCredentialsDetails(id: string): INodeCredentialsDetails {
		return { id, name: this.get(id).name };
	}

	// ---- ICredentialsHelper --------------------------------------------------

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const stored = this.find(nodeCredentials, type);
		return new Credentials({ id: stored.id, name: stored.name }, stored.type, stored.data);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.decrypt(this.find(nodeCredentials, type));
		if (raw === true) return data;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Type defaults filled in, then expressions in the data resolved (no overwrites are configured here). */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			properties,
			decryptedDataOriginal as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { secretsEnabled: false });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				(error as Error).message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			const ownsIsolate = await workflow.expression.acquireIsolate();
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					mockNode,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				if (ownsIsolate) await workflow.expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);

		requestOptions.headers ??= {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = this.resolveValue(
						value,
						{ $credentials: credentials },
						workflow,
						node,
					);
					target[outerKey] ??= {};
					target[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		this.stats.preAuthenticationChecks++;
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		// The credentials tester runs the test request through a temporary noOp node with `temp: ''`.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirableProperty.name] !== '' &&
			!credentialsExpired &&
			!isTestingCredentials
		) {
			return undefined;
		}

		this.stats.preAuthentications++;
		// `IHttpRequestHelper` promises only `helpers.httpRequest`; newer n8n passes exactly that
		// (1.x passed the whole node helper bag), so the narrow form is what works everywhere.
		const thisArg: IHttpRequestHelper = { helpers: { httpRequest: helpers.helpers.httpRequest } };
		const output = await credentialType.preAuthentication.call(thisArg, credentials);

		// Without the expirable property in the output nothing is saved.
		if (output[expirableProperty.name] === undefined) return undefined;

		if (node.credentials) {
			await this.updateCredentials(
				node.credentials[credentialType.name],
				credentialType.name,
				Object.assign(credentials, output),
			);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		credentials.setData(data);
		stored.data = credentials.data!;
		this.stats.updates++;
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		await this.updateCredentials(nodeCredentials, type, {
			...this.decrypt(stored),
			oauthTokenData: data.oauthTokenData,
		});
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (credentialType.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialType.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	// ---- internals -------------------------------------------------------------

	private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		if (!nodeCredentials?.id) {
			throw new UnexpectedError('Found credential with no ID.', {
				extra: { credentialName: nodeCredentials?.name },
				tags: { credentialType: type },
			});
		}
		const stored = this.records.get(nodeCredentials.id);
		if (!stored || stored.type !== type) {
			// Same wording as n8n's CredentialNotFoundError.
			throw new UserError(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
			);
		}
		return stored;
	}

	private decrypt(stored: StoredCredential): ICredentialDataDecryptedObject {
		return new Credentials(
			{ id: stored.id, name: stored.name },
			stored.type,
			stored.data,
		).getData();
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}
}
