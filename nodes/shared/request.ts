import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { ZodError, ZodType } from 'zod';

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
	timeoutMs: number;
	itemIndex?: number;
	/** Sent without the session token: a 401 is the vendor's answer, not an expired session. */
	withoutSession?: boolean;
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

/** Network failures that happen before a request leaves: the vendor cannot have acted on it. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

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
	const attempts = request.idempotent ? READ_RETRY.attempts : 1;
	for (let attempt = 1; ; attempt++) {
		let failure: HttpFailure;
		let malformed = false;
		let detail: string | undefined;
		try {
			return await sendOnce(context, vendor, request);
		} catch (error) {
			if (error instanceof UnexpectedAnswer) {
				failure = error.failure;
				malformed = true;
				detail = error.detail;
			} else {
				failure = describeFailure(error);
				const accepted = request.acceptFailure?.(failure);
				if (accepted !== undefined) return accepted;
			}
			const delay = retryDelayMs(failure, attempt);
			const retry = attempt < attempts && isTransient(failure, malformed) && delay !== undefined;
			if (!retry) {
				throw toApiError(context, vendor, request, {
					failure,
					malformed,
					attempts: attempt,
					detail,
				});
			}
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

async function sendOnce<T>(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<T>,
): Promise<T> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		timeout: request.timeoutMs,
		returnFullResponse: true,
		// Error answers come back whole (status, body, Retry-After) instead of as n8n's summary.
		ignoreHttpStatusErrors: true,
		...request.options,
	};
	let response = await send(context, vendor, options, request.credentialOptions);
	if (response.statusCode === 401 && vendor.session && !request.withoutSession) {
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
		const failure: HttpFailure = {
			status: response.statusCode,
			body: response.body,
			headers: response.headers ?? {},
			timedOut: false,
		};
		throw new UnexpectedAnswer(failure, answerProblem(parsed.error));
	}
	return parsed.data;
}

/** What a schema found first in an answer of another shape, and where. */
export function answerProblem(error: ZodError): string {
	const issue = error.issues[0];
	const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
	return `${issue?.message ?? 'invalid'}${where}`;
}

function describeBody(vendor: VendorSpec, body: unknown): string | undefined {
	if (typeof body === 'string' && /^\s*</.test(body))
		return 'the server answered with an HTML page instead of JSON';
	// A failure the body reports without a message still says what it was (e.g. result "error").
	const text = vendor.errorText(body) ?? vendor.bodyFailure?.(body);
	if (text) return truncate(text);
	if (typeof body === 'string' && body.trim()) return truncate(body.trim());
	return undefined;
}

interface Outcome {
	failure: HttpFailure;
	malformed: boolean;
	attempts: number;
	/** For an answer of another shape: what the schema found first. */
	detail?: string;
}

/** What happened, in the vendor's words where it gave any (the error's message). */
function headline(vendor: VendorSpec, request: VendorRequest<unknown>, outcome: Outcome): string {
	const { failure, malformed } = outcome;
	const name = vendor.displayName;
	const operation = `"${request.operation}"`;
	const vendorText = malformed ? undefined : describeBody(vendor, failure.body);
	const said = vendorText ? `: ${vendorText}` : '';
	// The credential's own words: what the vendor said and what to check.
	if (failure.loginRefused && failure.message) return failure.message;
	if (malformed) {
		return `${name} answered ${operation} in an unexpected shape (HTTP ${failure.status ?? '?'})`;
	}
	const status = failure.status;
	if (status === undefined) {
		if (failure.timedOut) {
			return `${name} did not answer ${operation} within ${Math.round(request.timeoutMs / 100) / 10} s`;
		}
		// Plain words: NodeApiError replaces any message that contains a raw code like ECONNRESET.
		const reason = failure.code
			? (NETWORK_WORDS[failure.code] ?? 'the connection broke off')
			: failure.message
				? truncate(failure.message)
				: 'no answer';
		return `Could not reach ${name} for ${operation}: ${reason}`;
	}
	const http = status >= 400 ? ` (HTTP ${status})` : '';
	if (status === 401 || status === 403)
		return `${name} did not accept the credential for ${operation}${http}${said}`;
	if (status === 404) return `${name} found nothing for ${operation}${http}${said}`;
	if (status === 429)
		return `${name} is limiting requests and did not serve ${operation}${http}${said}`;
	if (status >= 500) return `${name} could not serve ${operation}${http}${said}`;
	return `${name} refused ${operation}${http}${said}`;
}

/** What to do next (the error's description). */
function nextStep(vendor: VendorSpec, request: VendorRequest<unknown>, outcome: Outcome): string {
	const { failure, malformed, attempts } = outcome;
	const retried = attempts > 1 ? ` It was tried ${attempts} times.` : '';
	const credential = `the "${vendor.displayName} API" credential`;
	const special = vendor.failureHint?.(failure);
	if (special) return `${special}${retried}`;
	if (failure.loginRefused) return `Correct ${credential}, then run this again.`;
	if (malformed) {
		const said = describeBody(vendor, failure.body);
		const found = [outcome.detail, said].filter(Boolean).join('; ');
		return `The answer did not have the documented shape (${found || 'an empty body'}).${retried} Check that the Base URL in ${credential} points at the API.`;
	}
	const status = failure.status;
	if (status === undefined) {
		if (failure.timedOut) return `Raise Options → Timeout, or try again later.${retried}`;
		return `Check the Base URL in ${credential} and that this n8n can reach it.${retried}`;
	}
	if (status === 401 || status === 403) {
		return `Check ${credential} and that its user may do this.${retried}`;
	}
	if (status === 404)
		return `Check the IDs of this operation and the Base URL in ${credential}.${retried}`;
	if (status === 429) return `Wait a moment and run it again, or run it less often.${retried}`;
	if (status >= 500)
		return `The problem is on ${vendor.displayName}'s side.${retried} Try again later.`;
	return `Check the fields of this operation against ${vendor.displayName}'s message.${retried}`;
}

function toApiError(
	context: RequestContext,
	vendor: VendorSpec,
	request: VendorRequest<unknown>,
	outcome: Outcome,
): NodeApiError {
	const message = headline(vendor, request, outcome);
	const step = nextStep(vendor, request, outcome);
	const description = request.idempotent ? step : `${step} ${writeNotice(vendor, outcome)}`;
	const { failure } = outcome;
	const errorResponse: JsonObject = { message, description, httpCode: failure.status ?? null };
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: request.itemIndex,
	});
}

/** Writes are sent once; say whether the vendor may have acted on one, instead of implying it did not. */
function writeNotice(vendor: VendorSpec, { failure, malformed }: Outcome): string {
	const neverSent =
		failure.loginRefused || (failure.code !== undefined && NEVER_SENT_CODES.has(failure.code));
	if (neverSent) return 'Nothing was sent, so it is safe to run again.';
	const mayHaveActed = malformed || failure.status === undefined;
	return mayHaveActed
		? `This request changes data and may have been carried out: check in ${vendor.displayName} before sending it again. It was not retried.`
		: 'This request changes data, so it was not retried.';
}
