import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import type { RequestContext, VendorSpec } from '../../shared';
import { firstText, isRecord, vendorRequest } from '../../shared';

/** Wolkvox API v2 reports used by the nodes; the report is chosen by the `api` query parameter. */
export const ENDPOINTS = {
	surveyReport: { method: 'GET', path: '/reports_manager.php', api: 'diagram_4' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string; api: string }>;

export type Endpoint = keyof typeof ENDPOINTS;

/** Wolkvox answers `{ code, error, msg, data }`; a code other than 2xx is a failure even with HTTP 200. */
export const WOLKVOX: VendorSpec = {
	displayName: 'Wolkvox',
	credentialType: 'wolkvoxApi',
	errorText: (body) => firstText(body, ['msg', 'error', 'message']),
	bodyFailure: (body) => {
		if (!isRecord(body) || body.code === undefined || body.code === null || body.code === '')
			return undefined;
		const code = Number(body.code);
		if (!Number.isFinite(code) || (code >= 200 && code < 300)) return undefined;
		return firstText(body, ['msg', 'error']) ?? `the answer says code ${String(body.code)}`;
	},
};

const BUSY_HINT =
	'Wolkvox serves one request per token at a time and another workflow or system was using this token. ' +
	'The read was retried a few times; give this workflow its own token or schedule the runs apart.';

/** https://wv{server}.wolkvox.com/api/v2, or the credential's Base URL override. */
export function baseUrlOf(context: RequestContext, credentials: IDataObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override) return override.replace(/\/+$/, '');
	const server = String(credentials.server ?? '')
		.trim()
		.replace(/^wv/i, '')
		.trim();
	if (!/^[A-Za-z0-9-]+$/.test(server)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Server" in the Wolkvox credential: ${server ? `"${server}" is not a server nomenclature` : 'it is required'}`,
			{
				description:
					"Use the digits of your operation's address, e.g. 0002 for https://wv0002.wolkvox.com.",
			},
		);
	}
	return `https://wv${server}.wolkvox.com/api/v2`;
}

/** Every report is a read: retried on transient failures, including the busy-token answer (HTTP 429). */
export async function wolkvoxRequest<T>(
	context: RequestContext,
	endpoint: Endpoint,
	request: {
		operation: string;
		qs: IDataObject;
		schema: z.ZodType<T>;
		itemIndex?: number;
		timeoutMs?: number;
	},
): Promise<T> {
	const credentials = await context.getCredentials(WOLKVOX.credentialType);
	const { method, path, api } = ENDPOINTS[endpoint];
	const url = `${baseUrlOf(context, credentials)}${path}`;
	try {
		return await vendorRequest(context, WOLKVOX, {
			...request,
			method,
			url,
			qs: { api, ...request.qs },
			idempotent: true,
		});
	} catch (error) {
		throw error instanceof NodeApiError
			? withBusyHint(error)
			: new NodeOperationError(context.getNode(), error as Error);
	}
}

function withBusyHint(error: NodeApiError): NodeApiError {
	if (error.httpCode === '429') error.description = BUSY_HINT;
	return error;
}
