import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeCleverApi } from '../../credentials/WeCleverApi.credentials';
import { simplifyLead, type LeadRecord } from '../../nodes/WeClever/leads';
import { WeClever } from '../../nodes/WeClever/WeClever.node';
import { WeCleverTrigger } from '../../nodes/WeClever/WeCleverTrigger.node';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import {
	WECLEVER_BASE_PATH,
	WECLEVER_NAME,
	WECLEVER_PASSWORD,
	WECLEVER_PLATFORM_ID,
	WECLEVER_USERNAME,
	type WeCleverLead,
	type WeCleverListEntry,
} from '../../sandbox/vendors/weClever';
import { CredentialStore, Poller, runNode, type RunNodeOptions } from '../harness';

export const BASE = WECLEVER_BASE_PATH;
export const VENDOR = WECLEVER_NAME;
/** Fixed so the seeded data set is the same on every run. */
export const ANCHOR = new Date('2025-11-15T12:00:00Z');

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export async function call(
	sb: SandboxHandle,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Reply> {
	const res = await fetch(sb.url + path, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export function basic(
	username = WECLEVER_USERNAME,
	password = WECLEVER_PASSWORD,
): Record<string, string> {
	return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

export async function token(sb: SandboxHandle, time?: number): Promise<string> {
	const r = await call(
		sb,
		'GET',
		`${BASE}/solution/token/basic/${WECLEVER_PLATFORM_ID}${time ? `?time=${time}` : ''}`,
		undefined,
		basic(),
	);
	if (r.status !== 200) throw new Error(`token failed: ${r.status} ${r.text}`);
	return r.json.token as string;
}

export const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

export interface TruthLead extends WeCleverListEntry {
	finalizedAt: string;
	lead: WeCleverLead;
}

export async function groundTruth(sb: SandboxHandle): Promise<TruthLead[]> {
	return (await call(sb, 'GET', `/__control/${VENDOR}/leads`)).json.leads;
}

export async function addLeads(
	sb: SandboxHandle,
	leads: Array<Record<string, unknown>>,
): Promise<TruthLead[]> {
	const r = await call(sb, 'POST', `/__control/${VENDOR}/leads`, { leads });
	if (r.status !== 201) throw new Error(`adding leads failed: ${r.status} ${r.text}`);
	return r.json.leads;
}

export async function stats(sb: SandboxHandle) {
	return (await call(sb, 'GET', `/__control/${VENDOR}/stats`)).json;
}

export async function configure(sb: SandboxHandle, config: Record<string, unknown>) {
	const r = await call(sb, 'POST', `/__control/${VENDOR}/config`, config);
	if (r.status !== 200) throw new Error(`config failed: ${r.status} ${r.text}`);
}

export async function addFault(sb: SandboxHandle, fault: Record<string, unknown>) {
	const r = await call(sb, 'POST', '/__control/faults', { vendor: VENDOR, ...fault });
	if (r.status !== 201) throw new Error(`fault failed: ${r.status} ${r.text}`);
}

export async function requests(sb: SandboxHandle): Promise<
	Array<{
		method: string;
		path: string;
		query: Record<string, string>;
		headers: Record<string, string>;
		fault?: string;
	}>
> {
	return (await call(sb, 'GET', `/__control/requests?vendor=${VENDOR}`)).json;
}

/** The list entry as the API gives it (ground truth minus the control-only fields). */
export const entryOf = (truth: TruthLead): WeCleverListEntry => ({
	weclever_lead_id: truth.weclever_lead_id,
	mapped_status: truth.mapped_status,
	client_lead_id: truth.client_lead_id,
});

export function credentialData(sb: SandboxHandle, overrides: Record<string, unknown> = {}) {
	return {
		environment: 'custom',
		customUrl: `${sb.url}${BASE}`,
		platformId: WECLEVER_PLATFORM_ID,
		username: WECLEVER_USERNAME,
		password: WECLEVER_PASSWORD,
		time: 3600,
		...overrides,
	};
}

/** A sandbox, a credential store with one WeClever credential, and runners for both nodes. */
export class WeCleverSetup {
	sb!: SandboxHandle;
	store!: CredentialStore;
	credentialId!: string;

	async start(): Promise<void> {
		this.sb = await startSandbox({ port: 0, anchor: ANCHOR });
		this.store = new CredentialStore([WeCleverApi]);
		this.credentialId = this.store.add({ type: 'weCleverApi', data: credentialData(this.sb) });
	}

	async reset(): Promise<void> {
		await call(this.sb, 'POST', '/__control/reset');
		this.store.set(this.credentialId, credentialData(this.sb));
		this.store.resetStats();
	}

	async stop(): Promise<void> {
		await this.sb?.close();
	}

	run(parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) {
		return runNode({
			nodeType: WeClever,
			parameters,
			store: this.store,
			credentials: { weCleverApi: this.credentialId },
			...options,
		});
	}

	poller(parameters: INodeParameters = {}): Poller {
		return new Poller({
			nodeType: WeCleverTrigger,
			parameters,
			store: this.store,
			credentials: { weCleverApi: this.credentialId },
		});
	}
}

export const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({ json: { index } }));

/** UTC 'YYYY-MM-DD+HH:mm:ss' for an instant, the way the API wants a date-time. */
export function apiDateTime(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', '+');
}

/** The feedback record the node should make of a lead (entry fields + details). */
export function simplified(record: Record<string, unknown>) {
	return simplifyLead(record as unknown as LeadRecord);
}
