import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { formatUtcSeconds, parseIsoDate } from '../core/dates';
import { deriveSeed, ObjectIdGen, Rng } from '../core/prng';
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

export const WESAL_VOC_NAME = 'wesal-voc';
export const WESAL_VOC_BASE_PATH = '/wesal-voc/api/v1';
/** base64('wesal-voc-demo-client') */
export const WESAL_VOC_CLIENT_ID = 'd2VzYWwtdm9jLWRlbW8tY2xpZW50';
export const WESAL_VOC_COMPANY_NAME = 'ACME';
export const WESAL_VOC_COMPANY_ID = '65f1c0a2b3d4e5f6a7b8c9d0';
export const WESAL_VOC_USER_ID = '65f1c0a2b3d4e5f6a7b8c9e1';
export const WESAL_VOC_EMAIL = 'ops@acme.test';
export const WESAL_VOC_PASSWORD = 'Pa55-word!';
export const WESAL_VOC_API_TOKEN = 'wvoc_live_tok_8f2c1d';
export const WESAL_VOC_PHONE = '0500000000';
export const WESAL_VOC_AGENTS: readonly string[] = [
	'Nourah',
	'Ahmed',
	'Sara',
	'Faisal',
	'Reem',
	'Khalid',
	'Lama',
	'Omar',
];
export const WESAL_VOC_QUEUES: readonly string[] = [
	'Sales',
	'Support',
	'Billing',
	'Retention',
	'VIP',
];
export const WESAL_VOC_TYPES: readonly string[] = ['voice', 'chat', 'email'];
export const WESAL_VOC_QUESTIONS = [
	{
		id: 'AgentSatisfaction',
		name: 'Agent Satisfaction',
		type: 'rating',
		minAnswer: 1,
		maxAnswer: 5,
		counts: 5,
	},
	{
		id: 'ServiceSatisfaction',
		name: 'Service Satisfaction',
		type: 'rating',
		minAnswer: 1,
		maxAnswer: 5,
		counts: 5,
	},
	{
		id: 'NPS',
		name: 'Net Promoter Score',
		type: 'rating',
		minAnswer: 0,
		maxAnswer: 10,
		counts: 11,
	},
] as const;

export interface WesalVocConfig {
	clientId: string;
	companyName: string;
	companyId: string;
	userId: string;
	email: string;
	password: string;
	apiToken: string;
	phone: string;
	/** Secret to the nodes: they must page until a short/empty page, never assume 25. */
	pageSize: number;
	tokenTtlMs: number;
	surveyCount: number;
	spanDays: number;
}

export const WESAL_VOC_DEFAULTS: Readonly<WesalVocConfig> = Object.freeze({
	clientId: WESAL_VOC_CLIENT_ID,
	companyName: WESAL_VOC_COMPANY_NAME,
	companyId: WESAL_VOC_COMPANY_ID,
	userId: WESAL_VOC_USER_ID,
	email: WESAL_VOC_EMAIL,
	password: WESAL_VOC_PASSWORD,
	apiToken: WESAL_VOC_API_TOKEN,
	phone: WESAL_VOC_PHONE,
	pageSize: 25,
	tokenTtlMs: 3_600_000,
	surveyCount: 6000,
	spanDays: 180,
});

export type WesalVocOptions = Partial<WesalVocConfig> & { seed?: number };

export interface WesalVocSurvey {
	_id: string;
	interactionId: string;
	/** UTC, 'YYYY-MM-DDTHH:mm:ss', no zone. */
	surveyDate: string;
	type: string;
	number: string;
	direction: string;
	queue: string;
	agent: string;
	answers: Record<string, string>;
}

interface Row {
	survey: WesalVocSurvey;
	ts: number;
}

const RATING: Array<[string, number]> = [
	['5', 38],
	['4', 30],
	['3', 14],
	['2', 9],
	['1', 9],
];
const NPS: Array<[string, number]> = [
	['10', 22],
	['9', 20],
	['8', 14],
	['7', 10],
	['6', 8],
	['5', 7],
	['4', 5],
	['3', 4],
	['2', 3],
	['1', 3],
	['0', 4],
];
const QUEUE_WEIGHTS: Array<[string, number]> = [
	['Sales', 30],
	['Support', 35],
	['Billing', 15],
	['Retention', 12],
	['VIP', 8],
];

function makeSurvey(rng: Rng, ids: ObjectIdGen, ts: number): WesalVocSurvey {
	const answers: Record<string, string> = {};
	if (!rng.bool(0.06)) answers.ServiceSatisfaction = rng.weighted(RATING);
	if (!rng.bool(0.06)) answers.AgentSatisfaction = rng.weighted(RATING);
	if (!rng.bool(0.3)) answers.NPS = rng.weighted(NPS);
	if (Object.keys(answers).length === 0) answers.AgentSatisfaction = rng.weighted(RATING);
	return {
		_id: ids.next(ts),
		interactionId: rng.uuid(),
		surveyDate: formatUtcSeconds(ts),
		type: rng.weighted([
			['voice', 70],
			['chat', 20],
			['email', 10],
		] as Array<[string, number]>),
		number: `tel:+9665${rng.digits(8)}`,
		direction: rng.weighted([
			['inbound', 85],
			['outbound', 15],
		] as Array<[string, number]>),
		queue: rng.weighted(QUEUE_WEIGHTS),
		agent: rng.pick(WESAL_VOC_AGENTS),
		answers,
	};
}

/** Newest surveyDate first, ties by _id ascending (as in the doc's example). */
function compareRows(a: Row, b: Row): number {
	if (a.ts !== b.ts) return b.ts - a.ts;
	return a.survey._id < b.survey._id ? -1 : a.survey._id > b.survey._id ? 1 : 0;
}

/** Uniform over the `spanDays` before the anchor, with ~3% bursts of 3-12 surveys sharing one surveyDate. */
function generateSurveys(
	rng: Rng,
	ids: ObjectIdGen,
	anchorMs: number,
	count: number,
	spanDays: number,
): Row[] {
	const rows: Row[] = [];
	const anchorSec = Math.floor(anchorMs / 1000);
	const spanSec = Math.max(1, spanDays * 86_400);
	while (rows.length < count) {
		const size = rng.bool(0.03) ? rng.int(3, 12) : 1;
		const ts = (anchorSec - 1 - rng.int(0, spanSec - 1)) * 1000;
		for (let i = 0; i < size && rows.length < count; i++)
			rows.push({ survey: makeSurvey(rng, ids, ts), ts });
	}
	return rows.sort(compareRows);
}

const copySurvey = (s: WesalVocSurvey): WesalVocSurvey => ({ ...s, answers: { ...s.answers } });

function header(req: EmuRequest, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

/** Digits only, with the Saudi country code folded into the local 0-prefix. */
function normalizePhone(phone: string): string {
	const d = phone.replace(/\D/g, '');
	if (d.startsWith('966')) return `0${d.slice(3)}`;
	if (d.length === 9 && d.startsWith('5')) return `0${d}`;
	return d;
}

const requiredString = (field: string) =>
	z
		.string({
			required_error: `${field} is required`,
			invalid_type_error: `${field} must be a string`,
		})
		.min(1, `${field} is required`);

const isoDate = (field: string) =>
	z
		.string({
			required_error: `${field} is required`,
			invalid_type_error: `${field} must be an ISO 8601 date string`,
		})
		.refine((s) => parseIsoDate(s) !== undefined, `${field} must be an ISO 8601 date string`);

const nameList = (field: string) =>
	z
		.array(z.string({ invalid_type_error: 'must be a string' }), {
			invalid_type_error: `${field} must be an array`,
		})
		.nullish();

const methodEnum = z.enum(['email', 'phone'], {
	errorMap: () => ({ message: 'method must be "email" or "phone"' }),
});
const bodyObject = { invalid_type_error: 'Request body must be a JSON object' };

const searchSchema = z.object(
	{
		startDate: isoDate('startDate'),
		endDate: isoDate('endDate'),
		agents: nameList('agents'),
		queues: nameList('queues'),
		answers: z
			.record(
				z.array(z.string({ invalid_type_error: 'must be a string' }), {
					invalid_type_error: 'must be an array of strings',
				}),
				{
					invalid_type_error: 'answers must be an object',
				},
			)
			.nullish(),
		companyId: requiredString('companyId'),
		page: z
			.number({
				required_error: 'page is required',
				invalid_type_error: 'page must be a positive integer',
			})
			.int('page must be a positive integer')
			.min(1, 'page must be a positive integer'),
	},
	bodyObject,
);

const resetSchema = z.object(
	{
		companyId: requiredString('companyId'),
		method: methodEnum,
		email: z.string().nullish(),
		phone: z.string().nullish(),
	},
	bodyObject,
);

const verifySchema = z.object(
	{
		companyId: requiredString('companyId'),
		method: methodEnum,
		email: requiredString('email'),
		verifyCode: z.union([z.string(), z.number()]).nullish(),
		otp: z
			.union([z.string(), z.number()], { errorMap: () => ({ message: 'otp is required' }) })
			.transform(String)
			.refine((s) => s !== '', 'otp is required'),
		password: requiredString('password'),
	},
	bodyObject,
);

const partialSurveySchema = z
	.object({
		_id: z
			.string()
			.regex(/^[0-9a-f]{24}$/, '_id must be 24 hex characters')
			.optional(),
		interactionId: z.string().optional(),
		surveyDate: z.string().optional(),
		type: z.string().optional(),
		number: z.string().optional(),
		direction: z.string().optional(),
		queue: z.string().optional(),
		agent: z.string().optional(),
		answers: z.record(z.union([z.string(), z.number()]).transform(String)).optional(),
	})
	.strict();

const addSurveysSchema = z.object({
	surveys: z.array(partialSurveySchema).optional(),
	count: z.number().int().min(1).max(100_000).optional(),
	surveyDate: z.string().optional(),
});

const configSchema = z
	.object({
		pageSize: z.number().int().min(1).max(10_000).optional(),
		tokenTtlMs: z.number().int().min(1).optional(),
	})
	.strict();

const optionsSchema = z
	.object({
		clientId: z.string().min(1),
		companyName: z.string().min(1),
		companyId: z.string().regex(/^[0-9a-f]{24}$/),
		userId: z.string().regex(/^[0-9a-f]{24}$/),
		email: z.string().min(1),
		password: z.string().min(1),
		apiToken: z.string().min(1),
		phone: z.string().min(1),
		pageSize: z.number().int().min(1),
		tokenTtlMs: z.number().int().min(1),
		surveyCount: z.number().int().min(0),
		spanDays: z.number().min(0),
		seed: z.number().int(),
	})
	.partial()
	.strict();

interface TokenInfo {
	userId: string;
	expiresAt: number;
}

export class WesalVocEmulator implements VendorEmulator {
	readonly name = WESAL_VOC_NAME;
	readonly basePath = WESAL_VOC_BASE_PATH;
	private readonly initial: WesalVocConfig;
	private readonly seed: number;
	private readonly api = new Router();
	private readonly ctl = new Router();
	private config!: WesalVocConfig;
	private password!: string;
	private updatedAt!: string;
	private userUuid!: string;
	private rows: Row[] = [];
	/** Generated once; rows and surveys are never mutated, so reset() only copies the array. */
	private readonly seedRows: readonly Row[];
	private readonly seedIds: ObjectIdGen;
	private tokens = new Map<string, TokenInfo>();
	/** Pending reset code per user id. */
	private otps = new Map<string, string>();
	private stats = { logins: 0, failedLogins: 0, searches: 0 };
	private ids!: ObjectIdGen;
	private addRng!: Rng;
	private tokenRng!: Rng;
	private otpRng!: Rng;
	private tokenSeq = 0;
	private expireAfterRequests: number | undefined;

	constructor(
		options: WesalVocOptions | undefined,
		private readonly ctx: VendorContext,
	) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.seed = seed ?? ctx.seed;
		this.initial = { ...WESAL_VOC_DEFAULTS, ...overrides };
		const dataRng = new Rng(deriveSeed(this.seed, 'wesal-voc:surveys'));
		this.seedIds = new ObjectIdGen(dataRng);
		this.seedRows = generateSurveys(
			dataRng,
			this.seedIds,
			ctx.anchor.getTime(),
			this.initial.surveyCount,
			this.initial.spanDays,
		);

		this.api
			.on('POST', 'auth/login', (req) => this.login(req))
			.on('POST', 'auth/reset', (req) => this.requestReset(req))
			.on('POST', 'auth/verify', (req) => this.verifyReset(req))
			.on(['GET', 'POST'], 'auth/logout', (req) => this.logout(req))
			.on('POST', 'survey/queries/surveys', (req) => this.searchSurveys(req));

		this.ctl
			.on('GET', 'surveys', () =>
				json({ surveys: this.rows.map((r) => copySurvey(r.survey)), total: this.rows.length }),
			)
			.on('POST', 'surveys', (req) => this.addSurveys(req))
			.on('DELETE', 'surveys', () => {
				const removed = this.rows.length;
				this.rows = [];
				return json({ removed });
			})
			.on('POST', 'expire-tokens', (req) => {
				// { afterRequests: n }: the tokens expire once n more authenticated calls were served,
				// so a test can make a token die in the middle of a multi-page read.
				const after = (req.body as { afterRequests?: unknown } | undefined)?.afterRequests;
				if (typeof after === 'number' && after > 0) {
					this.expireAfterRequests = after;
					return json({ expired: 0, expiresAfterRequests: after });
				}
				const expired = this.activeTokenCount();
				this.tokens.clear();
				return json({ expired });
			})
			.on('GET', 'otp', (req) => this.readOtp(req))
			.on('GET', 'stats', () => json({ ...this.stats, activeTokens: this.activeTokenCount() }))
			.on('GET', 'config', () => json(this.publicConfig()))
			.on('POST', 'config', (req) => {
				Object.assign(this.config, parseOrThrow(configSchema, req.body ?? {}));
				return json(this.publicConfig());
			})
			.on('GET', 'account', () =>
				json({
					clientId: this.config.clientId,
					company: this.config.companyName,
					companyId: this.config.companyId,
					email: this.config.email,
					password: this.password,
					apiToken: this.config.apiToken,
					phone: this.config.phone,
				}),
			);

		this.reset();
	}

	reset(): void {
		this.config = { ...this.initial };
		this.password = this.config.password;
		this.updatedAt = '2025-03-16T11:19:23.625Z';
		this.userUuid = new Rng(deriveSeed(this.seed, 'wesal-voc:user')).uuid();
		this.ids = this.seedIds.clone();
		this.rows = [...this.seedRows];
		this.addRng = new Rng(deriveSeed(this.seed, 'wesal-voc:added'));
		this.tokenRng = new Rng(deriveSeed(this.seed, 'wesal-voc:tokens'));
		this.otpRng = new Rng(deriveSeed(this.seed, 'wesal-voc:otp'));
		this.tokens.clear();
		this.otps.clear();
		this.stats = { logins: 0, failedLogins: 0, searches: 0 };
		this.tokenSeq = 0;
		this.expireAfterRequests = undefined;
	}

	errorBody(_status: number, message: string): unknown {
		return { result: 'error', message };
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

	private login(req: EmuRequest): EmuResponse {
		const clientId = header(req, 'x-client-id');
		if (!clientId) throw new EmuError(400, 'X-Client-Id header is required');
		if (clientId !== this.config.clientId) throw new EmuError(401, 'Invalid client id');

		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<
			string,
			unknown
		>;
		const fields = ['company', 'email', 'password'] as const;
		const missing = fields.filter(
			(f) => body[f] === undefined || body[f] === null || body[f] === '',
		);
		if (missing.length) throw new EmuError(400, `Missing required fields: ${missing.join(', ')}`);
		const wrongType = fields.find((f) => typeof body[f] !== 'string');
		if (wrongType) throw new EmuError(400, `${wrongType} must be a string`);
		const { company, email, password } = body as Record<(typeof fields)[number], string>;

		const companyOk =
			company.toLowerCase() === this.config.companyName.toLowerCase() ||
			company === this.config.companyId;
		const emailOk = email.trim().toLowerCase() === this.config.email.toLowerCase();
		const passwordOk = password === this.password || password === this.config.apiToken;
		if (!companyOk || !emailOk || !passwordOk) {
			this.stats.failedLogins++;
			throw new EmuError(401, 'Invalid email or password');
		}
		this.stats.logins++;
		return json({ user: this.userObject(), token: this.issueToken(), result: 'success' });
	}

	private issueToken(): string {
		const now = this.ctx.clock.nowMs();
		const expiresAt = now + this.config.tokenTtlMs;
		const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
		const head = b64({ alg: 'HS256', typ: 'JWT' });
		const payload = b64({
			_id: this.config.userId,
			company: this.config.companyId,
			jti: `${++this.tokenSeq}-${this.tokenRng.hex(12)}`,
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
		});
		const sig = createHmac('sha256', `wesal-voc-${this.seed}`)
			.update(`${head}.${payload}`)
			.digest('base64url');
		const token = `${head}.${payload}.${sig}`;
		this.tokens.set(token, { userId: this.config.userId, expiresAt });
		return token;
	}

	private authenticate(req: EmuRequest): TokenInfo {
		if (this.expireAfterRequests !== undefined && this.expireAfterRequests-- <= 0) {
			this.expireAfterRequests = undefined;
			this.tokens.clear();
		}
		const raw = header(req, 'authorization');
		if (!raw || !raw.trim()) throw new EmuError(401, 'Authorization header is required');
		const token = raw.trim().replace(/^Bearer\s+/i, '');
		const info = this.tokens.get(token);
		if (!info || info.expiresAt <= this.ctx.clock.nowMs()) {
			this.tokens.delete(token);
			throw new EmuError(401, 'Invalid or expired token');
		}
		return info;
	}

	private activeTokenCount(): number {
		const now = this.ctx.clock.nowMs();
		return [...this.tokens.values()].filter((t) => t.expiresAt > now).length;
	}

	private logout(req: EmuRequest): EmuResponse {
		this.authenticate(req);
		this.tokens.delete(
			header(req, 'authorization')!
				.trim()
				.replace(/^Bearer\s+/i, ''),
		);
		return json({ result: 'success', message: 'Logged out successfully' });
	}

	private requireCompany(companyId: string): void {
		if (companyId !== this.config.companyId) throw new EmuError(404, 'Company not found');
	}

	/**
	 * The reset calls are documented without a login, so their caller knows only the company
	 * identifier it logs in with (the doc calls both fields "Company identifier"): the name is
	 * accepted as well as the id, as at login.
	 */
	private requireResetCompany(companyId: string): void {
		if (companyId.toLowerCase() === this.config.companyName.toLowerCase()) return;
		this.requireCompany(companyId);
	}

	private requestReset(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(resetSchema, req.body ?? {});
		this.requireResetCompany(body.companyId);
		const contact = body.method === 'email' ? body.email : body.phone;
		if (!contact) throw new EmuError(400, `${body.method} is required`);
		const known =
			body.method === 'email'
				? contact.trim().toLowerCase() === this.config.email.toLowerCase()
				: normalizePhone(contact) === normalizePhone(this.config.phone);
		if (!known) throw new EmuError(404, 'User not found');
		this.otps.set(this.config.userId, String(this.otpRng.int(1000, 9999)));
		return json({ result: 'success', message: `Reset done, please check your ${body.method}` });
	}

	private verifyReset(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(verifySchema, req.body ?? {});
		this.requireResetCompany(body.companyId);
		if (body.email.trim().toLowerCase() !== this.config.email.toLowerCase())
			throw new EmuError(404, 'User not found');
		const pending = this.otps.get(this.config.userId);
		if (!pending || pending !== body.otp.trim()) throw new EmuError(400, 'Incorrect verify code');
		this.otps.delete(this.config.userId);
		this.password = body.password;
		this.updatedAt = this.ctx.clock.now().toISOString();
		return json({ result: 'success', message: 'Password reset successfully' });
	}

	private userObject() {
		return {
			_id: this.config.userId,
			uuid: this.userUuid,
			firstName: 'Nourah',
			lastName: 'Alqahtani',
			email: this.config.email,
			phone: this.config.phone,
			role: 'admin',
			status: 'active',
			createdAt: '2025-01-08T10:50:19.128Z',
			updatedAt: this.updatedAt,
			company: {
				_id: this.config.companyId,
				name: this.config.companyName,
				settings: {
					region: 'mypurecloud.de',
					questionsSchema: WESAL_VOC_QUESTIONS.map((q) => ({ ...q })),
				},
			},
		};
	}

	// ---- surveys ----

	private searchSurveys(req: EmuRequest): EmuResponse {
		this.authenticate(req);
		const q = parseOrThrow(searchSchema, req.body ?? {});
		this.requireCompany(q.companyId);
		this.stats.searches++;
		const start = parseIsoDate(q.startDate)!;
		const end = parseIsoDate(q.endDate)!;
		const agents = q.agents?.length ? new Set(q.agents) : undefined;
		const queues = q.queues?.length ? new Set(q.queues) : undefined;
		const answerFilters = Object.entries(q.answers ?? {}).filter(([, values]) => values.length > 0);

		const matches = this.rows.filter(
			({ survey: s, ts }) =>
				ts >= start &&
				ts <= end &&
				(!agents || agents.has(s.agent)) &&
				(!queues || queues.has(s.queue)) &&
				answerFilters.every(([key, values]) =>
					key === 'interactionType'
						? values.includes(s.type)
						: s.answers[key] !== undefined && values.includes(s.answers[key]),
				),
		);
		const size = this.config.pageSize;
		const page = matches.slice((q.page - 1) * size, q.page * size).map((r) => copySurvey(r.survey));
		return json({
			surveys: page,
			total: matches.length,
			pageTotal: page.length,
			result: 'success',
		});
	}

	private addSurveys(req: EmuRequest): EmuResponse {
		const body = parseOrThrow(addSurveysSchema, req.body ?? {});
		const partials: Array<z.infer<typeof partialSurveySchema>> =
			body.surveys ?? Array.from({ length: body.count ?? 1 }, () => ({}));
		const toTs = (value: string) => {
			const ts = parseIsoDate(value);
			if (ts === undefined)
				throw new EmuError(400, `surveyDate '${value}' is not an ISO 8601 date`);
			return Math.floor(ts / 1000) * 1000;
		};
		const existing = new Set(this.rows.map((r) => r.survey._id));
		const created = partials.map((partial) => {
			const date = partial.surveyDate ?? body.surveyDate;
			const ts = date ? toTs(date) : Math.floor(this.ctx.clock.nowMs() / 1000) * 1000;
			const survey: WesalVocSurvey = {
				...makeSurvey(this.addRng, this.ids, ts),
				...partial,
				surveyDate: formatUtcSeconds(ts),
			};
			if (existing.has(survey._id)) throw new EmuError(409, `Duplicate _id ${survey._id}`);
			existing.add(survey._id);
			return { survey, ts };
		});
		this.rows = [...this.rows, ...created].sort(compareRows);
		return json({ surveys: created.map((r) => copySurvey(r.survey)) }, 201);
	}

	private readOtp(req: EmuRequest): EmuResponse {
		const email = typeof req.query.email === 'string' ? req.query.email : undefined;
		if (email && email.trim().toLowerCase() !== this.config.email.toLowerCase()) {
			throw new EmuError(404, `No user with email ${email}`);
		}
		const otp = this.otps.get(this.config.userId);
		if (!otp) throw new EmuError(404, 'No pending reset code');
		return json({ otp });
	}

	private publicConfig() {
		return { pageSize: this.config.pageSize, tokenTtlMs: this.config.tokenTtlMs };
	}
}

export const wesalVocVendor: VendorModule<WesalVocOptions> = {
	name: WESAL_VOC_NAME,
	basePath: WESAL_VOC_BASE_PATH,
	create: (options, ctx) => new WesalVocEmulator(options, ctx),
};
