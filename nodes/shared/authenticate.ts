import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** What a credential adds to every request: headers, body fields, or HTTP Basic `auth`. */
export interface CredentialParts {
	headers?: Record<string, string>;
	body?: IDataObject;
	auth?: { username: string; password: string };
}

export type Authenticate = (
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/**
 * A credential's `authenticate` as a plain function of the decrypted credential. n8n calls a
 * function as it is, whereas each `={{$credentials.x}}` of a generic `authenticate` goes through
 * its expression engine on every request (a new workflow data proxy each time): about 0.4 ms of
 * CPU per request, a fifth of n8n's own cost per request (bench/findings.md). The effect is the
 * generic one: headers and body fields are added to the request's own, `auth` is set.
 */
export function authenticateWith(
	parts: (credentials: ICredentialDataDecryptedObject) => CredentialParts,
): Authenticate {
	return async (credentials, requestOptions) => {
		const { headers, body, auth } = parts(credentials);
		if (headers) requestOptions.headers = { ...requestOptions.headers, ...headers };
		if (body) {
			const own = requestOptions.body;
			const isPlainObject =
				typeof own === 'object' && own !== null && Object.getPrototypeOf(own) === Object.prototype;
			if (own === undefined || isPlainObject)
				requestOptions.body = { ...(own as IDataObject | undefined), ...body };
		}
		if (auth) requestOptions.auth = auth;
		return requestOptions;
	};
}

/** A credential field as the text an expression `{{$credentials.x}}` would give ('' when empty). */
export const credentialText = (
	credentials: ICredentialDataDecryptedObject,
	name: string,
): string => {
	const value = credentials[name];
	return value === undefined || value === null ? '' : String(value);
};

/**
 * Put in a credential's session token field for requests the doc sends without a login
 * (password reset): n8n then skips preAuthentication, and the credential's `authenticate`
 * leaves the token out (sessionToken gives undefined).
 */
export const NO_SESSION = '\u0000without-session';

/** The session token to send, or undefined when the request goes out without a session. */
export function sessionToken(
	credentials: ICredentialDataDecryptedObject,
	field: string,
): string | undefined {
	const token = credentialText(credentials, field);
	return token === NO_SESSION ? undefined : token;
}
