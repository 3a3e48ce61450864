import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { z } from 'zod';

import type { VendorSpec } from '../../shared';
import { CredentialFieldProblem, firstText, isRecord, urlField } from '../../shared';

/** The doc types every field as a string; numbers and nulls are tolerated, extra fields kept. */
const cell = z.union([z.string(), z.number(), z.null()]).optional();

export const surveyRowSchema = z
	.object({
		agent_id: cell,
		agent_name: cell,
		agent_dni: cell,
		skill_id: cell,
		skill_name: cell,
		date: cell,
		conn_id: cell,
		ani: cell,
		customer_id: cell,
		voice_message_duration: cell,
		type_interaction: cell,
		result: cell,
		time: cell,
		voice_message: cell,
		feeling: cell,
	})
	.passthrough();

export type SurveyRow = z.infer<typeof surveyRowSchema>;

const envelopeSchema = z
	.object({
		code: z.union([z.number(), z.string()]).optional(),
		data: z.array(surveyRowSchema).nullish(),
	})
	.passthrough()
	.refine((body) => 'data' in body || 'code' in body, 'neither a list of rows nor { code, data }');

/** Wolkvox API v2 reports used by the nodes; the report is chosen by the `api` query parameter. */
const endpoints = {
	/** `{ code: 200, error: null, msg, data: [...] }` as documented, or the rows alone. */
	surveyReport: {
		method: 'GET',
		path: '/reports_manager.php',
		qs: { api: 'diagram_4' },
		// Every report is a read: retried on transient failures, including the busy token (HTTP 429).
		idempotent: true,
		schema: z.union([z.array(surveyRowSchema), envelopeSchema]),
	},
} as const;

/** https://wv{server}.wolkvox.com/api/v2, or the credential's Base URL override. */
function baseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = urlField(credentials, 'baseUrl');
	if (override) return override;
	const server = String(credentials.server ?? '')
		.trim()
		.replace(/^wv/i, '')
		.trim();
	if (!/^[A-Za-z0-9-]+$/.test(server)) {
		throw new CredentialFieldProblem(
			`Invalid "Server" in the Wolkvox credential: ${server ? `"${server}" is not a server nomenclature` : 'it is required'}`,
			"Use the digits of your operation's address, e.g. 0002 for https://wv0002.wolkvox.com.",
		);
	}
	return `https://wv${server}.wolkvox.com/api/v2`;
}

/** Wolkvox answers `{ code, error, msg, data }`; a code other than 2xx is a failure even with HTTP 200. */
export const WOLKVOX: VendorSpec<typeof endpoints> = {
	displayName: 'Wolkvox',
	credentialType: 'wolkvoxApi',
	endpoints,
	baseUrl,
	// The credential checks its token once (preAuthentication) and again after a refusal.
	session: { tokenField: 'tokenChecked' },
	errorText: (body) => firstText(body, ['msg', 'error', 'message']),
	bodyFailure: (body) => {
		if (!isRecord(body) || body.code === undefined || body.code === null || body.code === '') {
			return undefined;
		}
		const code = Number(body.code);
		if (!Number.isFinite(code) || (code >= 200 && code < 300)) return undefined;
		return firstText(body, ['msg', 'error']) ?? `the answer says code ${String(body.code)}`;
	},
	failureHint: (failure) =>
		failure.status === 429
			? 'Wolkvox serves one request per token at a time and another workflow or system was using this token. Give this workflow its own token or schedule the runs apart.'
			: undefined,
};
