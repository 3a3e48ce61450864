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
import { WELCORP } from '../nodes/Welcorp/transport';

/** One job of the list: the cheapest documented read, open to users, agents and admins alike. */
const CHECK_QUERY = { page_size: 1 };

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
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/welcorp',
			description:
				'The Production URL your Welcorp Callback Trigger shows. Jobs sent with "Send Delivery Reports and Replies To: The Callback URL in the Credential" report there. Optional.',
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A long random text. Jobs add it to the Callback URL, and the Callback Trigger refuses every call without it. Optional.',
		},
		{
			displayName: 'Credentials Checked',
			name: 'credentialsChecked',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	/**
	 * The login is checked once with a one-job list before its first use (and again after Welcorp
	 * answers 401), so that a wrong username, password or Base URL is reported in Welcorp's own
	 * words, in the credential test and in every node.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const check = WELCORP.endpoints.listJobs;
		let url: string;
		try {
			url = `${WELCORP.baseUrl(credentials)}${check.path}`;
		} catch (error) {
			throw fieldRefusal(error);
		}
		try {
			const answer = (await this.helpers.httpRequest({
				method: check.method,
				url,
				qs: CHECK_QUERY,
				auth: {
					username: credentialText(credentials, 'username'),
					password: credentialText(credentials, 'password'),
				},
				headers: { Accept: 'application/json' },
				json: true,
			})) as unknown;
			const refused = WELCORP.bodyFailure?.(answer);
			if (refused !== undefined) {
				throw Object.assign(new Error(refused), { response: { status: 200, data: answer } });
			}
			return { credentialsChecked: new Date().toISOString() };
		} catch (error) {
			throw loginError(WELCORP, error, 'Check Username, Password and Base URL.', 'credentials');
		}
	}

	// The doc: every request carries Content-Type and Accept application/json, reads too.
	authenticate = authenticateWith((credentials) => ({
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		auth: {
			username: credentialText(credentials, 'username'),
			password: credentialText(credentials, 'password'),
		},
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: WELCORP.endpoints.listJobs.path,
			method: 'GET',
			qs: CHECK_QUERY,
			headers: { Accept: 'application/json' },
		},
	};
}
