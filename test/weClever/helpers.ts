import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeCleverApi } from '../../credentials/WeCleverApi.credentials';
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

	/** The trigger; `saved` is the workflow's saved static data (the same workflow, edited). */
	poller(parameters: INodeParameters = {}, saved?: IDataObject): Poller {
		return new Poller(
			{
				nodeType: WeCleverTrigger,
				parameters: { event: 'newFinalizedLead', ...parameters },
				store: this.store,
				credentials: { weCleverApi: this.credentialId },
			},
			saved,
		);
	}
}

export const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({ json: { index } }));

/** UTC 'YYYY-MM-DD+HH:mm:ss' for an instant, the way the API wants a date-time. */
export function apiDateTime(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', '+');
}

/** The raw lead with details, as Include Details and Output → Raw give it. */
export const rawRecord = (truth: TruthLead) => ({ ...entryOf(truth), ...truth.lead });

const sqlToIso = (value: string) => `${value.replace(' ', 'T')}.000Z`;

/**
 * The Simplified lead expected for an emulator lead, written from the emulator's data (the
 * emulator dates messages in order, writes the chat length as HH:mm:ss, rates CSAT "1".."5" or
 * null, and marks customer messages "inbound"). `listed`: the lead came from the finalized list,
 * so its mapped status and client lead ID are known (Lead → Get has only the lead itself).
 */
export function expectedSimplified(truth: TruthLead, listed = true) {
	const { lead } = truth;
	const {
		positive_feeling: positive,
		neutral_feeling: neutral,
		negative_feeling: negative,
	} = lead.feelings;
	const sentiment =
		positive + neutral + negative === 0
			? null
			: positive > neutral && positive > negative
				? 'positive'
				: negative > positive && negative > neutral
					? 'negative'
					: 'neutral';
	const messages = lead.chats.messages;
	const customerMessages = messages.filter((message) => message.direction === 'inbound');
	const [hours, minutes, seconds] = lead.chats.metrics.date_difference.split(':').map(Number);
	const rating = lead.csat.rating === null ? null : Number(lead.csat.rating);
	const clientId = truth.client_lead_id;
	return {
		leadId: truth.weclever_lead_id,
		mappedStatus: listed ? truth.mapped_status : null,
		status: lead.status,
		source: 'weClever',
		surveyId: String(truth.weclever_lead_id),
		interactionId: String(messages[0].id_chat),
		date: sqlToIso(messages[messages.length - 1].date_created),
		channel: 'chat',
		direction: null,
		agentId: null,
		agent: null,
		queueId: null,
		queue: null,
		customerId: listed && clientId !== null ? String(clientId) : null,
		customerName: lead.name,
		customerNumber: lead.phone,
		customerEmail: lead.email,
		comment: customerMessages[customerMessages.length - 1].body,
		averageScore: rating,
		lowestScore: rating,
		lowestQuestion: rating === null ? null : 'CSAT',
		score_csat: rating,
		questions: { score_csat: 'CSAT' },
		sentiment,
		region: lead.regional,
		state: lead.state,
		chatStartedAt: sqlToIso(messages[0].date_created),
		chatSeconds: hours * 3600 + minutes * 60 + seconds,
		messageCount: lead.chats.metrics.total_messages,
		feelingMessages: lead.feelings.total_messages,
		positiveMessages: positive,
		neutralMessages: neutral,
		negativeMessages: negative,
		csatMessage: lead.csat.message,
	};
}

/** A Simplified lead without Include Details: what the finalized list gives. */
export const expectedListed = (truth: TruthLead) => ({
	leadId: truth.weclever_lead_id,
	mappedStatus: truth.mapped_status,
	customerId: truth.client_lead_id === null ? null : String(truth.client_lead_id),
});

/** A lead whose every field is known, added through the emulator's control API. */
export const KNOWN_LEAD = {
	weclever_lead_id: 990001,
	mapped_status: 'sem_interesse',
	client_lead_id: 'CRM-000123',
	finalizedAt: '2025-11-14T10:05:00Z',
	lead: {
		email: 'ana.silva@exemplo.com.br',
		name: 'Ana Silva',
		phone: '+55 11 91234-5678',
		state: 'SP',
		regional: 'Sudeste',
		chats: {
			metrics: { date_difference: '00:05:00', total_messages: 3 },
			messages: [
				{
					id_chat: 55501,
					body: 'Oi, quero cancelar.',
					media_url: null,
					content_type: 'text/plain',
					date_created: '2025-11-14 10:00:00',
					sid: 'SM0001',
					message_type: 'text',
					direction: 'inbound',
					status: 'received',
				},
				{
					id_chat: 55501,
					body: 'Vou verificar as condições e já retorno.',
					media_url: null,
					content_type: 'text/plain',
					date_created: '2025-11-14 10:02:30',
					sid: 'SM0002',
					message_type: 'text',
					direction: 'outbound-api',
					status: 'read',
				},
				{
					id_chat: 55501,
					body: 'Demorou demais para responder.',
					media_url: null,
					content_type: 'text/plain',
					date_created: '2025-11-14 10:05:00',
					sid: 'SM0003',
					message_type: 'text',
					direction: 'inbound',
					status: 'received',
				},
			],
		},
		feelings: { total_messages: 2, positive_feeling: 0, neutral_feeling: 0, negative_feeling: 2 },
		csat: { message: 'Como você avalia o nosso atendimento, de 1 a 5?', rating: '2' },
		status: 'finalizado',
	},
};

/** KNOWN_LEAD, Simplified, as Lead → Get gives it (no list entry: no mapped status, no client ID). */
export const KNOWN_SIMPLIFIED = {
	leadId: 990001,
	mappedStatus: null,
	status: 'finalizado',
	source: 'weClever',
	surveyId: '990001',
	interactionId: '55501',
	date: '2025-11-14T10:05:00.000Z',
	channel: 'chat',
	direction: null,
	agentId: null,
	agent: null,
	queueId: null,
	queue: null,
	customerId: null,
	customerName: 'Ana Silva',
	customerNumber: '+55 11 91234-5678',
	customerEmail: 'ana.silva@exemplo.com.br',
	comment: 'Demorou demais para responder.',
	averageScore: 2,
	lowestScore: 2,
	lowestQuestion: 'CSAT',
	score_csat: 2,
	questions: { score_csat: 'CSAT' },
	sentiment: 'negative',
	region: 'Sudeste',
	state: 'SP',
	chatStartedAt: '2025-11-14T10:00:00.000Z',
	chatSeconds: 300,
	messageCount: 3,
	feelingMessages: 2,
	positiveMessages: 0,
	neutralMessages: 0,
	negativeMessages: 2,
	csatMessage: 'Como você avalia o nosso atendimento, de 1 a 5?',
};

/** KNOWN_SIMPLIFIED as a list read gives it (Get Finalized, the trigger), with Include Details. */
export const KNOWN_LISTED_SIMPLIFIED = {
	...KNOWN_SIMPLIFIED,
	mappedStatus: 'sem_interesse',
	customerId: 'CRM-000123',
};
