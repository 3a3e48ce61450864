import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { WesalPortalApi } from '../../credentials/WesalPortalApi.credentials';
import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import {
	WESAL_PORTAL_BASE_PATH,
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_PASSWORD,
	type WesalPortalSurvey,
} from '../../sandbox/vendors/wesalPortal';
import { CredentialStore, Poller, runNode, type RunNodeOptions } from '../harness';
import { Emulator } from '../helpers/emulator';

export const VENDOR = 'wesal-portal';
export const SEARCH = '/survey/queries/surveys';
export const ORGANIZATION = '/queries/organization';
/** Fixed, so that the generated data set is the same on every run. */
export const ANCHOR = new Date('2025-11-15T12:00:00Z');
export const COMPANY = WESAL_PORTAL_COMPANIES[0];
export const TOKEN_FIELD = 'accessToken';
/** The trigger's CSAT Below Threshold event: per queue, the last 5 responses under 60 %. */
export const THRESHOLD_EVENT = {
	event: 'csatBelowThreshold',
	thresholdGroup: 'queue',
	windowType: 'responses',
	windowSize: 5,
	threshold: 60,
	recoveryMargin: 20,
	minResponses: 5,
};

export type { WesalPortalSurvey };

/** One emulator and one credential store per test file, reset before each test. */
export class WesalPortalFixture {
	store = new CredentialStore([WesalPortalApi]);
	credentialId = '';

	private constructor(readonly emulator: Emulator) {}

	static async start(): Promise<WesalPortalFixture> {
		return new WesalPortalFixture(await Emulator.start({ anchor: ANCHOR }));
	}

	get baseUrl(): string {
		return this.emulator.vendorUrl(WESAL_PORTAL_BASE_PATH);
	}

	credentialData(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
		return {
			baseUrl: this.baseUrl,
			clientId: WESAL_PORTAL_CLIENT_ID,
			email: WESAL_PORTAL_EMAIL,
			password: WESAL_PORTAL_PASSWORD,
			...overrides,
		};
	}

	secrets(): string[] {
		return [WESAL_PORTAL_PASSWORD, WESAL_PORTAL_CLIENT_ID];
	}

	/** Fresh emulator state and a fresh credential (no token yet). */
	async reset(overrides: ICredentialDataDecryptedObject = {}): Promise<void> {
		await this.emulator.reset();
		this.store = new CredentialStore([WesalPortalApi]);
		this.credentialId = this.store.add({
			type: 'wesalPortalApi',
			data: this.credentialData(overrides),
		});
	}

	token(): string {
		return String(this.store.get(this.credentialId).data[TOKEN_FIELD] ?? '');
	}

	async run(parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) {
		return await runNode({
			nodeType: WesalPortal,
			parameters,
			store: this.store,
			credentials: { wesalPortalApi: this.credentialId },
			...options,
		});
	}

	/** The trigger on the first company; `saved` is the workflow's saved static data (the same workflow, edited). */
	poller(parameters: IDataObject = {}, saved?: IDataObject): Poller {
		return new Poller(
			{
				nodeType: WesalPortalTrigger,
				parameters: {
					event: 'newSurvey',
					company: { __rl: true, mode: 'list', value: String(COMPANY.id) },
					...parameters,
				} as INodeParameters,
				store: this.store,
				credentials: { wesalPortalApi: this.credentialId },
			},
			saved,
		);
	}

	async config(values: { tokenErrorStatus?: number; tokenTtlMs?: number }): Promise<void> {
		await this.emulator.control('POST', 'wesal-portal/config', values);
	}

	async expireTokens(): Promise<void> {
		await this.emulator.control('POST', 'wesal-portal/expire-tokens');
	}

	async stats(): Promise<{
		logins: number;
		failedLogins: number;
		tokenRejections: number;
		surveyPages: number;
		logouts: number;
		activeTokens: number;
	}> {
		return await this.emulator.control('GET', 'wesal-portal/stats');
	}

	/** Ground truth: the surveys of a company answered within [startTime, endTime], oldest first. */
	async truth(
		query: { companyId?: number; startTime?: string; endTime?: string } = {},
	): Promise<WesalPortalSurvey[]> {
		const params = new URLSearchParams({
			view: 'full',
			...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
		});
		return (
			await this.emulator.control<{ surveys: WesalPortalSurvey[] }>(
				'GET',
				`wesal-portal/surveys?${params}`,
			)
		).surveys;
	}

	async truthIds(
		query: { companyId?: number; startTime?: string; endTime?: string } = {},
	): Promise<{ total: number; ids: string[] }> {
		const params = new URLSearchParams(
			Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
		);
		return await this.emulator.control('GET', `wesal-portal/surveys?${params}`);
	}

	async addSurveys(body: IDataObject): Promise<WesalPortalSurvey[]> {
		return (
			await this.emulator.control<{ surveys: WesalPortalSurvey[] }>(
				'POST',
				'wesal-portal/surveys',
				body,
			)
		).surveys;
	}

	async queues(): Promise<Array<{ id: string; name: string }>> {
		return (
			await this.emulator.control<{ queues: Array<{ id: string; name: string }> }>(
				'GET',
				'wesal-portal/queues',
			)
		).queues;
	}

	/** Calls the emulator's API directly with a fresh login, for ground truth of computed answers. */
	async api(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; json: IDataObject }> {
		const login = await fetch(`${this.baseUrl}/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-client-id': WESAL_PORTAL_CLIENT_ID },
			body: JSON.stringify({ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD }),
		});
		const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				authorization: token,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, json: (await response.json()) as IDataObject };
	}

	async searches() {
		return await this.emulator.requests(VENDOR, { path: SEARCH });
	}

	async close(): Promise<void> {
		await this.emulator.close();
	}
}

export function surveyParameters(
	start: string,
	end: string,
	extra: IDataObject = {},
): INodeParameters {
	return {
		resource: 'survey',
		operation: 'getAll',
		company: { __rl: true, mode: 'list', value: String(COMPANY.id) },
		startDate: start,
		endDate: end,
		returnAll: true,
		...extra,
	} as INodeParameters;
}

/** The survey ids of output items: Raw carries `id`, Simplified and Selected Fields `surveyId`. */
export const idsOf = (items: Array<{ json: IDataObject }>): string[] =>
	items.map((item) => String(item.json.id ?? item.json.surveyId));

/** The field a question's score gets in a simplified survey: score_ and its name in snake case (ASCII names). */
export function scoreFieldOf(question: string): string {
	return `score_${question
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.join('_')}`;
}
