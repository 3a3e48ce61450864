import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';

/** The two documented servers; "Custom URL" in the credential covers anything else. */
export const SERVERS = {
	production: 'https://api.weclever.co',
	development: 'https://dev-api.weclever.co',
} as const;

export const ENDPOINTS = {
	token: { method: 'GET', path: '/solution/token/basic/{platformId}' },
	finalizedLeads: { method: 'GET', path: '/lead/find/finalized/{firstDate}/{lastDate}' },
	lead: { method: 'GET', path: '/lead/find/weclever_id/{id}' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type Endpoint = keyof typeof ENDPOINTS;

/**
 * The doc does not say how lead calls carry the token; we send `Authorization: Bearer <token>`.
 * A correction is this one constant.
 */
export const TOKEN_HEADER = { name: 'Authorization', prefix: 'Bearer ' } as const;

/** Empty when "Custom URL" is chosen but left blank. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	const url =
		environment in SERVERS
			? SERVERS[environment as keyof typeof SERVERS]
			: String(credentials.customUrl ?? '');
	return url.trim().replace(/\/+$/, '');
}

/** Fills `{name}` placeholders with URL-encoded values (a `+` in a date becomes %2B). */
export function fillPath(path: string, params: Record<string, string>): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) =>
		encodeURIComponent(params[name] ?? ''),
	);
}
