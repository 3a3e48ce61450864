import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateWith, credentialText, sessionToken } from '../nodes/shared/authenticate';
import { describeFailure } from '../nodes/shared/failure';
import { emailField } from '../nodes/shared/passwordReset';
import { fieldRefusal, loginError } from '../nodes/shared/login';
import { answerProblem } from '../nodes/shared/request';
import { DEFAULT_BASE_URL, WESAL_PORTAL } from '../nodes/WesalPortal/transport';
import { errorCode } from '../nodes/WesalPortal/transport/errorCodes';

/** What to check for the X-codes a login can meet (the code and its meaning come with the message). */
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
			default: DEFAULT_BASE_URL,
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
		emailField(),
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

	/** Logs in before the first request and again when the API says the token is unknown or expired (X003). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const login = WESAL_PORTAL.endpoints.login;
		let baseUrl: string;
		try {
			baseUrl = WESAL_PORTAL.baseUrl(credentials);
		} catch (error) {
			throw fieldRefusal(error);
		}
		try {
			const body = (await this.helpers.httpRequest({
				method: login.method,
				url: `${baseUrl}${login.path}`,
				headers: {
					'X-Client-Id': credentialText(credentials, 'clientId'),
					Accept: 'application/json',
				},
				body: {
					email: credentialText(credentials, 'email'),
					password: credentialText(credentials, 'password'),
				},
				json: true,
			})) as unknown;
			const refused = WESAL_PORTAL.bodyFailure?.(body);
			if (refused !== undefined) {
				throw Object.assign(new Error(refused), { response: { status: 200, data: body } });
			}
			const answer = login.schema.safeParse(body);
			if (!answer.success) throw new Error(answerProblem(answer.error));
			return { accessToken: answer.data.data.access_token };
		} catch (error) {
			const code = errorCode(describeFailure(error).body);
			const hint = (code && HINTS[code]) || 'Check Email, Password and Client ID.';
			throw loginError(WESAL_PORTAL, error, hint);
		}
	}

	/**
	 * The doc sends the token as is, without "Bearer". Requests the doc sends without a login
	 * (password reset) carry only the Client ID.
	 */
	authenticate = authenticateWith((credentials) => {
		const headers: Record<string, string> = {
			'X-Client-Id': credentialText(credentials, 'clientId'),
		};
		const token = sessionToken(credentials, 'accessToken');
		if (token !== undefined) headers.Authorization = token;
		return { headers };
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: WESAL_PORTAL.endpoints.getOrganization.path,
			method: WESAL_PORTAL.endpoints.getOrganization.method,
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
