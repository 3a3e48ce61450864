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
import { CredentialFieldProblem, fillPath } from '../nodes/shared/vendor';
import { SERVERS, TOKEN_HEADER, WECLEVER } from '../nodes/WeClever/transport';

/** The base URL as an n8n expression, from the same table the nodes use. */
const BASE_URL_EXPRESSION = `={{ (${JSON.stringify(SERVERS)})[$credentials.environment] ?? $credentials.customUrl }}`;

/** WeClever: a token from HTTP Basic authentication, renewed when it expires (the API answers 401). */
export class WeCleverApi implements ICredentialType {
	name = 'weCleverApi';

	displayName = 'WeClever API';

	icon: Icon = {
		light: 'file:../nodes/WeClever/weClever.svg',
		dark: 'file:../nodes/WeClever/weClever.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#weclever';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: SERVERS.production },
				{ name: 'Development', value: 'development', description: SERVERS.development },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.weclever.co',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Platform ID',
			name: 'platformId',
			type: 'string',
			default: '',
			required: true,
			description: 'The platform_id WeClever gave you for the API',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
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
			displayName: 'Token Lifetime (Seconds)',
			name: 'time',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 3600,
			description:
				'Sent as the "time" parameter of the token call; a new token is fetched whenever the API refuses the old one',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Fetches a token before first use and again after the API refuses it (401), so that a wrong
	 * password or platform is reported in WeClever's own words, in the credential test and in every
	 * node.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { method, path, schema } = WECLEVER.endpoints.token;
		let url: string;
		try {
			const platformId = credentialText(credentials, 'platformId').trim();
			if (!platformId) {
				throw new CredentialFieldProblem(
					'The WeClever credential has no Platform ID',
					'Fill in the platform_id WeClever gave you.',
				);
			}
			url = `${WECLEVER.baseUrl(credentials)}${fillPath(path, { platformId })}`;
		} catch (error) {
			throw fieldRefusal(error);
		}
		const time = Number(credentials.time);
		try {
			const answer = (await this.helpers.httpRequest({
				method,
				url,
				qs: Number.isFinite(time) && time > 0 ? { time: String(Math.floor(time)) } : {},
				auth: {
					username: credentialText(credentials, 'username'),
					password: credentialText(credentials, 'password'),
				},
				headers: { Accept: 'application/json' },
				json: true,
			})) as unknown;
			const parsed = schema.safeParse(answer);
			if (!parsed.success) throw new Error('the answer holds no token');
			return { token: parsed.data.token };
		} catch (error) {
			throw loginError(WECLEVER, error, 'Check Environment, Platform ID, Username and Password.');
		}
	}

	authenticate = authenticateWith((credentials) => ({
		headers: {
			[TOKEN_HEADER.name]: `${TOKEN_HEADER.prefix}${credentialText(credentials, 'token')}`,
		},
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: fillPath(WECLEVER.endpoints.finalizedLeads.path, {
				firstDate: '2000-01-01',
				lastDate: '2000-01-01',
			}),
			method: WECLEVER.endpoints.finalizedLeads.method,
		},
	};
}
