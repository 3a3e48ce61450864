import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import { WesalVocTrigger } from '../../nodes/WesalVoc/WesalVocTrigger.node';
import {
	WESAL_VOC_API_TOKEN,
	WESAL_VOC_BASE_PATH,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
	WESAL_VOC_PASSWORD,
} from '../../sandbox/vendors/wesalVoc';
import { CredentialStore, Poller, runNode, type RunNodeOptions } from '../harness';
import { Emulator } from '../helpers/emulator';

export const VENDOR = 'wesal-voc';
export const SEARCH = '/survey/queries/surveys';

export interface EmulatorSurvey {
	_id: string;
	interactionId: string;
	surveyDate: string;
	type: string;
	number: string;
	direction: string;
	queue: string;
	agent: string;
	answers: Record<string, string>;
}

/** One emulator and one credential store per test file, reset before each test. */
/** Account → Send Reset Code by email. */
export const SEND_RESET_CODE = {
	resource: 'account',
	operation: 'sendResetCode',
	method: 'email',
	email: 'ops@acme.test',
};

export class WesalVocFixture {
	store = new CredentialStore([WesalVocApi]);
	credentialId = '';

	private constructor(readonly emulator: Emulator) {}

	static async start(): Promise<WesalVocFixture> {
		return new WesalVocFixture(await Emulator.start());
	}

	credentialData(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
		return {
			baseUrl: this.emulator.vendorUrl(WESAL_VOC_BASE_PATH),
			clientId: WESAL_VOC_CLIENT_ID,
			company: WESAL_VOC_COMPANY_NAME,
			email: WESAL_VOC_EMAIL,
			authMode: 'apiToken',
			apiToken: WESAL_VOC_API_TOKEN,
			password: '',
			...overrides,
		};
	}

	secrets(): string[] {
		return [WESAL_VOC_API_TOKEN, WESAL_VOC_PASSWORD, WESAL_VOC_CLIENT_ID];
	}

	/** Fresh emulator state and a fresh credential (no token yet). */
	async reset(overrides: ICredentialDataDecryptedObject = {}): Promise<void> {
		await this.emulator.reset();
		this.store = new CredentialStore([WesalVocApi]);
		this.credentialId = this.store.add({
			type: 'wesalVocApi',
			data: this.credentialData(overrides),
		});
	}

	async run(parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) {
		return await runNode({
			nodeType: WesalVoc,
			parameters,
			store: this.store,
			credentials: { wesalVocApi: this.credentialId },
			...options,
		});
	}

	/** The trigger; `saved` is the workflow's saved static data (the same workflow, edited). */
	poller(parameters: INodeParameters = {}, saved?: IDataObject) {
		return new Poller(
			{
				nodeType: WesalVocTrigger,
				parameters: { event: 'newSurvey', ...parameters },
				store: this.store,
				credentials: { wesalVocApi: this.credentialId },
			},
			saved,
		);
	}

	async add(surveys: Array<Partial<EmulatorSurvey>>): Promise<EmulatorSurvey[]> {
		return (
			await this.emulator.control<{ surveys: EmulatorSurvey[] }>('POST', 'wesal-voc/surveys', {
				surveys,
			})
		).surveys;
	}

	async pageSize(): Promise<number> {
		return (await this.emulator.control<{ pageSize: number }>('GET', 'wesal-voc/config')).pageSize;
	}

	async surveys(): Promise<EmulatorSurvey[]> {
		return (await this.emulator.control<{ surveys: EmulatorSurvey[] }>('GET', 'wesal-voc/surveys'))
			.surveys;
	}

	async stats(): Promise<{
		logins: number;
		failedLogins: number;
		searches: number;
		activeTokens: number;
	}> {
		return await this.emulator.control('GET', 'wesal-voc/stats');
	}

	/** The next login is answered with `body` and HTTP 200. */
	async answerLogin(body: unknown): Promise<void> {
		await this.emulator.fault({
			vendor: VENDOR,
			path: '/auth/login',
			kind: 'status',
			status: 200,
			body,
		});
	}

	/** The next `count` searches answer `delayMs` late. */
	async delaySearches(delayMs: number, count: number): Promise<void> {
		await this.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'delay', delayMs, count });
	}

	/** Account → Send Reset Code (a write, never retried) with its one answer served as `body`. */
	async sendResetCodeAnswered(status: number, body: unknown) {
		await this.emulator.fault({
			vendor: VENDOR,
			path: '/auth/reset',
			kind: 'status',
			status,
			body,
		});
		return await this.run(SEND_RESET_CODE);
	}

	async searches() {
		return await this.emulator.requests(VENDOR, { path: SEARCH });
	}

	async close(): Promise<void> {
		await this.emulator.close();
	}
}

/** Surveys of the ground truth inside [start, end] (inclusive), as the doc's filter means it. */
export function inRange(surveys: EmulatorSurvey[], start: string, end: string): EmulatorSurvey[] {
	return surveys.filter((survey) => survey.surveyDate >= start && survey.surveyDate <= end);
}

/** The survey id of an output item: Simplified carries it as surveyId, Raw as _id. */
export function idOf(item: { json: IDataObject } | EmulatorSurvey): string {
	return String('json' in item ? (item.json.surveyId ?? item.json._id) : item._id);
}

export function ids(items: Array<{ json: IDataObject } | EmulatorSurvey>): string[] {
	return items.map(idOf).sort();
}

/** The page numbers of the logged search requests, in the order they arrived. */
export function pagesOf(requests: Array<{ body: unknown }>): number[] {
	return requests.map((request) => (request.body as { page: number }).page);
}

export function getAllParameters(
	start: string,
	end: string,
	extra: IDataObject = {},
): INodeParameters {
	return {
		resource: 'survey',
		operation: 'getAll',
		startDate: start,
		endDate: end,
		returnAll: true,
		...extra,
	} as INodeParameters;
}
