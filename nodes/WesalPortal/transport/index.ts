import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext, SessionRenewal, VendorSpec } from '../../shared';
import { isRecord, vendorRequestRenewingSession } from '../../shared';
import { errorCode, errorText } from './errorCodes';

/** Every call of the doc; a correction is one line here (README lists this table). */
export const ENDPOINTS = {
	sendResetCode: { method: 'POST', path: '/auth/reset', read: false },
	resetPassword: { method: 'POST', path: '/auth/verify', read: false },
	// The doc's curl example says auth/logout, its text says auth/reset_pwd: the curl is used.
	logout: { method: 'GET', path: '/auth/logout', read: false },
	getOrganization: { method: 'GET', path: '/queries/organization', read: true },
	getQuestions: { method: 'GET', path: '/survey/queries/questions/{companyId}', read: true },
	// The searches and analytics below are reads even though the API uses POST for them.
	searchSurveys: { method: 'POST', path: '/survey/queries/surveys', read: true },
	queueSummary: { method: 'POST', path: '/analytics/runtime/queues/summary', read: true },
	queueActivity: { method: 'POST', path: '/analytics/runtime/queues/activity', read: true },
	queuePerformance: { method: 'POST', path: '/analytics/queues/performance', read: true },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string; read: boolean }>;

export type Endpoint = keyof typeof ENDPOINTS;

export const CREDENTIAL_TYPE = 'wesalPortalApi';

export const WESAL_PORTAL: VendorSpec = {
	displayName: 'Wesal Portal',
	credentialType: CREDENTIAL_TYPE,
	expirableToken: true,
	errorText,
	// `success: false` is an error whatever the HTTP status (the queue calls also nest one in `data`).
	bodyFailure: (body) => {
		if (!isRecord(body)) return undefined;
		const failed =
			body.success === false
				? body
				: isRecord(body.data) && body.data.success === false
					? body.data
					: undefined;
		return failed ? (errorText(failed) ?? 'the answer says success: false') : undefined;
	},
};

/** X003 renews the token whatever the HTTP status it comes with (n8n itself renews only on 401). */
export const SESSION: SessionRenewal = {
	tokenField: 'accessToken',
	isRejected: (failure) => errorCode(failure.body) === 'X003',
};

/** `{ data: ..., success: true }`, the envelope of every answer with data. */
export function envelope<T extends z.ZodTypeAny>(data: T) {
	return z.object({ data, success: z.boolean().optional() }).passthrough();
}

/** `{ success: true }` answers of the account calls; other fields pass through. */
export const successSchema = z
	.object({ success: z.boolean().optional() })
	.passthrough() as unknown as z.ZodType<IDataObject>;

export function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

export interface PortalRequest<T> {
	operation: string;
	body?: IDataObject;
	pathParams?: Record<string, string | number>;
	schema: z.ZodType<T>;
	itemIndex?: number;
	timeoutMs?: number;
}

export async function wesalPortalRequest<T>(
	context: RequestContext,
	endpoint: Endpoint,
	request: PortalRequest<T>,
): Promise<T> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const { method, path, read } = ENDPOINTS[endpoint];
	const { pathParams, ...rest } = request;
	const resolved = path.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(String(pathParams?.[name] ?? '')),
	);
	return await vendorRequestRenewingSession(context, WESAL_PORTAL, SESSION, {
		...rest,
		method,
		url: `${baseUrlOf(credentials)}${resolved}`,
		idempotent: read,
	});
}
