import type { IAdditionalCredentialOptions } from 'n8n-workflow';

import type { HttpFailure } from './failure';
import { vendorRequest, type VendorRequest } from './request';
import type { RequestContext, VendorSpec } from './vendor';

/**
 * For vendors that report an unknown or expired session token with another status than 401,
 * or inside a 200 answer. n8n runs a credential's preAuthentication again only after a 401, so
 * such a request is sent once more with the credential's expirable token blanked: n8n then logs
 * in (preAuthentication), saves the new token in the credential and sends the request with it.
 * The vendor refused the request before acting on it, so this is safe for writes too.
 */
export interface SessionRenewal {
	/** Name of the credential's hidden expirable token property. */
	tokenField: string;
	/** Whether a failed answer says the session token is unknown or expired. */
	isRejected(failure: HttpFailure): boolean;
}

const REJECTED = Symbol('session token rejected');

async function withBlankToken(
	context: RequestContext,
	vendor: VendorSpec,
	tokenField: string,
): Promise<IAdditionalCredentialOptions | undefined> {
	const reference = context.getNode().credentials?.[vendor.credentialType];
	if (!reference?.id) return undefined;
	const data = await context.getCredentials(vendor.credentialType);
	return {
		credentialsDecrypted: {
			id: reference.id,
			name: reference.name,
			type: vendor.credentialType,
			data: { ...data, [tokenField]: '' },
		},
	};
}

export async function vendorRequestRenewingSession<T>(
	context: RequestContext,
	vendor: VendorSpec,
	session: SessionRenewal,
	request: VendorRequest<T>,
): Promise<T> {
	const first = await vendorRequest<T | typeof REJECTED>(context, vendor, {
		...request,
		acceptFailure: (failure) =>
			// After a 401 n8n has already logged in again and repeated the request.
			failure.status !== 401 && session.isRejected(failure)
				? REJECTED
				: request.acceptFailure?.(failure),
	});
	if (first !== REJECTED) return first;
	return await vendorRequest(context, vendor, {
		...request,
		credentialOptions: await withBlankToken(context, vendor, session.tokenField),
	});
}
