import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import type { HttpFailure } from './failure';

/** Any n8n context our transport can send requests from. */
export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** One call a vendor documents: everything the shared call needs to send it and read the answer. */
export interface Endpoint<T = unknown> {
	method: IHttpRequestMethods;
	/** Relative to the credential's base URL; `{name}` is filled (URL-encoded) from the call's path parameters. */
	path: string;
	/**
	 * Safe to send again after a transient failure: the vendor does not act twice (reads, searches
	 * sent with POST, checking a code). Anything else is sent once and never retried.
	 */
	idempotent: boolean;
	/** Sent without the session token: the doc calls it with no login (password reset). */
	withoutSession?: boolean;
	/** Query parameters every call of this endpoint carries (Wolkvox picks its report with `api`). */
	qs?: IDataObject;
	/** The answer's documented shape; a different shape is an error (and transient for reads). */
	schema: ZodType<T, ZodTypeDef, unknown>;
}

export type EndpointTable = Record<string, Endpoint<unknown>>;

/** The answer type of one endpoint of a table. */
export type AnswerOf<E extends Endpoint<unknown>> = E extends Endpoint<infer T> ? T : never;

/** How a credential that logs in keeps its session (n8n's preAuthentication + a hidden expirable token). */
export interface SessionSpec {
	/** Name of the credential's hidden expirable token property. */
	tokenField: string;
	/**
	 * Whether a failed answer says the session token is unknown or expired when the vendor uses
	 * another status than 401 for it (n8n itself logs in again only after a 401).
	 */
	rejected?(failure: HttpFailure): boolean;
}

/** A vendor's own facts; everything that acts on them lives once in nodes/shared. */
export interface VendorSpec<E extends EndpointTable = EndpointTable> {
	/** Name shown to users in errors, e.g. "Wesal VoC". */
	displayName: string;
	credentialType: string;
	endpoints: E;
	/**
	 * The base URL from the credential. Throw a CredentialFieldProblem when a field makes it
	 * impossible (it becomes an error naming the field, before anything is sent).
	 */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Set when the credential logs in (preAuthentication) and keeps an expirable token. */
	session?: SessionSpec;
	/** The vendor's own error text in an answer body, if it has one. */
	errorText(body: unknown): string | undefined;
	/**
	 * Some vendors answer 200 with an error body. Return the error text when a successful
	 * status still carries a failure; leave undefined otherwise.
	 */
	bodyFailure?(body: unknown): string | undefined;
	/** What to do next for a failure the vendor documents specially (e.g. a busy token); undefined otherwise. */
	failureHint?(failure: HttpFailure): string | undefined;
}

/** A credential field that keeps any request from being sent; reported naming the field. */
export class CredentialFieldProblem extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

/** The trailing-slash-free text of a credential's base URL field. */
export function urlField(credentials: ICredentialDataDecryptedObject, name: string): string {
	return String(credentials[name] ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * The base URL of a vendor whose credential has a "Base URL" field: it must be an http(s) address.
 * `noun` is what the vendor's messages call such an address ('address' or 'URL').
 */
export function httpBaseUrl(vendor: string, hint: string, noun = 'address') {
	return (credentials: ICredentialDataDecryptedObject): string => {
		const url = urlField(credentials, 'baseUrl');
		if (!/^https?:\/\/[^\s/]+/i.test(url)) {
			throw new CredentialFieldProblem(
				`Invalid "Base URL" in the ${vendor} credential: ${url ? `"${url}" is not an http(s) ${noun}` : 'it is required'}`,
				hint,
			);
		}
		return url;
	};
}

/** Fills `{name}` placeholders with URL-encoded values (a `+` in a date becomes %2B). */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === '')
			throw new RangeError(`Missing path parameter "${name}"`);
		return encodeURIComponent(String(value));
	});
}
