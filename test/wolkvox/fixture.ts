import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';
import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { WolkvoxTrigger } from '../../nodes/Wolkvox/WolkvoxTrigger.node';
import {
	WOLKVOX_BASE_PATH,
	WOLKVOX_OTHER_TOKEN,
	WOLKVOX_REPORT_PATH,
	WOLKVOX_SERVER,
	WOLKVOX_TOKEN,
	type WolkvoxSurveyRow,
} from '../../sandbox/vendors/wolkvox';
import { CredentialStore, Poller, runNode, type RunNodeOptions } from '../harness';
import { Emulator, type LoggedRequest } from '../helpers/emulator';

export const VENDOR = 'wolkvox';
export const REPORT = WOLKVOX_REPORT_PATH;
/** Fixed so the data set is the same on every run. */
export const ANCHOR = new Date('2025-11-15T12:00:00Z');

export interface TokenUsage {
	requests: number;
	inFlight: number;
	maxConcurrency: number;
	rejected: number;
}

export interface WolkvoxStats {
	reports: number;
	rejected: number;
	authFailures: number;
	badRequests: number;
	maxConcurrency: number;
	tokens: Record<string, TokenUsage>;
}

/** One emulator and one credential store per test file, reset before each test. */
export class WolkvoxFixture {
	store = new CredentialStore([WolkvoxApi]);
	credentialId = '';

	private constructor(readonly emulator: Emulator) {}

	static async start(options: { anchor?: Date } = {}): Promise<WolkvoxFixture> {
		return new WolkvoxFixture(await Emulator.start({ anchor: options.anchor ?? ANCHOR }));
	}

	credentialData(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
		return {
			server: WOLKVOX_SERVER,
			token: WOLKVOX_TOKEN,
			baseUrl: this.emulator.vendorUrl(WOLKVOX_BASE_PATH),
			...overrides,
		};
	}

	secrets(): string[] {
		return [WOLKVOX_TOKEN, WOLKVOX_OTHER_TOKEN];
	}

	async reset(overrides: ICredentialDataDecryptedObject = {}): Promise<void> {
		await this.emulator.reset();
		this.store = new CredentialStore([WolkvoxApi]);
		// A credential in use: its token was checked before (a fresh one is checked once, see credential.test.ts).
		this.credentialId = this.store.add({
			type: 'wolkvoxApi',
			data: this.credentialData({ tokenChecked: '2025-01-01T00:00:00.000Z', ...overrides }),
		});
	}

	async run(parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) {
		return await runNode({
			nodeType: Wolkvox,
			parameters,
			store: this.store,
			credentials: { wolkvoxApi: this.credentialId },
			...options,
		});
	}

	/** The trigger; `saved` is the workflow's saved static data (the same workflow, edited). */
	poller(parameters: INodeParameters = {}, saved?: IDataObject) {
		return new Poller(
			{
				nodeType: WolkvoxTrigger,
				parameters: { event: 'newSurveyResponse', ...parameters },
				store: this.store,
				credentials: { wolkvoxApi: this.credentialId },
			},
			saved,
		);
	}

	async rows(): Promise<WolkvoxSurveyRow[]> {
		return (await this.emulator.control<{ surveys: WolkvoxSurveyRow[] }>('GET', 'wolkvox/surveys'))
			.surveys;
	}

	async add(surveys: Array<Partial<WolkvoxSurveyRow>>): Promise<WolkvoxSurveyRow[]> {
		return (
			await this.emulator.control<{ surveys: WolkvoxSurveyRow[] }>('POST', 'wolkvox/surveys', {
				surveys,
			})
		).surveys;
	}

	async stats(): Promise<WolkvoxStats> {
		return await this.emulator.control('GET', 'wolkvox/stats');
	}

	async config(config: IDataObject): Promise<void> {
		await this.emulator.control('POST', 'wolkvox/config', config);
	}

	/** Another process consumes the token for `ms`. */
	async hold(ms: number, token = WOLKVOX_TOKEN): Promise<void> {
		await this.emulator.control('POST', 'wolkvox/hold', { token, ms });
	}

	async reports(): Promise<LoggedRequest[]> {
		return await this.emulator.requests(VENDOR, { path: REPORT });
	}

	async close(): Promise<void> {
		await this.emulator.close();
	}
}

/** Rows of the ground truth with `date` inside [start, end] (inclusive, 'YYYY-MM-DD HH:mm:ss' UTC). */
export function inRange(rows: WolkvoxSurveyRow[], start: string, end: string): WolkvoxSurveyRow[] {
	return rows.filter((row) => row.date >= start && row.date <= end);
}

/** The documented identity of a response: conn_id + date + customer_id. */
export function keyOf(row: { conn_id?: unknown; date?: unknown; customer_id?: unknown }): string {
	return [row.conn_id, row.date, row.customer_id].map((value) => String(value ?? '')).join('|');
}

/** The key of an output item: Simplified carries it as surveyId, Raw as the row's own fields. */
export function outputKey(json: IDataObject): string {
	return typeof json.surveyId === 'string' ? json.surveyId : keyOf(json);
}

export function keys(items: Array<{ json: IDataObject } | WolkvoxSurveyRow>): string[] {
	return items
		.map((item) =>
			'json' in item && typeof item.json === 'object'
				? outputKey(item.json as IDataObject)
				: keyOf(item as WolkvoxSurveyRow),
		)
		.sort();
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

/** 'YYYY-MM-DD HH:mm:ss' of an ISO instant. */
export function rowDate(iso: string | number | Date): string {
	return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}
