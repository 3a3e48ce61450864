import type { VendorSpec } from '../../shared';
import { firstText, httpBaseUrl, isRecord } from '../../shared';
import { loginAnswerSchema, resultSchema, searchAnswerSchema } from './schemas';

export * from './schemas';

/**
 * The Wesal Cloud API v1 calls the nodes use. The doc names no paths; these follow the same
 * vendor's Portal API, so a correction is one line here (README lists this table).
 */
const endpoints = {
	login: { method: 'POST', path: '/auth/login', idempotent: false, schema: loginAnswerSchema },
	/** The doc's reset calls list only Content-Type: they are sent without a login. */
	sendResetCode: {
		method: 'POST',
		path: '/auth/reset',
		idempotent: false,
		withoutSession: true,
		schema: resultSchema,
	},
	resetPassword: {
		method: 'POST',
		path: '/auth/verify',
		idempotent: false,
		withoutSession: true,
		schema: resultSchema,
	},
	// Ending a session twice ends it once (a repeat after a lost answer logs in and out again).
	logout: { method: 'GET', path: '/auth/logout', idempotent: true, schema: resultSchema },
	// A search, even though the API takes it as a POST: safe to send again.
	searchSurveys: {
		method: 'POST',
		path: '/survey/queries/surveys',
		idempotent: true,
		schema: searchAnswerSchema,
	},
} as const;

export const DEFAULT_BASE_URL = 'https://api.wesal.cloud/api/v1';

/** Wesal VoC answers `{ result, message }`; `result: "error"` is a failure even with HTTP 200. */
export const WESAL_VOC: VendorSpec<typeof endpoints> = {
	displayName: 'Wesal VoC',
	credentialType: 'wesalVocApi',
	endpoints,
	baseUrl: httpBaseUrl(
		'Wesal VoC',
		`Use ${DEFAULT_BASE_URL} unless Wesal gave you another address.`,
	),
	// The credential logs in (preAuthentication); an unknown or expired token is answered with 401.
	session: { tokenField: 'sessionToken' },
	errorText: (body) => firstText(body, ['message', 'error', 'errors']),
	bodyFailure: (body) =>
		isRecord(body) && body.result === 'error'
			? (firstText(body, ['message']) ?? 'the answer says result "error"')
			: undefined,
};
