import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateWith, credentialText } from '../nodes/shared/authenticate';
import { loginError } from '../nodes/shared/login';

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
			default: 'https://api.wesal.cloud/api/v1',
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
			description: 'Company identifier used to log in',
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

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const secret =
			credentials.authMode === 'userAccount' ? credentials.password : credentials.apiToken;
		try {
			const answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${String(credentials.baseUrl).replace(/\/+$/, '')}/auth/login`,
				headers: { 'X-Client-Id': credentials.clientId as string, Accept: 'application/json' },
				body: { company: credentials.company, email: credentials.email, password: secret },
				json: true,
			})) as {
				token?: unknown;
				user?: { company?: { _id?: unknown; settings?: { questionsSchema?: unknown } } };
			};
			if (typeof answer?.token !== 'string' || !answer.token) {
				throw new Error('the login answer has no token');
			}
			const company = answer.user?.company;
			return {
				sessionToken: answer.token,
				companyId: company?._id === undefined ? '' : String(company._id),
				questionsSchema: JSON.stringify(company?.settings?.questionsSchema ?? []),
			};
		} catch (error) {
			throw loginError(
				'Wesal VoC',
				error,
				'Check Company, Email, Client ID and the password or API token.',
			);
		}
	}

	authenticate = authenticateWith((credentials) => ({
		headers: {
			Authorization: credentialText(credentials, 'sessionToken'),
			'X-Client-Id': credentialText(credentials, 'clientId'),
		},
		body: { companyId: credentialText(credentials, 'companyId') },
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/survey/queries/surveys',
			method: 'POST',
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
