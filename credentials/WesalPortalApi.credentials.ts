import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateWith, credentialText } from '../nodes/shared/authenticate';
import { describeFailure } from '../nodes/shared/failure';
import { loginError } from '../nodes/shared/login';
import { ERROR_CODES, errorCode } from '../nodes/WesalPortal/transport/errorCodes';

const HINTS: Record<string, string> = {
	X001: 'Check the Client ID given by Wesal support.',
	X002: 'This Client ID belongs to another domain: ask Wesal support for the one of this Base URL.',
	X0000: 'Fill in Client ID, Email and Password.',
};

/** Wesal Portal API: log in once, reuse the token until the API says it is unknown or expired. */
export class WesalPortalApi implements ICredentialType {
	name = 'wesalPortalApi';

	displayName = 'Wesal Portal API';

	icon: Icon = {
		light: 'file:../nodes/WesalPortal/wesalPortal.svg',
		dark: 'file:../nodes/WesalPortal/wesalPortal.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-portal';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.wesal.dev/api/v1',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Base64 client identifier (X-Client-Id) given by Wesal support',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		try {
			const answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${String(credentials.baseUrl).replace(/\/+$/, '')}/auth/login`,
				headers: { 'X-Client-Id': credentials.clientId as string, Accept: 'application/json' },
				body: { email: credentials.email, password: credentials.password },
				json: true,
			})) as { data?: { access_token?: unknown }; success?: unknown };
			const token = answer?.data?.access_token;
			if (answer?.success === false || typeof token !== 'string' || !token) {
				throw Object.assign(new Error('the login answer has no access token'), {
					response: { status: 200, data: answer },
				});
			}
			return { accessToken: token };
		} catch (error) {
			const code = errorCode(describeFailure(error).body);
			const hint =
				code && HINTS[code]
					? `${code}: ${ERROR_CODES[code]}. ${HINTS[code]}`
					: 'Check Email, Password and Client ID.';
			throw loginError('Wesal Portal', error, hint);
		}
	}

	// The doc sends the token as is, without "Bearer".
	authenticate = authenticateWith((credentials) => ({
		headers: {
			Authorization: credentialText(credentials, 'accessToken'),
			'X-Client-Id': credentialText(credentials, 'clientId'),
		},
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/queries/organization',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Wesal Portal refused the request: check Client ID, Email and Password',
				},
			},
		],
	};
}
