import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { authenticateWith, credentialText } from '../nodes/shared/authenticate';

/** Wolkvox API v2: a token from wolkvox Manager in the `wolkvox-token` header; no login. */
export class WolkvoxApi implements ICredentialType {
	name = 'wolkvoxApi';

	displayName = 'Wolkvox API';

	icon: Icon = {
		light: 'file:../nodes/Wolkvox/wolkvox.svg',
		dark: 'file:../nodes/Wolkvox/wolkvox.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#wolkvox';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'string',
			default: '',
			placeholder: '0002',
			required: true,
			description: "Your operation's server nomenclature: 0002 for https://wv0002.wolkvox.com",
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A token created in wolkvox Manager → Configuration → Integrations → Tokens',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://wv0002.wolkvox.com/api/v2',
			description:
				'Leave empty to use https://wv{server}.wolkvox.com/api/v2; set it only for a proxy or a test server',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		headers: { 'wolkvox-token': credentialText(credentials, 'token') },
	}));

	/** A one-minute intelligent-survey report: cheap, and it proves the server, the token and the report access. */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.baseUrl ? $credentials.baseUrl : "https://wv" + String($credentials.server).trim().replace(/^wv/i, "") + ".wolkvox.com/api/v2" }}',
			url: '/reports_manager.php',
			method: 'GET',
			qs: { api: 'diagram_4', date_ini: '20240101000000', date_end: '20240101000059' },
		},
	};
}
