import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateWith, credentialText, sessionToken } from '../nodes/shared/authenticate';
import { emailField } from '../nodes/shared/passwordReset';
import { fieldRefusal, loginError } from '../nodes/shared/login';
import { answerProblem } from '../nodes/shared/request';
import { DEFAULT_BASE_URL, WESAL_VOC } from '../nodes/WesalVoc/transport';

/** Wesal Cloud API v1: log in once, reuse the token until the API answers 401. */
export class WesalVocApi implements ICredentialType {
	name = 'wesalVocApi';

	displayName = 'Wesal VoC API';

	icon: Icon = {
		light: 'file:../nodes/WesalVoc/wesalVoc.svg',
		dark: 'file:../nodes/WesalVoc/wesalVoc.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wesal-voc';

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
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: '',
			required: true,
			description:
				'The company identifier you log in with; password resets send it too when no login has given the company ID yet',
		},
		emailField(),
		{
			displayName: 'Authentication Mode',
			name: 'authMode',
			type: 'options',
			options: [
				{ name: 'API Token', value: 'apiToken', description: 'Recommended for integrations' },
				{ name: 'User Account', value: 'userAccount', description: 'Email and password of a user' },
			],
			default: 'apiToken',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['apiToken'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['userAccount'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Questions Schema',
			name: 'questionsSchema',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Logs in before the first request and after a 401; the answer also gives the company id (sent
	 * with every search) and the question schema (used by the question lists and the output).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const login = WESAL_VOC.endpoints.login;
		const userAccount = credentials.authMode === 'userAccount';
		let baseUrl: string;
		try {
			baseUrl = WESAL_VOC.baseUrl(credentials);
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
					company: credentialText(credentials, 'company'),
					email: credentialText(credentials, 'email'),
					// Both modes send the secret as `password`: the API token replaces the user's password.
					password: credentialText(credentials, userAccount ? 'password' : 'apiToken'),
				},
				json: true,
			})) as unknown;
			const refused = WESAL_VOC.bodyFailure?.(body);
			if (refused !== undefined) {
				throw Object.assign(new Error(refused), { response: { status: 200, data: body } });
			}
			const answer = login.schema.safeParse(body);
			if (!answer.success) throw new Error(answerProblem(answer.error));
			const company = answer.data.user?.company;
			return {
				sessionToken: answer.data.token,
				companyId: company?._id === undefined ? '' : String(company._id),
				questionsSchema: JSON.stringify(company?.settings?.questionsSchema ?? []),
			};
		} catch (error) {
			const secret = userAccount ? 'the Password' : 'the API Token';
			throw loginError(WESAL_VOC, error, `Check Company, Email, Client ID and ${secret}.`);
		}
	}

	/** Requests the doc sends without a login (password reset) carry none of the session's parts. */
	authenticate = authenticateWith((credentials) => {
		const token = sessionToken(credentials, 'sessionToken');
		if (token === undefined) return {};
		return {
			headers: { Authorization: token, 'X-Client-Id': credentialText(credentials, 'clientId') },
			body: { companyId: credentialText(credentials, 'companyId') },
		};
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: WESAL_VOC.endpoints.searchSurveys.path,
			method: WESAL_VOC.endpoints.searchSurveys.method,
			body: {
				startDate: '2000-01-01T00:00:00',
				endDate: '2000-01-01T00:00:01',
				agents: [],
				queues: [],
				answers: {},
				page: 1,
			},
		},
	};
}
