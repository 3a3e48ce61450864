import { z } from 'zod';
import { deriveSeed, Rng } from '../core/prng';
import { Router } from '../core/router';
import {
	EmuError,
	json,
	type EmuRequest,
	type EmuResponse,
	type VendorContext,
	type VendorEmulator,
	type VendorModule,
} from '../core/types';
import { parseOrThrow } from '../core/validate';

/**
 * WeClever lead API, from our own reading of the (Portuguese) swagger doc:
 * - GET solution/token/basic/{platform_id}?time=…  HTTP Basic → { token }
 * - GET lead/find/finalized/{firstDate}/{lastDate}  dates YYYY-MM-DD or YYYY-MM-DD+HH:mm:ss (UTC)
 * - GET lead/find/weclever_id/{id}                  the full lead; the doc lists it under HTTP 500,
 *                                                   so that is the default status here (200 configurable)
 * How lead calls carry the token is undocumented: `Authorization: Bearer <token>` is accepted.
 */
export const WECLEVER_NAME = 'weclever';
export const WECLEVER_BASE_PATH = '/weclever';
export const WECLEVER_PLATFORM_ID = 'acme-varejo-01';
export const WECLEVER_USERNAME = 'integracao@acme.com.br';
export const WECLEVER_PASSWORD = 'Cl3ver-S3nha!';
export const WECLEVER_FIRST_LEAD_ID = 480_001;

export interface WeCleverConfig {
	platformId: string;
	username: string;
	password: string;
	/** Lifetime of a token when the call gives no `time`. */
	defaultTokenSeconds: number;
	/** Status of a found lead on lead/find/weclever_id: the doc says 500. */
	detailStatus: 200 | 500;
	/**
	 * A lead-detail call takes detailLatencyMs × (1 + id mod 3), so concurrent calls overlap (and
	 * can be counted) and finish out of order.
	 */
	detailLatencyMs: number;
	leadCount: number;
	spanDays: number;
}

export const WECLEVER_DEFAULTS: Readonly<WeCleverConfig> = Object.freeze({
	platformId: WECLEVER_PLATFORM_ID,
	username: WECLEVER_USERNAME,
	password: WECLEVER_PASSWORD,
	defaultTokenSeconds: 3600,
	detailStatus: 500,
	detailLatencyMs: 10,
	leadCount: 600,
	spanDays: 60,
});

export type WeCleverOptions = Partial<WeCleverConfig> & { seed?: number };

export interface WeCleverMessage {
	id_chat: number;
	body: string;
	media_url: string | null;
	content_type: string;
	/** UTC, 'YYYY-MM-DD HH:mm:ss'. */
	date_created: string;
	sid: string;
	message_type: string;
	direction: string;
	status: string;
}

export interface WeCleverLead {
	email: string;
	name: string;
	phone: string;
	state: string;
	regional: string;
	chats: {
		metrics: { date_difference: string; total_messages: number };
		messages: WeCleverMessage[];
	};
	feelings: {
		total_messages: number;
		positive_feeling: number;
		neutral_feeling: number;
		negative_feeling: number;
	};
	csat: { message: string; rating: string | null };
	status: string;
}

export interface WeCleverListEntry {
	weclever_lead_id: number;
	mapped_status: string;
	client_lead_id: string | number | null;
}

interface Row {
	entry: WeCleverListEntry;
	/** When the service finalized the lead (ms, whole seconds). */
	finalizedAt: number;
	lead: WeCleverLead;
}

const FIRST_NAMES = [
	'Ana',
	'Bruno',
	'Camila',
	'Diego',
	'Eduarda',
	'Felipe',
	'Gabriela',
	'Henrique',
	'Isabela',
	'João',
	'Larissa',
	'Marcos',
	'Natália',
	'Otávio',
	'Paula',
	'Rafael',
];
const LAST_NAMES = [
	'Silva',
	'Santos',
	'Oliveira',
	'Souza',
	'Lima',
	'Pereira',
	'Costa',
	'Rodrigues',
	'Almeida',
	'Nascimento',
	'Carvalho',
	'Ribeiro',
];
const REGIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
	['Sudeste', ['SP', 'RJ', 'MG', 'ES']],
	['Sul', ['PR', 'SC', 'RS']],
	['Nordeste', ['BA', 'PE', 'CE']],
	['Centro-Oeste', ['DF', 'GO']],
	['Norte', ['AM', 'PA']],
];
const MAPPED_STATUS: Array<[string, number]> = [
	['venda_realizada', 25],
	['em_negociacao', 20],
	['sem_interesse', 25],
	['contato_invalido', 10],
	['agendado', 20],
];
const CSAT_QUESTION = 'Como você avalia o nosso atendimento, de 1 a 5?';
const AGENT_LINES = [
	'Olá! Aqui é da Acme, tudo bem? Vi que você se interessou pelo nosso plano.',
	'Posso te ajudar com mais alguma dúvida?',
	'Vou verificar as condições e já retorno.',
	'Obrigado pelo contato! Seu atendimento foi finalizado.',
];
const CUSTOMER_LINES: Record<'positive' | 'neutral' | 'negative', string[]> = {
	positive: [
		'Perfeito, muito obrigado!',
		'Adorei o atendimento, super rápido.',
		'Ótimo, vou fechar agora.',
	],
	neutral: ['Ok, vou pensar.', 'Qual o valor da mensalidade?', 'Pode me mandar por e-mail?'],
	negative: [
		'Demorou demais para responder.',
		'Péssimo, ninguém resolve meu problema.',
		'Não gostei, quero cancelar.',
	],
};
type Mood = keyof typeof CUSTOMER_LINES;

function formatSql(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function makeRow(rng: Rng, id: number, finalizedAt: number): Row {
	const first = rng.pick(FIRST_NAMES);
	const last = rng.pick(LAST_NAMES);
	const [regional, states] = rng.pick(REGIONS);
	const mood = rng.weighted<Mood>([
		['positive', 45],
		['neutral', 30],
		['negative', 25],
	]);
	const chatId = rng.int(10_000, 99_999);
	const count = rng.int(2, 10);
	const spacing = rng.int(20, 300) * 1000;
	const messages: WeCleverMessage[] = [];
	const feelings = {
		total_messages: 0,
		positive_feeling: 0,
		neutral_feeling: 0,
		negative_feeling: 0,
	};
	for (let i = 0; i < count; i++) {
		// The customer writes first and last, so the last customer message closes the chat.
		const fromCustomer = i === 0 || i === count - 1 || rng.bool(0.5);
		const at = finalizedAt - (count - 1 - i) * spacing;
		let body: string;
		if (fromCustomer) {
			const felt = rng.bool(0.75) ? mood : rng.pick<Mood>(['positive', 'neutral', 'negative']);
			feelings.total_messages++;
			feelings[`${felt}_feeling`]++;
			body = rng.pick(CUSTOMER_LINES[felt]);
		} else {
			body = rng.pick(AGENT_LINES);
		}
		messages.push({
			id_chat: chatId,
			body,
			media_url: null,
			content_type: 'text/plain',
			date_created: formatSql(at),
			sid: `SM${rng.hex(32)}`,
			message_type: 'text',
			direction: fromCustomer ? 'inbound' : 'outbound-api',
			status: fromCustomer ? 'received' : 'read',
		});
	}
	const ratings: Record<Mood, Array<[string, number]>> = {
		positive: [
			['5', 60],
			['4', 40],
		],
		neutral: [
			['3', 50],
			['4', 30],
			['2', 20],
		],
		negative: [
			['1', 60],
			['2', 40],
		],
	};
	const clientKind = rng.int(0, 2);
	return {
		finalizedAt,
		entry: {
			weclever_lead_id: id,
			mapped_status: rng.weighted(MAPPED_STATUS),
			client_lead_id:
				clientKind === 0
					? `CRM-${rng.digits(6)}`
					: clientKind === 1
						? rng.int(10_000, 999_999)
						: null,
		},
		lead: {
			email: `${first}.${last}${rng.int(1, 99)}@exemplo.com.br`
				.normalize('NFD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase(),
			name: `${first} ${last}`,
			phone: `+55 11 9${rng.digits(4)}-${rng.digits(4)}`,
			state: rng.pick(states),
			regional,
			chats: {
				metrics: { date_difference: formatDuration((count - 1) * spacing), total_messages: count },
				messages,
			},
			feelings,
			csat: { message: CSAT_QUESTION, rating: rng.bool(0.8) ? rng.weighted(ratings[mood]) : null },
			status: 'finalizado',
		},
	};
}

function compareRows(a: Row, b: Row): number {
	return a.finalizedAt - b.finalizedAt || a.entry.weclever_lead_id - b.entry.weclever_lead_id;
}

/** Finalization times uniform over the `spanDays` before the anchor; ids follow finalization order. */
function generateRows(seed: number, anchorMs: number, count: number, spanDays: number): Row[] {
	const rng = new Rng(deriveSeed(seed, 'weclever:leads'));
	const anchorSec = Math.floor(anchorMs / 1000);
	const spanSec = Math.max(1, Math.floor(spanDays * 86_400));
	const times = Array.from(
		{ length: count },
		() => (anchorSec - 1 - rng.int(0, spanSec - 1)) * 1000,
	).sort((a, b) => a - b);
	return times.map((time, index) => makeRow(rng, WECLEVER_FIRST_LEAD_ID + index, time));
}

const copyRow = (row: Row): Row => structuredClone(row);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:\+(\d{2}):(\d{2}):(\d{2}))?$/;

/** 'YYYY-MM-DD' (the whole day) or 'YYYY-MM-DD+HH:mm:ss', in UTC; undefined when invalid. */
export function parseWeCleverDate(value: string, endOfDay: boolean): number | undefined {
	const m = DATE_RE.exec(value);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s] = m;
	const ms = Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
	const check = new Date(ms);
	if (
		check.getUTCMonth() !== +mo - 1 ||
		check.getUTCDate() !== +d ||
		+(h ?? 0) > 23 ||
		+(mi ?? 0) > 59 ||
		+(s ?? 0) > 59
	) {
		return undefined;
	}
	if (h === undefined && endOfDay) return ms + 86_400_000 - 1;
	return endOfDay ? ms + 999 : ms;
}

const dateParam = (field: string, endOfDay: boolean) =>
	z.string().transform((value, ctx) => {
		const ms = parseWeCleverDate(value, endOfDay);
		if (ms === undefined) {
			ctx.addIssue({
				code: 'custom',
				message: `${field} must be a date as YYYY-MM-DD or YYYY-MM-DD+HH:mm:ss`,
			});
			return z.NEVER;
		}
		return ms;
	});

const rangeParams = z.object({
	firstDate: dateParam('firstDate', false),
	lastDate: dateParam('lastDate', true),
});
const idParams = z.object({
	id: z.string().regex(/^\d+$/, 'id must be an integer such as 123456').transform(Number),
});
const tokenQuery = z.object({
	time: z
		.string({ invalid_type_error: 'time must be given once' })
		.regex(/^\d+$/, 'time must be a whole number of seconds')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 30 * 86_400, 'time must be between 1 and 2592000 seconds')
		.optional(),
});

const partialLeadSchema = z
	.object({
		email: z.string(),
		name: z.string(),
		phone: z.string(),
		state: z.string(),
		regional: z.string(),
		chats: z.object({
			metrics: z.object({ date_difference: z.string(), total_messages: z.number() }),
			messages: z.array(z.any()),
		}),
		feelings: z.object({
			total_messages: z.number(),
			positive_feeling: z.number(),
			neutral_feeling: z.number(),
			negative_feeling: z.number(),
		}),
		csat: z.object({ message: z.string(), rating: z.string().nullable() }),
		status: z.string(),
	})
	.partial()
	.strict();

const addLeadsSchema = z
	.object({
		leads: z
			.array(
				z
					.object({
						weclever_lead_id: z.number().int().min(1).optional(),
						mapped_status: z.string().optional(),
						client_lead_id: z.union([z.string(), z.number().int(), z.null()]).optional(),
						/** ISO 8601; default: the emulator's now. */
						finalizedAt: z.string().optional(),
						lead: partialLeadSchema.optional(),
					})
					.strict(),
			)
			.optional(),
		count: z.number().int().min(1).max(10_000).optional(),
		finalizedAt: z.string().optional(),
	})
	.strict();

const configSchema = z
	.object({
		defaultTokenSeconds: z.number().int().min(1).optional(),
		detailStatus: z.union([z.literal(200), z.literal(500)]).optional(),
		detailLatencyMs: z.number().int().min(0).max(10_000).optional(),
	})
	.strict();

const optionsSchema = z
	.object({
		platformId: z.string().min(1),
		username: z.string().min(1),
		password: z.string().min(1),
		defaultTokenSeconds: z.number().int().min(1),
		detailStatus: z.union([z.literal(200), z.literal(500)]),
		detailLatencyMs: z.number().int().min(0),
		leadCount: z.number().int().min(0),
		spanDays: z.number().min(0),
		seed: z.number().int(),
	})
	.partial()
	.strict();

function header(req: EmuRequest, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function wait(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

interface Stats {
	tokenCalls: number;
	failedTokenCalls: number;
	listCalls: number;
	detailCalls: number;
	maxDetailConcurrency: number;
	unauthorized: number;
}

const emptyStats = (): Stats => ({
	tokenCalls: 0,
	failedTokenCalls: 0,
	listCalls: 0,
	detailCalls: 0,
	maxDetailConcurrency: 0,
	unauthorized: 0,
});

export class WeCleverEmulator implements VendorEmulator {
	readonly name = WECLEVER_NAME;
	readonly basePath = WECLEVER_BASE_PATH;
	private readonly initial: WeCleverConfig;
	private readonly seed: number;
	private readonly seedRows: readonly Row[];
	private readonly api = new Router();
	private readonly ctl = new Router();
	private config!: WeCleverConfig;
	private rows: Row[] = [];
	private tokens = new Map<string, number>();
	private stats: Stats = emptyStats();
	private detailInFlight = 0;
	private addRng!: Rng;
	private tokenRng!: Rng;

	constructor(
		options: WeCleverOptions | undefined,
		private readonly ctx: VendorContext,
	) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.seed = seed ?? ctx.seed;
		this.initial = { ...WECLEVER_DEFAULTS, ...overrides };
		this.seedRows = generateRows(
			this.seed,
			ctx.anchor.getTime(),
			this.initial.leadCount,
			this.initial.spanDays,
		);

		this.api
			.on('GET', 'solution/token/basic/:platformId', (req) => this.issueToken(req))
			.on('GET', 'lead/find/finalized/:firstDate/:lastDate', (req) => this.findFinalized(req))
			.on('GET', 'lead/find/weclever_id/:id', (req) => this.findLead(req));

		this.ctl
			.on('GET', 'leads', () =>
				json({ leads: this.rows.map((row) => this.groundTruth(row)), total: this.rows.length }),
			)
			.on('POST', 'leads', (req) => this.addLeads(req))
			.on('DELETE', 'leads', () => {
				const removed = this.rows.length;
				this.rows = [];
				return json({ removed });
			})
			.on('POST', 'expire-tokens', () => {
				const expired = this.activeTokenCount();
				this.tokens.clear();
				return json({ expired });
			})
			.on('GET', 'stats', () =>
				json({
					...this.stats,
					detailInFlight: this.detailInFlight,
					activeTokens: this.activeTokenCount(),
				}),
			)
			.on('DELETE', 'stats', () => {
				this.stats = emptyStats();
				return json({ ok: true });
			})
			.on('GET', 'config', () => json(this.publicConfig()))
			.on('POST', 'config', (req) => {
				Object.assign(this.config, parseOrThrow(configSchema, req.body ?? {}));
				return json(this.publicConfig());
			})
			.on('GET', 'account', () =>
				json({
					platformId: this.config.platformId,
					username: this.config.username,
					password: this.config.password,
				}),
			);

		this.reset();
	}

	reset(): void {
		this.config = { ...this.initial };
		this.rows = this.seedRows.map(copyRow);
		this.tokens.clear();
		this.stats = emptyStats();
		this.addRng = new Rng(deriveSeed(this.seed, 'weclever:added'));
		this.tokenRng = new Rng(deriveSeed(this.seed, 'weclever:tokens'));
	}

	errorBody(status: number, message: string): unknown {
		return { statusCode: status, message };
	}

	async handle(req: EmuRequest, ctx: VendorContext): Promise<EmuResponse> {
		const answer = await this.api.dispatch(req, ctx);
		if (!answer) throw new EmuError(404, `Cannot ${req.method} ${this.basePath}${req.path}`);
		return answer;
	}

	control(subPath: string, req: EmuRequest, ctx: VendorContext): Promise<EmuResponse | undefined> {
		return this.ctl.dispatch(req, ctx, subPath);
	}

	// ---- auth ----

	private issueToken(req: EmuRequest): EmuResponse {
		this.stats.tokenCalls++;
		const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
		const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
		const colon = decoded.indexOf(':');
		const user = colon >= 0 ? decoded.slice(0, colon) : '';
		const pass = colon >= 0 ? decoded.slice(colon + 1) : '';
		if (!basic || user !== this.config.username || pass !== this.config.password) {
			this.stats.failedTokenCalls++;
			throw new EmuError(401, 'Unauthorized', { 'www-authenticate': 'Basic realm="weclever"' });
		}
		if (req.params.platformId !== this.config.platformId) {
			this.stats.failedTokenCalls++;
			throw new EmuError(404, `Platform ${req.params.platformId} not found`);
		}
		const { time } = parseOrThrow(tokenQuery, req.query);
		const token = this.tokenRng.hex(48);
		this.tokens.set(
			token,
			this.ctx.clock.nowMs() + (time ?? this.config.defaultTokenSeconds) * 1000,
		);
		return json({ token });
	}

	private authenticate(req: EmuRequest): void {
		const raw = header(req, 'authorization')?.trim();
		const bearer = raw ? /^Bearer\s+(\S+)$/i.exec(raw) : null;
		const expiresAt = bearer ? this.tokens.get(bearer[1]) : undefined;
		if (expiresAt === undefined || expiresAt <= this.ctx.clock.nowMs()) {
			this.stats.unauthorized++;
			if (bearer) this.tokens.delete(bearer[1]);
			throw new EmuError(401, raw ? 'Invalid or expired token' : 'Token not provided');
		}
	}

	private activeTokenCount(): number {
		const now = this.ctx.clock.nowMs();
		return [...this.tokens.values()].filter((expiresAt) => expiresAt > now).length;
	}

	// ---- leads ----

	private findFinalized(req: EmuRequest): EmuResponse {
		this.authenticate(req);
		const { firstDate, lastDate } = parseOrThrow(rangeParams, req.params);
		if (lastDate < firstDate) throw new EmuError(400, 'lastDate must not be before firstDate');
		this.stats.listCalls++;
		const leads = this.rows
			.filter((row) => row.finalizedAt >= firstDate && row.finalizedAt <= lastDate)
			.map((row) => ({ ...row.entry }));
		return json({ leads });
	}

	private async findLead(req: EmuRequest): Promise<EmuResponse> {
		this.authenticate(req);
		const { id } = parseOrThrow(idParams, req.params);
		this.stats.detailCalls++;
		this.detailInFlight++;
		this.stats.maxDetailConcurrency = Math.max(
			this.stats.maxDetailConcurrency,
			this.detailInFlight,
		);
		try {
			await wait(this.config.detailLatencyMs * (1 + (id % 3)));
		} finally {
			this.detailInFlight--;
		}
		const row = this.rows.find((candidate) => candidate.entry.weclever_lead_id === id);
		if (!row) throw new EmuError(404, `Lead ${id} not found`);
		return json({ lead: structuredClone(row.lead) }, this.config.detailStatus);
	}

	private groundTruth(row: Row) {
		return {
			...row.entry,
			finalizedAt: new Date(row.finalizedAt).toISOString(),
			lead: structuredClone(row.lead),
		};
	}

	private addLeads(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(addLeadsSchema, req.body ?? {});
		const specs =
			body.leads ??
			Array.from({ length: body.count ?? 1 }, () => ({}) as NonNullable<typeof body.leads>[number]);
		const toMs = (value: string) => {
			const ms = Date.parse(value);
			if (Number.isNaN(ms))
				throw new EmuError(400, `finalizedAt '${value}' is not an ISO 8601 date`);
			return Math.floor(ms / 1000) * 1000;
		};
		const existing = new Set(this.rows.map((row) => row.entry.weclever_lead_id));
		let nextId = Math.max(WECLEVER_FIRST_LEAD_ID - 1, ...existing) + 1;
		const created = specs.map((spec) => {
			const date = spec.finalizedAt ?? body.finalizedAt;
			const finalizedAt = date ? toMs(date) : Math.floor(this.ctx.clock.nowMs() / 1000) * 1000;
			const id = spec.weclever_lead_id ?? nextId;
			if (existing.has(id)) throw new EmuError(409, `Duplicate weclever_lead_id ${id}`);
			existing.add(id);
			nextId = Math.max(nextId, id + 1);
			const row = makeRow(this.addRng, id, finalizedAt);
			if (spec.mapped_status !== undefined) row.entry.mapped_status = spec.mapped_status;
			if (spec.client_lead_id !== undefined) row.entry.client_lead_id = spec.client_lead_id;
			if (spec.lead) row.lead = { ...row.lead, ...(spec.lead as Partial<WeCleverLead>) };
			return row;
		});
		this.rows = [...this.rows, ...created].sort(compareRows);
		return json({ leads: created.map((row) => this.groundTruth(row)) }, 201);
	}

	private publicConfig() {
		return {
			defaultTokenSeconds: this.config.defaultTokenSeconds,
			detailStatus: this.config.detailStatus,
			detailLatencyMs: this.config.detailLatencyMs,
		};
	}
}

export const weCleverVendor: VendorModule<WeCleverOptions> = {
	name: WECLEVER_NAME,
	basePath: WECLEVER_BASE_PATH,
	create: (options, ctx) => new WeCleverEmulator(options, ctx),
};
