import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateWith, credentialText } from '../nodes/shared/authenticate';
import { fieldRefusal, loginError } from '../nodes/shared/login';
import { WOLKVOX } from '../nodes/Wolkvox/transport';

/** A one-minute report: cheap, and it proves the server, the token and the report access. */
const CHECK_QUERY = { date_ini: '20240101000000', date_end: '20240101000059' };

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
		{
			displayName: 'Token Checked',
			name: 'tokenChecked',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * The token is checked once with a one-minute report before its first use (and again after
	 * Wolkvox refuses it), so that a wrong token or server is reported in Wolkvox's own words,
	 * in the credential test and in every node.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const report = WOLKVOX.endpoints.surveyReport;
		let url: string;
		try {
			url = `${WOLKVOX.baseUrl(credentials)}${report.path}`;
		} catch (error) {
			throw fieldRefusal(error);
		}
		try {
			const answer = (await this.helpers.httpRequest({
				method: report.method,
				url,
				qs: { ...report.qs, ...CHECK_QUERY },
				headers: {
					'wolkvox-token': credentialText(credentials, 'token'),
					Accept: 'application/json',
				},
				json: true,
			})) as unknown;
			const refused = WOLKVOX.bodyFailure?.(answer);
			if (refused !== undefined) {
				throw Object.assign(new Error(refused), { response: { status: 200, data: answer } });
			}
			return { tokenChecked: new Date().toISOString() };
		} catch (error) {
			throw loginError(WOLKVOX, error, 'Check the Server and the Token.', 'token');
		}
	}

	authenticate = authenticateWith((credentials) => ({
		headers: { 'wolkvox-token': credentialText(credentials, 'token') },
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.baseUrl ? $credentials.baseUrl : "https://wv" + String($credentials.server).trim().replace(/^wv/i, "") + ".wolkvox.com/api/v2" }}',
			url: WOLKVOX.endpoints.surveyReport.path,
			method: 'GET',
			qs: { ...WOLKVOX.endpoints.surveyReport.qs, ...CHECK_QUERY },
		},
	};
}
