import type { IAdditionalCredentialOptions, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import type { HttpFailure } from './failure';
import { DEFAULT_TIMEOUT_MS, vendorRequest, type VendorRequest } from './request';
import { NO_SESSION } from './authenticate';
import type { AnswerOf, EndpointTable, RequestContext, VendorSpec } from './vendor';
import { CredentialFieldProblem, fillPath } from './vendor';

/** What one input item (or one poll) brings to every request it makes. */
export interface CallScope {
	itemIndex?: number;
	/** The user's Options → Timeout, already checked; the default when absent. */
	timeoutMs?: number;
	/**
	 * The credential's base URL, kept by the first request of the item or poll: the pages after it
	 * skip decrypting the credential again.
	 */
	baseUrl?: string;
}

export interface EndpointCall<T> {
	/** What the user asked for, e.g. "Survey: Get Many"; named in every error. */
	operation: string;
	scope?: CallScope;
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: IDataObject;
	/** A narrower or cheaper check of the answer than the endpoint's own schema. */
	schema?: ZodType<T, ZodTypeDef, unknown>;
	/** Turns an HTTP failure into a success when the vendor documents it as one. */
	acceptFailure?: (failure: HttpFailure) => T | undefined;
	/** Extra request options (form bodies, arrayFormat...). */
	options?: Partial<IHttpRequestOptions>;
}

/**
 * The one way every node talks to a vendor: base URL from the credential, path filled, the
 * endpoint's retry policy, session handling and answer schema, the scope's timeout and item.
 */
export async function callEndpoint<
	E extends EndpointTable,
	K extends keyof E & string,
	T = AnswerOf<E[K]>,
>(
	context: RequestContext,
	vendor: VendorSpec<E>,
	endpointName: K,
	call: EndpointCall<T>,
): Promise<T> {
	const endpoint = vendor.endpoints[endpointName];
	const itemIndex = call.scope?.itemIndex;
	const baseUrl = call.scope?.baseUrl ?? (await readBaseUrl(context, vendor, itemIndex));
	if (call.scope) call.scope.baseUrl = baseUrl;
	const request: VendorRequest<T> = {
		operation: call.operation,
		method: endpoint.method,
		url: `${baseUrl}${fillPath(endpoint.path, call.pathParams)}`,
		qs: endpoint.qs || call.qs ? { ...endpoint.qs, ...call.qs } : undefined,
		body: call.body,
		headers: call.headers,
		idempotent: endpoint.idempotent,
		schema: (call.schema ?? endpoint.schema) as ZodType<T>,
		timeoutMs: call.scope?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		itemIndex,
		acceptFailure: call.acceptFailure,
		options: call.options,
		withoutSession: endpoint.withoutSession === true,
	};
	if (endpoint.withoutSession && vendor.session) {
		const credentialOptions = await credentialsWithToken(context, vendor, NO_SESSION);
		return await vendorRequest(context, vendor, { ...request, credentialOptions });
	}
	if (!vendor.session?.rejected) return await vendorRequest(context, vendor, request);
	return await renewingSession(context, vendor, request);
}

async function readBaseUrl(
	context: RequestContext,
	vendor: VendorSpec,
	itemIndex: number | undefined,
): Promise<string> {
	const credentials = await context.getCredentials(vendor.credentialType);
	try {
		return vendor.baseUrl(credentials);
	} catch (error) {
		const hint = error instanceof CredentialFieldProblem ? `${error.hint} ` : '';
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex,
			description: `${hint}Nothing was sent.`,
		});
	}
}

const REJECTED = Symbol('session token rejected');

/**
 * For vendors that report an unknown or expired session token with another status than 401,
 * or inside a 200 answer: n8n runs preAuthentication again only after a 401, so the request is
 * sent once more with the credential's token blanked. n8n then logs in, saves the new token and
 * sends the request with it. The vendor refused the request before acting on it, so this is
 * safe for writes too.
 */
async function renewingSession<T>(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<T>,
): Promise<T> {
	const session = vendor.session!;
	const first = await vendorRequest<T | typeof REJECTED>(context, vendor, {
		...request,
		acceptFailure: (failure) =>
			// After a 401 n8n has already logged in again and repeated the request.
			failure.status !== 401 && session.rejected!(failure)
				? REJECTED
				: request.acceptFailure?.(failure),
	});
	if (first !== REJECTED) return first;
	const credentialOptions = await credentialsWithToken(context, vendor, '');
	return await vendorRequest(context, vendor, { ...request, credentialOptions });
}

/** The node's own credential with its session token replaced, for one request. */
async function credentialsWithToken(
	context: RequestContext,
	vendor: VendorSpec,
	token: string,
): Promise<IAdditionalCredentialOptions | undefined> {
	const reference = context.getNode().credentials?.[vendor.credentialType];
	if (!reference?.id) return undefined;
	const data = await context.getCredentials(vendor.credentialType);
	return {
		credentialsDecrypted: {
			id: reference.id,
			name: reference.name,
			type: vendor.credentialType,
			data: { ...data, [vendor.session!.tokenField]: token },
		},
	};
}
