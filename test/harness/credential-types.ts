import type { ICredentialType, ICredentialTypes, INodeProperties } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

export type CredentialTypeSource = ICredentialType | (new () => ICredentialType);

export function toCredentialType(source: CredentialTypeSource): ICredentialType {
	return typeof source === 'function' ? new source() : source;
}

/** The server's CredentialTypes registry, built from credential classes or instances. */
export class CredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();
	private readonly supportedNodes = new Map<string, string[]>();

	constructor(sources: CredentialTypeSource[] = []) {
		for (const source of sources) this.register(source);
	}

	register(source: CredentialTypeSource): ICredentialType {
		const type = toCredentialType(source);
		if (usesDomainRestrictions(type))
			type.properties = withDomainRestrictionFields(type.properties);
		this.types.set(type.name, type);
		return type;
	}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unrecognized credential type: ${name}`);
		return type;
	}

	/** Full node type names that declare this credential (filled by NodeTypes when it registers nodes). */
	getSupportedNodes(name: string): string[] {
		return this.supportedNodes.get(name) ?? [];
	}

	addSupportedNode(credentialName: string, nodeTypeName: string) {
		const list = this.supportedNodes.get(credentialName) ?? [];
		if (!list.includes(nodeTypeName)) list.push(nodeTypeName);
		this.supportedNodes.set(credentialName, list);
	}

	/** All ancestors via `extends`, nearest first (e.g. ['oAuth2Api']). */
	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
}

// n8n's LoadNodesAndCredentials appends these two fields to every credential type that
// authenticates requests, so they show up (with defaults) in the decrypted credential data.
function usesDomainRestrictions(type: ICredentialType): boolean {
	return (
		type.authenticate !== undefined ||
		type.genericAuth === true ||
		(Array.isArray(type.extends) &&
			['oAuth2Api', 'oAuth1Api', 'googleOAuth2Api'].some((parent) =>
				type.extends!.includes(parent),
			))
	);
}

function withDomainRestrictionFields(properties: INodeProperties[]): INodeProperties[] {
	if (properties.some((property) => property.name === 'allowedHttpRequestDomains'))
		return properties;
	return [
		...properties,
		{
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'options',
			options: [
				{
					name: 'All',
					value: 'all',
					description: 'Allow all requests when used in the HTTP Request node',
				},
				{
					name: 'Specific Domains',
					value: 'domains',
					description: 'Restrict requests to specific domains',
				},
				{
					name: 'None',
					value: 'none',
					description: 'Block all requests when used in the HTTP Request node',
				},
			],
			default: 'all',
			description: 'Control which domains this credential can be used with in HTTP Request nodes',
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'string',
			default: '',
			placeholder: 'example.com, *.subdomain.com',
			description: 'Comma-separated list of allowed domains (supports wildcards with *)',
			displayOptions: { show: { allowedHttpRequestDomains: ['domains'] } },
		},
	];
}
