import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { WelcorpTrigger } from '../../nodes/Welcorp/WelcorpTrigger.node';
import { WELCORP_BASE_PATH, WELCORP_LOGINS, WELCORP_NAME } from '../../sandbox/vendors/welcorp';
import { CredentialStore, Poller, runNode, type RunNodeOptions } from '../harness';
import { Emulator, type LoggedRequest } from '../helpers/emulator';

export const VENDOR = WELCORP_NAME;
export const LOGINS = WELCORP_LOGINS;
/** Fixed so the seeded data set is the same on every run. */
export const ANCHOR = new Date('2025-11-15T12:00:00Z');
export const ZONE = 'Australia/Sydney';

export type Login = keyof typeof WELCORP_LOGINS;

export interface TruthJob extends IDataObject {
	job_id: number;
	user_id: number;
	job_status: string;
	start_date: string;
	startMs: number;
	completeMs: number;
}

export interface CallbackRecord {
	seq: number;
	event: 'deliveryReport' | 'smsStatus' | 'smsReply';
	url: string;
	jobId: number;
	body: Record<string, string>;
	rawBody: string;
	status?: number;
	error?: string;
}

/** One emulator and one credential store per test file, reset before each test. */
export class WelcorpFixture {
	store = new CredentialStore([WelcorpApi]);
	credentialId = '';

	private constructor(readonly emulator: Emulator) {}

	static async start(): Promise<WelcorpFixture> {
		return new WelcorpFixture(await Emulator.start({ anchor: ANCHOR }));
	}

	get baseUrl(): string {
		return this.emulator.vendorUrl(WELCORP_BASE_PATH);
	}

	credentialData(
		login: Login = 'user',
		overrides: ICredentialDataDecryptedObject = {},
	): ICredentialDataDecryptedObject {
		const { user_code, password } = WELCORP_LOGINS[login];
		return { username: user_code, password, baseUrl: this.baseUrl, timeZone: ZONE, ...overrides };
	}

	secrets(): string[] {
		return Object.values(WELCORP_LOGINS).map((login) => login.password);
	}

	async reset(
		login: Login = 'user',
		overrides: ICredentialDataDecryptedObject = {},
	): Promise<void> {
		await this.emulator.reset();
		this.useLogin(login, overrides);
	}

	/** A credential in use: its login was checked before (a fresh one is checked once, see credential.test.ts). */
	useLogin(login: Login, overrides: ICredentialDataDecryptedObject = {}): void {
		this.store = new CredentialStore([WelcorpApi]);
		this.credentialId = this.store.add({
			type: 'welcorpApi',
			data: this.credentialData(login, {
				credentialsChecked: '2025-01-01T00:00:00.000Z',
				...overrides,
			}),
		});
	}

	async run(parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) {
		return await runNode({
			nodeType: Welcorp,
			parameters,
			store: this.store,
			credentials: { welcorpApi: this.credentialId },
			...options,
		});
	}

	/** The trigger; `saved` is the workflow's saved static data (the same workflow, edited). */
	poller(parameters: INodeParameters, saved?: IDataObject): Poller {
		return new Poller(
			{
				nodeType: WelcorpTrigger,
				parameters,
				store: this.store,
				credentials: { welcorpApi: this.credentialId },
			},
			saved,
		);
	}

	async requests(filter: { method?: string; path?: string } = {}): Promise<LoggedRequest[]> {
		return await this.emulator.requests(VENDOR, filter);
	}

	/** Bodies of the POST /jobs requests the emulator received. */
	async jobPosts(): Promise<IDataObject[]> {
		return (await this.requests({ method: 'POST', path: '/jobs' })).map(
			(entry) => entry.body as IDataObject,
		);
	}

	async truthJobs(userId?: number): Promise<TruthJob[]> {
		return (
			await this.emulator.control<{ jobs: TruthJob[] }>(
				'GET',
				`${VENDOR}/jobs${userId ? `?user_id=${userId}` : ''}`,
			)
		).jobs;
	}

	async truthJob(id: number | string): Promise<IDataObject> {
		return await this.emulator.control<IDataObject>('GET', `${VENDOR}/jobs/${id}`);
	}

	async accounts(): Promise<
		Array<{
			role: string;
			user_id: number;
			username: string;
			password: string;
			dist_id: number;
			agent_id: number | null;
		}>
	> {
		return await this.emulator.control('GET', `${VENDOR}/accounts`);
	}

	async tick(): Promise<CallbackRecord[]> {
		return (await this.emulator.control<{ callbacks: CallbackRecord[] }>('POST', `${VENDOR}/tick`))
			.callbacks;
	}

	async callbacks(): Promise<CallbackRecord[]> {
		return await this.emulator.control('GET', `${VENDOR}/callbacks`);
	}

	async stats(): Promise<{
		jobsCreated: number;
		usersCreated: number;
		usersUpdated: number;
		codesSent: number;
		authFailures: number;
	}> {
		return await this.emulator.control('GET', `${VENDOR}/stats`);
	}

	async configure(config: IDataObject): Promise<void> {
		await this.emulator.control('POST', `${VENDOR}/config`, config);
	}

	/** A direct API call as a given login (the emulator's view, not the node's). */
	async api(method: string, path: string, login: Login = 'user', body?: unknown) {
		const { user_code, password } = WELCORP_LOGINS[login];
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${user_code}:${password}`).toString('base64')}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return {
			status: response.status,
			json: (await response.json()) as IDataObject & { data: any; errors?: any },
		};
	}

	async close(): Promise<void> {
		await this.emulator.close();
	}
}

export function items(count: number, make: (i: number) => IDataObject): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: make(i) }));
}

export function binaryItem(
	json: IDataObject,
	files: Record<string, { data: Buffer; fileName: string; mimeType: string }>,
): INodeExecutionData {
	const binary: INodeExecutionData['binary'] = {};
	for (const [key, file] of Object.entries(files)) {
		binary[key] = {
			data: file.data.toString('base64'),
			fileName: file.fileName,
			mimeType: file.mimeType,
		};
	}
	return { json, binary };
}
