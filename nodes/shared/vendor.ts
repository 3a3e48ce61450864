import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Any n8n context our transport can send requests from. */
export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What the shared core needs to know about a vendor; everything else stays in its folder. */
export interface VendorSpec {
	/** Name shown to users in errors, e.g. "Wesal VoC". */
	displayName: string;
	credentialType: string;
	/**
	 * The credential logs in and keeps an expirable token (preAuthentication): a 401 answer is
	 * then sent once more the way that makes n8n log in again.
	 */
	expirableToken?: boolean;
	/** The vendor's own error text in an answer body, if it has one. */
	errorText(body: unknown): string | undefined;
	/**
	 * Some vendors answer 200 with an error body. Return the error text when a successful
	 * status still carries a failure; leave undefined otherwise.
	 */
	bodyFailure?(body: unknown): string | undefined;
}
