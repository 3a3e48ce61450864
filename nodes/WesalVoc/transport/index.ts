import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext, VendorSpec } from '../../shared';
import { firstText, isRecord, vendorRequest } from '../../shared';

/**
 * The Wesal Cloud API doc names no paths; these follow the same vendor's Portal API. A correction
 * is one line here (README lists this table).
 */
export const ENDPOINTS = {
	login: { method: 'POST', path: '/auth/login' },
	sendResetCode: { method: 'POST', path: '/auth/reset' },
	resetPassword: { method: 'POST', path: '/auth/verify' },
	logout: { method: 'GET', path: '/auth/logout' },
	searchSurveys: { method: 'POST', path: '/survey/queries/surveys' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type Endpoint = keyof typeof ENDPOINTS;

export const WESAL_VOC: VendorSpec = {
	displayName: 'Wesal VoC',
	credentialType: 'wesalVocApi',
	expirableToken: true,
	errorText: (body) => firstText(body, ['message', 'error', 'errors']),
	bodyFailure: (body) =>
		isRecord(body) && body.result === 'error'
			? (firstText(body, ['message']) ?? 'the answer says result "error"')
			: undefined,
};

/** `{ result, message }` answers of the account calls; other fields pass through. */
export const resultSchema = z
	.object({ result: z.string().optional(), message: z.string().optional() })
	.passthrough() as unknown as z.ZodType<IDataObject>;

export function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

export async function wesalVocRequest<T>(
	context: RequestContext,
	endpoint: Endpoint,
	request: {
		operation: string;
		body?: IDataObject;
		schema: z.ZodType<T>;
		itemIndex?: number;
		timeoutMs?: number;
	},
): Promise<T> {
	const credentials = await context.getCredentials(WESAL_VOC.credentialType);
	const { method, path } = ENDPOINTS[endpoint];
	return await vendorRequest(context, WESAL_VOC, {
		...request,
		method,
		url: `${baseUrlOf(credentials)}${path}`,
		// Searching is a read even though the API uses POST for it.
		idempotent: method === 'GET' || endpoint === 'searchSurveys',
	});
}
