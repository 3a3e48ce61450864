import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { authenticateWith, credentialText } from '../nodes/shared/authenticate';

/** Welcorp REST API v1: HTTP Basic authentication with the user's login and password. */
export class WelcorpApi implements ICredentialType {
	name = 'welcorpApi';

	displayName = 'Welcorp API';

	icon: Icon = {
		light: 'file:../nodes/Welcorp/welcorp.svg',
		dark: 'file:../nodes/Welcorp/welcorp.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#welcorp';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'au/my_account',
			description: 'The login (user code) of a Welcorp user, agent or admin',
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
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.welcorp.com/api/v1',
			required: true,
		},
		{
			displayName: 'Account Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Australia/Sydney',
			placeholder: 'Australia/Sydney',
			description:
				'IANA time zone of the Welcorp account. Job lists show dates in this zone without an offset, and job filters and scheduled dates are sent in it.',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		auth: {
			username: credentialText(credentials, 'username'),
			password: credentialText(credentials, 'password'),
		},
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/jobs',
			method: 'GET',
			qs: { page_size: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}
