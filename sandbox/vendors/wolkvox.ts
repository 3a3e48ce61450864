import { STATUS_CODES } from 'node:http';
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
 * Wolkvox "Intelligent Survey" report (reports_manager.php?api=diagram_4), as Wolkvox's
 * Intelligent Survey report doc describes it. Choices the doc leaves open:
 * - answers are `{ code, error, msg, data }` with HTTP status = code (as Wolkvox's other v2 APIs);
 * - the report's dates (query and rows) are UTC; rows carry `date` as 'YYYY-MM-DD HH:mm:ss';
 * - date_ini and date_end are both inclusive; a range may span at most 31 days (Wolkvox's
 *   published limit for its report APIs);
 * - "the same token cannot be consumed simultaneously": a request arriving while another one
 *   with the same token is in flight gets HTTP 429 with code 429 and an explaining msg.
 */
export const WOLKVOX_NAME = 'wolkvox';
export const WOLKVOX_BASE_PATH = '/wolkvox/api/v2';
export const WOLKVOX_REPORT_PATH = '/reports_manager.php';
export const WOLKVOX_REPORT_API = 'diagram_4';
export const WOLKVOX_SERVER = '0002';
export const WOLKVOX_TOKEN = 'wvx2-7f3a9c1e5b2d4068a1c3e5f7';
/** A second token of the same operation (another integration). */
export const WOLKVOX_OTHER_TOKEN = 'wvx2-0b8d6e4f2a1c3957b7d9e1f3';
export const WOLKVOX_BUSY_MESSAGE =
	'The token is being consumed by another request; the same token cannot be consumed simultaneously, try again when the previous request finishes';

export const WOLKVOX_AGENTS: ReadonlyArray<{ id: string; name: string; dni: string }> = [
	{ id: '1001', name: 'Laura Gómez', dni: '1020304050' },
	{ id: '1002', name: 'Andrés Restrepo', dni: '71654321' },
	{ id: '1003', name: 'Camila Ríos', dni: '1036987412' },
	{ id: '1004', name: 'Julián Ospina', dni: '98765432' },
	{ id: '1005', name: 'Valentina Mejía', dni: '1152447890' },
	{ id: '1006', name: 'Santiago Pérez', dni: '1017223344' },
];
export const WOLKVOX_SKILLS: ReadonlyArray<{ id: string; name: string }> = [
	{ id: '301', name: 'Ventas' },
	{ id: '302', name: 'Soporte' },
	{ id: '303', name: 'Cartera' },
	{ id: '304', name: 'Retención' },
];

/** One report row: every documented field, all strings, in the doc's order (q1..qN in the middle). */
export type WolkvoxSurveyRow = Record<string, string>;

export interface WolkvoxConfig {
	tokens: string[];
	/** q1..qN in every row. */
	questions: number;
	surveyCount: number;
	spanDays: number;
	/** Time each report takes; the token is "being consumed" meanwhile. */
	latencyMs: number;
	maxConcurrentPerToken: number;
	maxRangeDays: number;
	/** 'envelope' = { code, error, msg, data }; 'array' = the rows alone. */
	shape: 'envelope' | 'array';
}

export const WOLKVOX_DEFAULTS: Readonly<WolkvoxConfig> = Object.freeze({
	tokens: [WOLKVOX_TOKEN, WOLKVOX_OTHER_TOKEN],
	questions: 3,
	surveyCount: 4000,
	spanDays: 120,
	latencyMs: 15,
	maxConcurrentPerToken: 1,
	maxRangeDays: 31,
	shape: 'envelope',
});

export type WolkvoxOptions = Partial<WolkvoxConfig> & { seed?: number };

interface Row {
	row: WolkvoxSurveyRow;
	ts: number;
}

interface TokenUsage {
	requests: number;
	inFlight: number;
	maxConcurrency: number;
	rejected: number;
}

const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** 'YYYYmmddHHiiss' (UTC) → epoch ms, undefined when it is not a real date. */
export function parseCompactDate(value: string): number | undefined {
	const m = COMPACT_RE.exec(value);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(ms);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
		return undefined;
	return ms;
}

export function formatCompactDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** 'YYYY-MM-DD HH:mm:ss' in UTC, the rows' `date`. */
export function formatRowDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const RESULTS: Array<[string, number]> = [
	['COMPLETED', 78],
	['HANG UP', 14],
	['TRANSFER TO QUEUE', 8],
];
const MESSAGES: Record<string, string[]> = {
	POSITIVE: [
		'Muy buena atención, gracias',
		'La asesora fue muy amable',
		'Resolvieron mi solicitud rápido',
	],
	NEUTRAL: ['Todo normal', 'La llamada estuvo bien', 'Me dieron la información'],
	NEGATIVE: [
		'Esperé demasiado tiempo',
		'No me solucionaron el problema',
		'Me transfirieron muchas veces',
	],
};

function makeRow(rng: Rng, ts: number, questions: number, connId?: string): WolkvoxSurveyRow {
	const agent = rng.pick(WOLKVOX_AGENTS);
	const skill = rng.pick(WOLKVOX_SKILLS);
	const result = rng.weighted(RESULTS);
	const mood = rng.weighted([
		['good', 62],
		['mixed', 22],
		['bad', 16],
	] as Array<[string, number]>);
	const scale: Record<string, Array<[string, number]>> = {
		good: [
			['5', 60],
			['4', 35],
			['3', 5],
		],
		mixed: [
			['4', 25],
			['3', 45],
			['2', 30],
		],
		bad: [
			['3', 15],
			['2', 40],
			['1', 45],
		],
	};
	// A customer who hangs up leaves the later questions unanswered.
	const answered = result === 'HANG UP' ? rng.int(0, questions - 1) : questions;
	const hasMessage = rng.bool(0.35);
	const feeling = hasMessage
		? mood === 'good'
			? 'POSITIVE'
			: mood === 'bad'
				? 'NEGATIVE'
				: 'NEUTRAL'
		: '';
	const row: WolkvoxSurveyRow = {
		agent_id: agent.id,
		agent_name: agent.name,
		agent_dni: agent.dni,
		skill_id: skill.id,
		skill_name: skill.name,
		date: formatRowDate(ts),
		conn_id: connId ?? `${Math.floor(ts / 1000)}${rng.digits(6)}`,
		ani: `3${rng.int(0, 2)}${rng.digits(8)}`,
		customer_id: rng.bool(0.1) ? '' : String(rng.int(10_000_000, 1_199_999_999)),
	};
	for (let q = 1; q <= questions; q++)
		row[`q${q}`] = q <= answered ? rng.weighted(scale[mood]) : '';
	row.voice_message_duration = hasMessage ? String(rng.int(3, 45)) : '0';
	row.type_interaction = rng.weighted([
		['INBOUND', 85],
		['OUTBOUND', 15],
	] as Array<[string, number]>);
	row.result = result;
	row.time = String(rng.int(20, 240));
	row.voice_message = hasMessage ? rng.pick(MESSAGES[feeling]) : '';
	row.feeling = feeling;
	return row;
}

/** Oldest first, ties by conn_id then customer_id (the order the report answers in). */
function compareRows(a: Row, b: Row): number {
	if (a.ts !== b.ts) return a.ts - b.ts;
	const byConn = a.row.conn_id.localeCompare(b.row.conn_id);
	return byConn !== 0 ? byConn : a.row.customer_id.localeCompare(b.row.customer_id);
}

/**
 * Uniform over the `spanDays` before the anchor; ~3% bursts of 2-6 responses sharing one
 * second, and ~2% responses reusing an earlier call's conn_id (a call surveyed twice).
 */
function generateRows(rng: Rng, anchorMs: number, config: WolkvoxConfig): Row[] {
	const rows: Row[] = [];
	const anchorSec = Math.floor(anchorMs / 1000);
	const spanSec = Math.max(1, Math.floor(config.spanDays * 86_400));
	while (rows.length < config.surveyCount) {
		const size = rng.bool(0.03) ? rng.int(2, 6) : 1;
		const ts = (anchorSec - 1 - rng.int(0, spanSec - 1)) * 1000;
		for (let i = 0; i < size && rows.length < config.surveyCount; i++) {
			const reused = rows.length > 0 && rng.bool(0.02) ? rng.pick(rows).row.conn_id : undefined;
			rows.push({ row: makeRow(rng, ts, config.questions, reused), ts });
		}
	}
	return rows.sort(compareRows);
}

function header(req: EmuRequest, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

const compactDate = (field: string) =>
	z
		.string({
			required_error: `${field} is required`,
			invalid_type_error: `${field} must be given once`,
		})
		.regex(COMPACT_RE, `${field} must have the format YYYYmmddHHiiss`)
		.refine((value) => parseCompactDate(value) !== undefined, `${field} is not a valid date`);

const reportQuerySchema = z.object({
	api: z
		.string({ required_error: 'api is required', invalid_type_error: 'api must be given once' })
		.min(1, 'api is required'),
	date_ini: compactDate('date_ini'),
	date_end: compactDate('date_end'),
});

const partialRowSchema = z.record(z.union([z.string(), z.number()]).transform(String));

const addRowsSchema = z
	.object({
		surveys: z.array(partialRowSchema).optional(),
		count: z.number().int().min(1).max(100_000).optional(),
		/** ISO 8601 or 'YYYY-MM-DD HH:mm:ss' (UTC); default: the emulator clock's now. */
		date: z.string().optional(),
	})
	.strict();

const configSchema = z
	.object({
		latencyMs: z.number().int().min(0).max(60_000).optional(),
		maxConcurrentPerToken: z.number().int().min(1).optional(),
		maxRangeDays: z.number().int().min(1).optional(),
		shape: z.enum(['envelope', 'array']).optional(),
	})
	.strict();

const holdSchema = z
	.object({ token: z.string().min(1).optional(), ms: z.number().int().min(1).max(60_000) })
	.strict();

const optionsSchema = z
	.object({
		tokens: z.array(z.string().min(1)).min(1),
		questions: z.number().int().min(1).max(20),
		surveyCount: z.number().int().min(0),
		spanDays: z.number().min(0),
		latencyMs: z.number().int().min(0),
		maxConcurrentPerToken: z.number().int().min(1),
		maxRangeDays: z.number().int().min(1),
		shape: z.enum(['envelope', 'array']),
		seed: z.number().int(),
	})
	.partial()
	.strict();

function parseRowDate(value: string): number | undefined {
	const text = value.trim();
	const compact = parseCompactDate(text);
	if (compact !== undefined) return compact;
	const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z)?$/.exec(text);
	if (!m) return undefined;
	return parseCompactDate(m.slice(1, 7).join(''));
}

export class WolkvoxEmulator implements VendorEmulator {
	readonly name = WOLKVOX_NAME;
	readonly basePath = WOLKVOX_BASE_PATH;
	private readonly initial: WolkvoxConfig;
	private readonly seed: number;
	private readonly api = new Router();
	private readonly ctl = new Router();
	private readonly seedRows: readonly Row[];
	private config!: WolkvoxConfig;
	private rows: Row[] = [];
	private usage = new Map<string, TokenUsage>();
	private stats = { reports: 0, rejected: 0, authFailures: 0, badRequests: 0 };
	private addRng!: Rng;
	private timers = new Set<NodeJS.Timeout>();

	constructor(
		options: WolkvoxOptions | undefined,
		private readonly ctx: VendorContext,
	) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.seed = seed ?? ctx.seed;
		this.initial = { ...WOLKVOX_DEFAULTS, ...overrides };
		const dataRng = new Rng(deriveSeed(this.seed, 'wolkvox:surveys'));
		this.seedRows = generateRows(dataRng, ctx.anchor.getTime(), this.initial);

		this.api.on('GET', 'reports_manager.php', (req) => this.report(req));

		this.ctl
			.on('GET', 'surveys', () =>
				json({ surveys: this.rows.map((r) => ({ ...r.row })), total: this.rows.length }),
			)
			.on('POST', 'surveys', (req) => this.addRows(req))
			.on('DELETE', 'surveys', () => {
				const removed = this.rows.length;
				this.rows = [];
				return json({ removed });
			})
			.on('GET', 'stats', () => json(this.publicStats()))
			.on('POST', 'hold', (req) => this.hold(req))
			.on('GET', 'config', () => json(this.publicConfig()))
			.on('POST', 'config', (req) => {
				Object.assign(this.config, parseOrThrow(configSchema, req.body ?? {}));
				return json(this.publicConfig());
			})
			.on('GET', 'account', () =>
				json({
					server: WOLKVOX_SERVER,
					tokens: [...this.config.tokens],
					report: WOLKVOX_REPORT_API,
					questions: this.config.questions,
				}),
			);

		this.reset();
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.config = { ...this.initial, tokens: [...this.initial.tokens] };
		this.rows = [...this.seedRows];
		this.usage = new Map();
		this.stats = { reports: 0, rejected: 0, authFailures: 0, badRequests: 0 };
		this.addRng = new Rng(deriveSeed(this.seed, 'wolkvox:added'));
	}

	errorBody(status: number, message: string): unknown {
		return { code: status, error: STATUS_CODES[status] ?? 'Error', msg: message, data: null };
	}

	async handle(req: EmuRequest, ctx: VendorContext): Promise<EmuResponse> {
		const answer = await this.api.dispatch(req, ctx);
		if (!answer) throw new EmuError(404, `Cannot ${req.method} ${this.basePath}${req.path}`);
		return answer;
	}

	control(subPath: string, req: EmuRequest, ctx: VendorContext): Promise<EmuResponse | undefined> {
		return this.ctl.dispatch(req, ctx, subPath);
	}

	// ---- the report ----

	private usageOf(token: string): TokenUsage {
		let usage = this.usage.get(token);
		if (!usage) {
			usage = { requests: 0, inFlight: 0, maxConcurrency: 0, rejected: 0 };
			this.usage.set(token, usage);
		}
		return usage;
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			timer.unref();
			this.timers.add(timer);
		});
	}

	private async report(req: EmuRequest): Promise<EmuResponse> {
		const token = header(req, 'wolkvox-token')?.trim();
		if (!token) {
			this.stats.authFailures++;
			throw new EmuError(401, 'The wolkvox-token header is required');
		}
		if (!this.config.tokens.includes(token)) {
			this.stats.authFailures++;
			throw new EmuError(401, 'Invalid token');
		}
		const usage = this.usageOf(token);
		usage.requests++;
		usage.maxConcurrency = Math.max(usage.maxConcurrency, usage.inFlight + 1);
		if (usage.inFlight >= this.config.maxConcurrentPerToken) {
			usage.rejected++;
			this.stats.rejected++;
			throw new EmuError(429, WOLKVOX_BUSY_MESSAGE);
		}
		usage.inFlight++;
		try {
			if (this.config.latencyMs > 0) await this.wait(this.config.latencyMs);
			return this.answerReport(req);
		} finally {
			usage.inFlight--;
		}
	}

	private answerReport(req: EmuRequest): EmuResponse {
		let query: z.infer<typeof reportQuerySchema>;
		try {
			query = parseOrThrow(reportQuerySchema, req.query);
		} catch (error) {
			this.stats.badRequests++;
			throw error;
		}
		const badRequest = (message: string) => {
			this.stats.badRequests++;
			return new EmuError(400, message);
		};
		if (query.api !== WOLKVOX_REPORT_API)
			throw badRequest(`The report api '${query.api}' does not exist`);
		const start = parseCompactDate(query.date_ini)!;
		const end = parseCompactDate(query.date_end)!;
		if (end < start) throw badRequest('date_end must not be before date_ini');
		if (end - start > this.config.maxRangeDays * 86_400_000) {
			throw badRequest(`The date range cannot exceed ${this.config.maxRangeDays} days`);
		}
		this.stats.reports++;
		const data = this.rows.filter((r) => r.ts >= start && r.ts <= end).map((r) => ({ ...r.row }));
		if (this.config.shape === 'array') return json(data);
		return json({ code: 200, error: null, msg: `${data.length} records were found`, data });
	}

	// ---- control ----

	/** Another process consumes the token for `ms` (the default token unless one is named). */
	private hold(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(holdSchema, req.body ?? {});
		const token = body.token ?? this.config.tokens[0];
		if (!this.config.tokens.includes(token)) throw new EmuError(404, 'Unknown token');
		const usage = this.usageOf(token);
		usage.inFlight++;
		usage.maxConcurrency = Math.max(usage.maxConcurrency, usage.inFlight);
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			usage.inFlight--;
		}, body.ms);
		timer.unref();
		this.timers.add(timer);
		return json({ held: true, until: new Date(this.ctx.clock.nowMs() + body.ms).toISOString() });
	}

	private addRows(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(addRowsSchema, req.body ?? {});
		const partials: Array<Record<string, string>> =
			body.surveys ?? Array.from({ length: body.count ?? 1 }, () => ({}));
		const created = partials.map((partial) => {
			const text = partial.date ?? body.date;
			const ts =
				text === undefined ? Math.floor(this.ctx.clock.nowMs() / 1000) * 1000 : parseRowDate(text);
			if (ts === undefined) throw new EmuError(400, `date '${text}' is not 'YYYY-MM-DD HH:mm:ss'`);
			const row = {
				...makeRow(this.addRng, ts, this.config.questions),
				...partial,
				date: formatRowDate(ts),
			};
			return { row, ts };
		});
		this.rows = [...this.rows, ...created].sort(compareRows);
		return json({ surveys: created.map((r) => ({ ...r.row })) }, 201);
	}

	private publicStats() {
		const tokens: Record<string, TokenUsage> = {};
		for (const [token, usage] of this.usage) tokens[token] = { ...usage };
		const maxConcurrency = Math.max(0, ...[...this.usage.values()].map((u) => u.maxConcurrency));
		return { ...this.stats, maxConcurrency, tokens };
	}

	private publicConfig() {
		const { latencyMs, maxConcurrentPerToken, maxRangeDays, shape } = this.config;
		return { latencyMs, maxConcurrentPerToken, maxRangeDays, shape };
	}
}

export const wolkvoxVendor: VendorModule<WolkvoxOptions> = {
	name: WOLKVOX_NAME,
	basePath: WOLKVOX_BASE_PATH,
	create: (options, ctx) => new WolkvoxEmulator(options, ctx),
};
