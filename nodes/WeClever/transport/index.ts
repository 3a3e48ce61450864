import { NodeOperationError } from 'n8n-workflow';
import type { ZodType } from 'zod';

import type { HttpFailure, RequestContext, VendorSpec } from '../../shared';
import { firstText, vendorRequest } from '../../shared';
import { baseUrlOf, ENDPOINTS, fillPath, type Endpoint } from './endpoints';

export * from './endpoints';

export const WECLEVER: VendorSpec = {
	displayName: 'WeClever',
	credentialType: 'weCleverApi',
	expirableToken: true,
	errorText: (body) => firstText(body, ['message', 'error', 'errors', 'detail', 'msg']),
};

export interface WeCleverRequest<T> {
	operation: string;
	params: Record<string, string>;
	schema: ZodType<T>;
	itemIndex?: number;
	timeoutMs?: number;
	acceptFailure?: (failure: HttpFailure) => T | undefined;
}

/** Every WeClever call is a read (GET), so all of them are retried on transient failures. */
export async function weCleverRequest<T>(
	context: RequestContext,
	endpoint: Endpoint,
	request: WeCleverRequest<T>,
): Promise<T> {
	const credentials = await context.getCredentials(WECLEVER.credentialType);
	const baseUrl = baseUrlOf(credentials);
	if (!baseUrl) {
		throw new NodeOperationError(context.getNode(), 'The WeClever credential has no Custom URL', {
			itemIndex: request.itemIndex,
			description:
				'Open the credential and fill in Custom URL, or choose Production or Development.',
		});
	}
	const { method, path } = ENDPOINTS[endpoint];
	const { params, ...rest } = request;
	return await vendorRequest(context, WECLEVER, {
		...rest,
		method,
		url: `${baseUrl}${fillPath(path, params)}`,
		idempotent: method === 'GET',
	});
}
