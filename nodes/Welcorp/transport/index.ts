import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import type { z } from 'zod';

import type { RequestContext, VendorSpec } from '../../shared';
import { firstText, isRecord, vendorRequest } from '../../shared';

/** Every call the Welcorp REST API v1 documents, relative to the credential's Base URL. */
export const ENDPOINTS = {
	listJobs: { method: 'GET', path: '/jobs' },
	getJob: { method: 'GET', path: '/jobs/{id}' },
	createJob: { method: 'POST', path: '/jobs' },
	listUsers: { method: 'GET', path: '/users' },
	getUser: { method: 'GET', path: '/users/{id}' },
	createUser: { method: 'POST', path: '/users' },
	updateUser: { method: 'PUT', path: '/users/{id}' },
	sendCode: { method: 'POST', path: '/client_verification/sendCode' },
	validateCode: { method: 'POST', path: '/client_verification/validateCode' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type Endpoint = keyof typeof ENDPOINTS;

/** Checking a code changes nothing, so it may be retried like a read. */
const RETRYABLE: ReadonlySet<Endpoint> = new Set<Endpoint>([
	'listJobs',
	'getJob',
	'listUsers',
	'getUser',
	'validateCode',
]);

export const WELCORP: VendorSpec = {
	displayName: 'Welcorp',
	credentialType: 'welcorpApi',
	errorText: (body) => firstText(body, ['errors', 'message', 'error']),
	// Every answer repeats the HTTP status in `status`; trust it when it says failure.
	bodyFailure: (body) =>
		isRecord(body) && typeof body.status === 'number' && body.status >= 400
			? (firstText(body, ['errors', 'message']) ?? `the answer says status ${body.status}`)
			: undefined,
};

export interface WelcorpCredentials {
	baseUrl: string;
	timeZone: string;
}

export async function welcorpCredentials(context: RequestContext): Promise<WelcorpCredentials> {
	const credentials = await context.getCredentials(WELCORP.credentialType);
	return {
		baseUrl: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		timeZone: String(credentials.timeZone || 'Australia/Sydney'),
	};
}

export interface WelcorpCall<T> {
	operation: string;
	schema: z.ZodType<T, z.ZodTypeDef, unknown>;
	id?: string | number;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	timeoutMs?: number;
}

export async function welcorpRequest<T>(
	context: RequestContext,
	endpoint: Endpoint,
	call: WelcorpCall<T>,
): Promise<T> {
	const { baseUrl } = await welcorpCredentials(context);
	const { method, path } = ENDPOINTS[endpoint];
	return await vendorRequest(context, WELCORP, {
		operation: call.operation,
		method,
		url: `${baseUrl}${path.replace('{id}', encodeURIComponent(String(call.id ?? '')))}`,
		qs: call.qs,
		body: call.body,
		headers: call.body ? { 'Content-Type': 'application/json' } : undefined,
		schema: call.schema as z.ZodType<T>,
		itemIndex: call.itemIndex,
		timeoutMs: call.timeoutMs,
		// Jobs, users and codes must never be sent twice: writes go out once.
		idempotent: RETRYABLE.has(endpoint),
	});
}
