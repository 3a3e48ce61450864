import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { ZodType } from 'zod';

import { describeFailure, type HttpFailure } from './failure';
import { READ_RETRY, isTransient, retryDelayMs } from './retry';
import { truncate } from './text';
import type { RequestContext, VendorSpec } from './vendor';

export interface VendorRequest<T> {
	/** What the user asked for, e.g. "Survey: Get Many"; named in every error. */
	operation: string;
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject | IDataObject[] | string;
	qs?: IDataObject;
	headers?: IDataObject;
	/** Reads are retried on transient failures; writes are sent once and never retried. */
	idempotent: boolean;
	/** Shape the answer must have; a different shape is an error (and a transient one for reads). */
	schema: ZodType<T>;
	timeoutMs?: number;
	itemIndex?: number;
	/**
	 * Turns an HTTP failure into a success when the vendor documents it as one (WeClever answers
	 * a found lead with HTTP 500). Return undefined to keep it a failure.
	 */
	acceptFailure?: (failure: HttpFailure) => T | undefined;
	/** Extra request options (form bodies, arrayFormat...). */
	options?: Partial<IHttpRequestOptions>;
	/** Passed on to httpRequestWithAuthentication (e.g. credentials to use instead of the stored ones). */
	credentialOptions?: IAdditionalCredentialOptions;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host was not found',
	EAI_AGAIN: 'the host name could not be resolved',
};

class UnexpectedAnswer extends Error {
	constructor(
		readonly failure: HttpFailure,
		readonly detail: string,
	) {
		super(detail);
	}
}

/** One request to a vendor, with read retries, answer validation and clear errors. */
export async function vendorRequest<T>(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<T>,
): Promise<T> {
	const timeout = timeoutFor(context, request);
	const attempts = request.idempotent ? READ_RETRY.attempts : 1;
	for (let attempt = 1; ; attempt++) {
		let failure: HttpFailure;
		let malformed = false;
		try {
			return await sendOnce(context, vendor, request, timeout);
		} catch (error) {
			if (error instanceof UnexpectedAnswer) {
				failure = error.failure;
				malformed = true;
			} else {
				failure = describeFailure(error);
				const accepted = request.acceptFailure?.(failure);
				if (accepted !== undefined) return accepted;
			}
			const delay = retryDelayMs(failure, attempt);
			const retry = attempt < attempts && isTransient(failure, malformed) && delay !== undefined;
			if (!retry)
				throw toApiError(context, vendor, request, {
					failure,
					malformed,
					attempts: attempt,
					timeout,
				});
			await sleep(delay);
		}
	}
}

type FullResponse = { body: unknown; statusCode: number; headers: Record<string, string> };

async function send(
	context: RequestContext,
	vendor: VendorSpec,
	options: IHttpRequestOptions,
	credentialOptions?: IAdditionalCredentialOptions,
): Promise<FullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		vendor.credentialType,
		options,
		credentialOptions,
	)) as FullResponse;
}

/** An HTTP answer with an error status, in the shape describeFailure reads. */
function httpError(response: FullResponse): Error {
	return Object.assign(new Error(`HTTP ${response.statusCode}`), {
		response: { status: response.statusCode, data: response.body, headers: response.headers },
	});
}

/**
 * An operation's own value, else the Timeout the user set in its Options collection (every
 * operation offers `timeoutOption`), else the default. Checked before anything is sent: 0 would
 * mean "wait forever" to the HTTP client and a negative value makes it throw.
 */
function timeoutFor(context: RequestContext, request: VendorRequest<unknown>): number {
	let chosen: unknown = request.timeoutMs;
	const options = context.getNode().parameters.options;
	if (
		chosen === undefined &&
		'getInputData' in context &&
		typeof options === 'object' &&
		options !== null &&
		'timeout' in options
	) {
		chosen = context.getNodeParameter('options.timeout', request.itemIndex ?? 0, undefined);
	}
	if (chosen === undefined || chosen === null || chosen === '') return DEFAULT_TIMEOUT_MS;
	if (typeof chosen !== 'number' || !Number.isFinite(chosen) || chosen < 1) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Timeout": must be a positive number of milliseconds',
			{
				itemIndex: request.itemIndex,
				description: `Got ${JSON.stringify(chosen)}.`,
			},
		);
	}
	return chosen;
}

async function sendOnce<T>(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<T>,
	timeout: number,
): Promise<T> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		timeout,
		returnFullResponse: true,
		// Error answers come back whole (status, body, Retry-After) instead of as n8n's summary.
		ignoreHttpStatusErrors: true,
		...request.options,
	};
	let response = await send(context, vendor, options, request.credentialOptions);
	if (response.statusCode === 401 && vendor.expirableToken) {
		// n8n renews an expirable token only when a request fails with 401: send it again that way.
		// A 401 means the vendor did not act on the request, so this is safe for writes too.
		response = await send(
			context,
			vendor,
			{ ...options, ignoreHttpStatusErrors: false },
			request.credentialOptions,
		);
	}
	if (response.statusCode >= 400) throw httpError(response);

	const vendorFailure = vendor.bodyFailure?.(response.body);
	if (vendorFailure !== undefined) throw httpError(response);
	const parsed = request.schema.safeParse(response.body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
		const failure: HttpFailure = {
			status: response.statusCode,
			body: response.body,
			headers: response.headers ?? {},
			timedOut: false,
		};
		throw new UnexpectedAnswer(failure, `${issue?.message ?? 'invalid'}${where}`);
	}
	return parsed.data;
}

function describeBody(vendor: VendorSpec, body: unknown): string | undefined {
	if (typeof body === 'string' && /^\s*</.test(body))
		return 'the server answered with an HTML page instead of JSON';
	const text = vendor.errorText(body);
	if (text) return truncate(text);
	if (typeof body === 'string' && body.trim()) return truncate(body.trim());
	return undefined;
}

function toApiError(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<unknown>,
	{
		failure,
		malformed,
		attempts,
		timeout,
	}: { failure: HttpFailure; malformed: boolean; attempts: number; timeout: number },
): NodeApiError {
	const what = `${vendor.displayName} ${request.operation} failed`;
	let reason: string;
	if (malformed) {
		reason = `unexpected answer (HTTP ${failure.status ?? '?'})`;
	} else if (failure.status !== undefined) {
		reason = failure.status >= 400 ? `HTTP ${failure.status}` : 'the answer reports an error';
	} else if (failure.timedOut) {
		reason = `no answer within ${Math.round(timeout / 100) / 10} s`;
	} else if (failure.code) {
		// Plain words: NodeApiError replaces any message that contains a raw code like ECONNRESET.
		reason = NETWORK_WORDS[failure.code] ?? 'the connection failed';
	} else {
		reason = failure.message ? truncate(failure.message) : 'unknown error';
	}
	const vendorText = malformed ? undefined : describeBody(vendor, failure.body);
	const message = `${what}: ${reason}${vendorText ? ` – ${vendorText}` : ''}`;
	const retried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const outcome = malformed
		? `The answer did not have the documented shape${retried}: ${describeBody(vendor, failure.body) ?? 'empty body'}.`
		: `${vendor.displayName} could not complete "${request.operation}"${retried}.`;
	const description = request.idempotent
		? outcome
		: `${outcome} ${writeNotice(vendor, failure, malformed)}`;
	const errorResponse: JsonObject = { message, description, httpCode: failure.status ?? null };
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: request.itemIndex,
	});
}

/** Writes are sent once; when the vendor may have acted on one, say so instead of implying it failed. */
function writeNotice(vendor: VendorSpec, failure: HttpFailure, malformed: boolean): string {
	const neverSent =
		failure.code !== undefined && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(failure.code);
	const mayHaveActed = malformed || (failure.status === undefined && !neverSent);
	return mayHaveActed
		? `This request changes data and may have been carried out: check in ${vendor.displayName} before sending it again. It was not retried.`
		: 'This request changes data, so it was not retried.';
}
