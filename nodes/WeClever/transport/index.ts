import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorSpec } from '../../shared';
import { CredentialFieldProblem, firstText, urlField } from '../../shared';
import { leadAnswerSchema, listAnswerSchema, tokenAnswerSchema } from './schemas';

export type { Lead, LeadEntry, LeadMessage } from './schemas';

/** The two documented servers; "Custom URL" in the credential covers anything else. */
export const SERVERS = {
	production: 'https://api.weclever.co',
	development: 'https://dev-api.weclever.co',
} as const;

/**
 * The doc does not say how lead calls carry the token; we send `Authorization: Bearer <token>`.
 * A correction is this one constant.
 */
export const TOKEN_HEADER = { name: 'Authorization', prefix: 'Bearer ' } as const;

/** The WeClever API as documented: every call is a GET read, safe to send again. */
const endpoints = {
	/** HTTP Basic, `?time=` seconds; called by the credential's login only. */
	token: {
		method: 'GET',
		path: '/solution/token/basic/{platformId}',
		idempotent: true,
		schema: tokenAnswerSchema,
	},
	/** Dates as YYYY-MM-DD or YYYY-MM-DD+HH:mm:ss; the whole range in one answer, no paging. */
	finalizedLeads: {
		method: 'GET',
		path: '/lead/find/finalized/{firstDate}/{lastDate}',
		idempotent: true,
		schema: listAnswerSchema,
	},
	/** The doc lists a found lead under HTTP 500: the call accepts such an answer (lead.ts). */
	lead: {
		method: 'GET',
		path: '/lead/find/weclever_id/{id}',
		idempotent: true,
		schema: leadAnswerSchema,
	},
} as const;

function baseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment === 'production' || environment === 'development') return SERVERS[environment];
	const url = urlField(credentials, 'customUrl');
	if (!url) {
		throw new CredentialFieldProblem(
			'The WeClever credential has no Custom URL',
			'Open the credential and fill in Custom URL, or choose Production or Development.',
		);
	}
	return url;
}

export const WECLEVER: VendorSpec<typeof endpoints> = {
	displayName: 'WeClever',
	credentialType: 'weCleverApi',
	endpoints,
	baseUrl,
	// The credential fetches a token before first use into its hidden `token` field; the API
	// refuses an expired one with 401, after which n8n fetches a new one.
	session: { tokenField: 'token' },
	errorText: (body) => firstText(body, ['message', 'error', 'errors', 'detail', 'msg']),
};
