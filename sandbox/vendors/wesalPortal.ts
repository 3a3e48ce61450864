import { createHmac } from 'node:crypto';
import { z, type ZodIssue } from 'zod';
import { parseIsoDate } from '../core/dates';
import { deriveSeed, mulberry32, Rng } from '../core/prng';
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

/**
 * Wesal Portal API (the older Wesal API), read from ../shared/vendor-docs/wesal-portal-api.txt.
 * Answers are `{ data, success: true }`; errors are `{ success: false, code, message }` with the
 * doc's codes. Surveys are generated on the fly from their index, so 49,093 of them cost only a
 * sorted array of timestamps.
 */
export const WESAL_PORTAL_NAME = 'wesal-portal';
export const WESAL_PORTAL_BASE_PATH = '/wesal-portal/api/v1';
/** base64('wesal-portal-demo-client') */
export const WESAL_PORTAL_CLIENT_ID = 'd2VzYWwtcG9ydGFsLWRlbW8tY2xpZW50';
/** base64('wesal-portal-other-domain'): a real key, but for another domain (X002). */
export const WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID = 'd2VzYWwtcG9ydGFsLW90aGVyLWRvbWFpbg==';
export const WESAL_PORTAL_EMAIL = 'cx.lead@hadef.test';
export const WESAL_PORTAL_PASSWORD = 'Portal-Pa55!';
export const WESAL_PORTAL_PHONE = '+966500000001';
export const WESAL_PORTAL_USER_ID = 879987;
/** The doc's own total for one company. */
export const WESAL_PORTAL_SURVEY_TOTAL = 49_093;
export const WESAL_PORTAL_MAX_LIMIT = 100;
export const WESAL_PORTAL_DEFAULT_LIMIT = 10;
export const WESAL_PORTAL_MAX_INTERVAL_DAYS = 31;
export const WESAL_PORTAL_BLOCK_MS = 30 * 60_000;

export const WESAL_PORTAL_ORGANIZATION = { id: 1003, name: 'Hadef Group', region: 'ie' } as const;

export const WESAL_PORTAL_ERRORS = {
	X0000: 'Some parameters are missing',
	X001: 'Unknown or invalid secret_key',
	X002: 'Invalid secret_key for this domain',
	X003: 'Unknown or invalid user token',
	X004: 'Invalid request',
} as const;
export type WesalPortalCode = keyof typeof WESAL_PORTAL_ERRORS;

interface AnswerOption {
	id: number;
	title: string;
	value: string;
}
interface Question {
	id: number;
	name: string;
	answers: AnswerOption[];
	/** Share of surveys that answer it. */
	rate: number;
}

const rating = (firstId: number): AnswerOption[] => [
	{ id: firstId, title: 'high', value: '1' },
	{ id: firstId + 1, title: 'middle', value: '2' },
	{ id: firstId + 2, title: 'low', value: '3' },
];
const yesNo = (firstId: number): AnswerOption[] => [
	{ id: firstId, title: 'yes', value: '1' },
	{ id: firstId + 1, title: 'no', value: '2' },
];

export const WESAL_PORTAL_COMPANIES = [
	{
		id: 100301,
		name: 'Hadef IT',
		surveyCount: WESAL_PORTAL_SURVEY_TOTAL,
		questions: [
			{ id: 853, name: 'Service Satisfaction', answers: rating(1), rate: 0.96 },
			{ id: 854, name: 'Agent Satisfaction', answers: rating(4), rate: 0.92 },
			{
				id: 855,
				name: 'Would you recommend our service to your friends',
				answers: yesNo(23),
				rate: 0.7,
			},
		],
	},
	{
		id: 100302,
		name: 'Hadef Retail',
		surveyCount: 1_250,
		questions: [
			{ id: 861, name: 'How satisfied are you with callcenter', answers: rating(31), rate: 0.95 },
			{
				id: 862,
				name: 'Would you recommend our service to your friends',
				answers: yesNo(34),
				rate: 0.8,
			},
		],
	},
	{
		id: 100303,
		name: 'Hadef Logistics',
		surveyCount: 0,
		questions: [{ id: 871, name: 'Overall Satisfaction', answers: rating(41), rate: 1 }],
	},
] as const satisfies ReadonlyArray<{
	id: number;
	name: string;
	surveyCount: number;
	questions: readonly Question[];
}>;

export const WESAL_PORTAL_QUEUES = [
	{ id: '01756d3a-5c1e-4b7a-9f3e-7c12cf9a0d11', name: 'Sales' },
	{ id: '02795d4b-6d2f-4c8b-8e4f-2f13cf5a0d22', name: 'Support' },
	{ id: '03a14e5c-7e3a-4d9c-9f5a-3a24df6b1e33', name: 'Billing' },
	{ id: '04b25f6d-8f4b-4eac-8a6b-4b35ea7c2f44', name: 'Retention' },
	{ id: '05c3606e-905c-4fbd-9b7c-5c46fb8d3a55', name: 'VIP' },
	{ id: '06d4717f-a16d-40ce-8c8d-6d570c9e4b66', name: 'Collections' },
] as const;

const AGENTS = [
	{ id: 'a1f0c3d2-0001-4e5f-9a10-111111111111', name: 'Ahmed Mohammed' },
	{ id: 'a1f0c3d2-0002-4e5f-9a10-222222222222', name: 'Nourah Alqahtani' },
	{ id: 'a1f0c3d2-0003-4e5f-9a10-333333333333', name: 'Sara Alharbi' },
	{ id: 'a1f0c3d2-0004-4e5f-9a10-444444444444', name: 'Faisal Alotaibi' },
	{ id: 'a1f0c3d2-0005-4e5f-9a10-555555555555', name: 'Reem Alshehri' },
	{ id: 'a1f0c3d2-0006-4e5f-9a10-666666666666', name: 'Khalid Alzahrani' },
] as const;

const QUEUE_WEIGHTS = WESAL_PORTAL_QUEUES.map(
	(queue, i) => [queue, [30, 35, 12, 10, 5, 8][i]] as const,
);
const MEDIA: ReadonlyArray<readonly [string, number]> = [
	['Voice', 75],
	['Chat', 15],
	['Email', 10],
];
const ACTIVITY_QUALIFIERS = [
	'IDLE',
	'INTERACTING',
	'COMMUNICATING',
	'NOT_RESPONDING',
	'OFF_QUEUE',
] as const;

export interface WesalPortalAnswer {
	id: number;
	questionId: number;
	questionName: string;
	answerTitle: string;
	answerValue: number;
	createdAt: string;
	answerId?: number;
}

export interface WesalPortalSurvey {
	id: string;
	conversation: {
		id: string;
		queueName: string;
		agentName: string;
		url: string;
		callerId: string;
		mediaType: string;
		createdAt: string;
		queueId?: string;
		agentId?: string;
		direction?: string;
		durationSeconds?: number;
		wrapUpCode?: string;
	};
	answers: WesalPortalAnswer[];
}

/** A survey as the emulator stores it: always extended; the short form drops the extra fields. */
interface StoredSurvey {
	ts: number;
	survey: WesalPortalSurvey;
}

export interface WesalPortalConfig {
	clientId: string;
	otherDomainClientId: string;
	email: string;
	password: string;
	phone: string;
	tokenTtlMs: number;
	/** HTTP status of an X003 answer: 401 (default, as most APIs do), or 200/400 as some gateways do. */
	tokenErrorStatus: 200 | 400 | 401;
	spanDays: number;
	/** Overrides the generated survey count of the first company (tests use small data sets). */
	surveyCount?: number;
}

export const WESAL_PORTAL_DEFAULTS: Readonly<WesalPortalConfig> = Object.freeze({
	clientId: WESAL_PORTAL_CLIENT_ID,
	otherDomainClientId: WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
	email: WESAL_PORTAL_EMAIL,
	password: WESAL_PORTAL_PASSWORD,
	phone: WESAL_PORTAL_PHONE,
	tokenTtlMs: 3_600_000,
	tokenErrorStatus: 401,
	spanDays: 180,
});

export type WesalPortalOptions = Partial<WesalPortalConfig> & { seed?: number };

/** An error answered with one of the doc's codes. */
class PortalError extends EmuError {
	constructor(
		status: number,
		readonly code: WesalPortalCode,
		message: string,
	) {
		super(status, message);
	}
}

const missing = (message: string) => new PortalError(400, 'X0000', message);
const invalid = (message: string, status = 400) => new PortalError(status, 'X004', message);

/** A missing field is X0000, any other problem X004; the message names the field. */
function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
	const result = schema.safeParse(value ?? {});
	if (result.success) return result.data;
	const issue: ZodIssue = result.error.issues[0];
	const field = issue.path
		.map((part) => (typeof part === 'number' ? `[${part}]` : part))
		.join('.')
		.replace(/\.\[/g, '[');
	const absent = issue.code === 'invalid_type' && issue.received === 'undefined';
	const text =
		issue.message.startsWith(field) || !field ? issue.message : `${field}: ${issue.message}`;
	throw absent ? missing(`${field} is required`) : invalid(text);
}

const isoDateTime = (field: string) =>
	z
		.string({ invalid_type_error: `${field} must be a date-time string` })
		.refine((value) => parseIsoDate(value) !== undefined, `${field} must be an ISO 8601 date-time`);

const companyIdSchema = z
	.number({ invalid_type_error: 'companyId must be a number' })
	.int('companyId must be an integer');

const surveysSchema = z.object(
	{
		filters: z.array(
			z.object({
				dimension: z.string({ invalid_type_error: 'dimension must be a string' }),
				value: z.unknown(),
			}),
			{ invalid_type_error: 'filters must be an array' },
		),
		companyId: companyIdSchema,
		extended: z.boolean({ invalid_type_error: 'extended must be a boolean' }).optional(),
		offset: z
			.number({ invalid_type_error: 'offset must be a number' })
			.int('offset must be an integer')
			.min(0, 'offset must not be negative')
			.optional(),
		limit: z
			.number({ invalid_type_error: 'limit must be a number' })
			.int('limit must be an integer')
			.min(1, `limit must be between 1 and ${WESAL_PORTAL_MAX_LIMIT}`)
			.max(WESAL_PORTAL_MAX_LIMIT, `limit must be between 1 and ${WESAL_PORTAL_MAX_LIMIT}`)
			.optional(),
	},
	{ invalid_type_error: 'the body must be a JSON object' },
);

const dateTimeFilterSchema = z.object(
	{ startTime: isoDateTime('startTime'), endTime: isoDateTime('endTime') },
	{ invalid_type_error: 'the dateTime filter value must be an object' },
);

const queuesSchema = z.object(
	{
		queues: z.array(
			z
				.string({ invalid_type_error: 'queue ids must be strings' })
				.min(1, 'queue ids must not be empty'),
			{
				invalid_type_error: 'queues must be an array of queue ids',
			},
		),
	},
	{ invalid_type_error: 'the body must be a JSON object' },
);

const performanceSchema = queuesSchema.extend({
	interval: z.string({ invalid_type_error: 'interval must be a string "start/end"' }),
	partial: z.boolean({ invalid_type_error: 'partial must be a boolean' }).optional(),
});

const loginSchema = z.object({
	email: z.string({ invalid_type_error: 'email must be a string' }).min(1, 'email is required'),
	password: z
		.string({ invalid_type_error: 'password must be a string' })
		.min(1, 'password is required'),
});

const methodSchema = z.enum(['email', 'phone'], {
	errorMap: (issue) => ({
		message:
			issue.code === 'invalid_type' && issue.received === 'undefined'
				? 'Required'
				: 'method must be "email" or "phone"',
	}),
});

const resetSchema = z.object({
	method: methodSchema,
	email: z.string().nullish(),
	phone: z.string().nullish(),
});

const verifySchema = z.object({
	method: methodSchema,
	email: z.string({ invalid_type_error: 'email must be a string' }).min(1, 'email is required'),
	verifyCode: z.union([z.string(), z.number()]).nullish(),
	otp: z.union([z.string(), z.number()]).nullish(),
	password: z
		.string({ invalid_type_error: 'password must be a string' })
		.min(1, 'password is required'),
});

const addSurveysSchema = z
	.object({
		companyId: z.number().int().optional(),
		count: z.number().int().min(1).max(10_000).optional(),
		/** When the surveys were answered (default: the emulator's now). */
		createdAt: z.string().optional(),
		surveys: z
			.array(
				z
					.object({
						id: z.string().min(1).optional(),
						createdAt: z.string().optional(),
						queueName: z.string().optional(),
						agentName: z.string().optional(),
					})
					.strict(),
			)
			.optional(),
	})
	.strict();

const configSchema = z
	.object({
		tokenTtlMs: z.number().int().min(1).optional(),
		tokenErrorStatus: z.union([z.literal(200), z.literal(400), z.literal(401)]).optional(),
	})
	.strict();

const optionsSchema = z
	.object({
		clientId: z.string().min(1),
		otherDomainClientId: z.string().min(1),
		email: z.string().min(1),
		password: z.string().min(1),
		phone: z.string().min(1),
		tokenTtlMs: z.number().int().min(1),
		tokenErrorStatus: z.union([z.literal(200), z.literal(400), z.literal(401)]),
		spanDays: z.number().min(0),
		surveyCount: z.number().int().min(0),
		seed: z.number().int(),
	})
	.partial()
	.strict();

function header(req: EmuRequest, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Survey times of one company: sorted epoch ms, with a few bursts of surveys in the same millisecond. */
function generateTimes(rng: Rng, anchorMs: number, count: number, spanDays: number): Float64Array {
	const times = new Float64Array(count);
	const spanMs = Math.max(1, Math.round(spanDays * 86_400_000));
	let i = 0;
	while (i < count) {
		const ts = anchorMs - 1 - Math.floor(rng.float() * spanMs);
		const size = rng.bool(0.02) ? rng.int(2, 6) : 1;
		for (let k = 0; k < size && i < count; k++) times[i++] = ts;
	}
	return times.sort();
}

/** First index whose time is >= ms (or > ms when `after`). */
function bound(times: Float64Array, ms: number, after: boolean): number {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (times[mid] < ms || (after && times[mid] === ms)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

interface CompanyData {
	id: number;
	name: string;
	questions: readonly Question[];
	times: Float64Array;
	/** Seed of the per-survey generators. */
	seed: number;
	/** Surveys added through the control API, sorted by time. */
	added: StoredSurvey[];
}

function makeSurvey(
	company: CompanyData,
	rng: Rng,
	ts: number,
	answerIdBase: number,
): WesalPortalSurvey {
	const id = rng.uuid();
	const queue = rng.weighted(QUEUE_WEIGHTS);
	const agent = rng.pick(AGENTS);
	const mediaType = rng.weighted(MEDIA);
	const callerId =
		mediaType === 'Voice'
			? `tel:+9665${rng.digits(8)}`
			: mediaType === 'Chat'
				? `chat:${rng.hex(12)}`
				: `mailto:customer${rng.digits(5)}@example.test`;
	const chosen = company.questions.filter((question) => rng.bool(question.rate));
	const questions = chosen.length ? chosen : company.questions.slice(0, 1);
	const durationSeconds = rng.int(45, 900);
	// Answers are a few seconds apart; the last one is the survey's time (what the dateTime filter uses).
	const answers = questions.map((question, j) => {
		const option = rng.weighted(
			question.answers.map((answer, k) => [answer, [6, 3, 1][k] ?? 1] as const),
		);
		return {
			id: answerIdBase + j,
			questionId: question.id,
			questionName: question.name,
			answerTitle: option.title,
			answerValue: Number(option.value),
			createdAt: iso(ts - (questions.length - 1 - j) * 4_000),
			answerId: option.id,
		};
	});
	const gapMs = rng.int(20_000, 300_000);
	return {
		id,
		conversation: {
			id,
			queueName: queue.name,
			agentName: agent.name,
			url: `https://apps.mypurecloud.ie/directory/#/engage/admin/interactions/${id}`,
			callerId,
			mediaType,
			createdAt: iso(ts - gapMs - durationSeconds * 1000),
			queueId: queue.id,
			agentId: agent.id,
			direction: rng.bool(0.88) ? 'inbound' : 'outbound',
			durationSeconds,
			wrapUpCode: rng.pick(['Resolved', 'Follow-up', 'Escalated', 'Information']),
		},
		answers,
	};
}

/** The doc's short form (extended: false) leaves out the extra conversation and answer details. */
function shortForm(survey: WesalPortalSurvey): WesalPortalSurvey {
	const {
		queueId: _q,
		agentId: _a,
		direction: _d,
		durationSeconds: _s,
		wrapUpCode: _w,
		...conversation
	} = survey.conversation;
	return {
		id: survey.id,
		conversation,
		answers: survey.answers.map(({ answerId: _id, ...answer }) => answer),
	};
}

const copySurvey = (survey: WesalPortalSurvey): WesalPortalSurvey => ({
	...survey,
	conversation: { ...survey.conversation },
	answers: survey.answers.map((answer) => ({ ...answer })),
});

interface Metrics {
	Offer: number;
	Answer: number;
	Abandon: number;
	MetSLA: number;
	OverSLA: number;
	ASA: number;
	AHT: number;
	TalkTime: number;
	WaitTime: number;
}

const SLA_MS = 20_000;

/** Traffic of one queue in one minute, the same whatever interval asks for it. */
function addMinute(totals: Metrics, queueSeed: number, minute: number): void {
	const rnd = mulberry32((queueSeed ^ Math.imul(minute, 0x9e3779b1)) >>> 0);
	const hour = Math.floor(minute / 60) % 24;
	const busy = hour >= 5 && hour < 19 ? 3 : 1;
	const offers = Math.floor(rnd() * (busy + 1));
	for (let i = 0; i < offers; i++) {
		totals.Offer++;
		const waitMs = 1_000 + Math.floor(rnd() * 90_000);
		if (rnd() < 0.1) {
			totals.Abandon++;
			continue;
		}
		totals.Answer++;
		totals.WaitTime += waitMs;
		totals.TalkTime += 45_000 + Math.floor(rnd() * 540_000);
		if (waitMs <= SLA_MS) totals.MetSLA++;
		else totals.OverSLA++;
	}
}

function metricsOf(queueSeed: number, start: number, end: number): Record<string, number> {
	const totals: Metrics = {
		Offer: 0,
		Answer: 0,
		Abandon: 0,
		MetSLA: 0,
		OverSLA: 0,
		ASA: 0,
		AHT: 0,
		TalkTime: 0,
		WaitTime: 0,
	};
	for (let minute = Math.ceil(start / 60_000); minute * 60_000 < end; minute++)
		addMinute(totals, queueSeed, minute);
	const { WaitTime, TalkTime, ...counts } = totals;
	return {
		ASA: totals.Answer ? Math.round(WaitTime / totals.Answer) : 0,
		Answer: counts.Answer,
		MetSLA: counts.MetSLA,
		OverSLA: counts.OverSLA,
		Offer: counts.Offer,
		Abandon: counts.Abandon,
		AHT: totals.Answer ? Math.round(TalkTime / totals.Answer) : 0,
		TalkTime,
	};
}

interface TokenInfo {
	expiresAt: number;
}

export class WesalPortalEmulator implements VendorEmulator {
	readonly name = WESAL_PORTAL_NAME;
	readonly basePath = WESAL_PORTAL_BASE_PATH;
	private readonly initial: WesalPortalConfig;
	private readonly seed: number;
	private readonly api = new Router();
	private readonly ctl = new Router();
	private readonly organizationId: string;
	private readonly seedCompanies: ReadonlyArray<Omit<CompanyData, 'added'>>;
	private companies: CompanyData[] = [];
	private config!: WesalPortalConfig;
	private password!: string;
	private tokens = new Map<string, TokenInfo>();
	/** Pending reset code. */
	private pendingCode: string | undefined;
	private stats = { logins: 0, failedLogins: 0, tokenRejections: 0, surveyPages: 0, logouts: 0 };
	private tokenRng!: Rng;
	private codeRng!: Rng;
	private addRng!: Rng;
	private tokenSeq = 0;
	private addedSeq = 0;

	constructor(
		options: WesalPortalOptions | undefined,
		private readonly ctx: VendorContext,
	) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.seed = seed ?? ctx.seed;
		this.initial = { ...WESAL_PORTAL_DEFAULTS, ...overrides };
		this.organizationId = new Rng(deriveSeed(this.seed, 'wesal-portal:organization')).uuid();
		this.seedCompanies = WESAL_PORTAL_COMPANIES.map((company, index) => {
			const count =
				index === 0 && this.initial.surveyCount !== undefined
					? this.initial.surveyCount
					: company.surveyCount;
			const timesRng = new Rng(deriveSeed(this.seed, `wesal-portal:times:${company.id}`));
			return {
				id: company.id,
				name: company.name,
				questions: company.questions,
				times: generateTimes(timesRng, ctx.anchor.getTime(), count, this.initial.spanDays),
				seed: deriveSeed(this.seed, `wesal-portal:surveys:${company.id}`),
			};
		});

		const logout = (req: EmuRequest) => this.logout(req);
		this.api
			.on('POST', 'auth/login', (req) => this.login(req))
			.on('POST', 'auth/reset', (req) => this.sendResetCode(req))
			.on('POST', 'auth/verify', (req) => this.verifyReset(req))
			// The doc's curl says auth/logout, its text says auth/reset_pwd: both work.
			.on('GET', 'auth/logout', logout)
			.on('GET', 'auth/reset_pwd', logout)
			.on('GET', 'queries/organization', (req) =>
				this.authorized(req, () => this.ok(this.organizationData())),
			)
			.on('GET', 'survey/queries/questions/:companyId', (req) =>
				this.authorized(req, () => this.questions(req)),
			)
			.on('POST', 'survey/queries/surveys', (req) => this.authorized(req, () => this.surveys(req)))
			.on('POST', 'analytics/runtime/queues/summary', (req) =>
				this.authorized(req, () => this.queueSummary(req)),
			)
			.on('POST', 'analytics/runtime/queues/activity', (req) =>
				this.authorized(req, () => this.queueActivity(req)),
			)
			.on('POST', 'analytics/queues/performance', (req) =>
				this.authorized(req, () => this.queuePerformance(req)),
			);

		this.ctl
			.on('GET', 'account', () =>
				json({
					clientId: this.config.clientId,
					otherDomainClientId: this.config.otherDomainClientId,
					email: this.config.email,
					password: this.password,
					phone: this.config.phone,
				}),
			)
			.on('GET', 'organization', () => json(this.organizationData()))
			.on('GET', 'queues', () =>
				json({ queues: WESAL_PORTAL_QUEUES.map((queue) => ({ ...queue })) }),
			)
			.on('GET', 'surveys', (req) => this.groundTruth(req))
			.on('POST', 'surveys', (req) => this.addSurveys(req))
			.on('POST', 'expire-tokens', () => {
				const expired = this.activeTokens();
				this.tokens.clear();
				return json({ expired });
			})
			.on('GET', 'otp', () => {
				if (!this.pendingCode) throw new EmuError(404, 'No pending reset code');
				return json({ code: this.pendingCode });
			})
			.on('GET', 'stats', () => json({ ...this.stats, activeTokens: this.activeTokens() }))
			.on('GET', 'config', () => json(this.publicConfig()))
			.on('POST', 'config', (req) => {
				const parsed = configSchema.safeParse(req.body ?? {});
				if (!parsed.success) throw new EmuError(400, parsed.error.issues[0].message);
				Object.assign(this.config, parsed.data);
				return json(this.publicConfig());
			});

		this.reset();
	}

	reset(): void {
		this.config = { ...this.initial };
		this.password = this.config.password;
		this.companies = this.seedCompanies.map((company) => ({ ...company, added: [] }));
		this.tokens.clear();
		this.pendingCode = undefined;
		this.stats = { logins: 0, failedLogins: 0, tokenRejections: 0, surveyPages: 0, logouts: 0 };
		this.tokenRng = new Rng(deriveSeed(this.seed, 'wesal-portal:tokens'));
		this.codeRng = new Rng(deriveSeed(this.seed, 'wesal-portal:codes'));
		this.addRng = new Rng(deriveSeed(this.seed, 'wesal-portal:added'));
		this.tokenSeq = 0;
		this.addedSeq = 0;
	}

	errorBody(status: number, message: string): unknown {
		const code: WesalPortalCode | undefined =
			status === 401 ? 'X003' : status >= 400 && status < 500 ? 'X004' : undefined;
		return { success: false, ...(code ? { code } : {}), message };
	}

	async handle(req: EmuRequest, ctx: VendorContext): Promise<EmuResponse> {
		try {
			const answer = await this.api.dispatch(req, ctx);
			if (!answer) throw invalid(`Cannot ${req.method} ${this.basePath}${req.path}`, 404);
			return answer;
		} catch (error) {
			if (!(error instanceof PortalError)) throw error;
			return json({ success: false, code: error.code, message: error.message }, error.status);
		}
	}

	control(subPath: string, req: EmuRequest, ctx: VendorContext): Promise<EmuResponse | undefined> {
		return this.ctl.dispatch(req, ctx, subPath);
	}

	private ok(data: unknown): EmuResponse {
		return json({ data, success: true });
	}

	// ---- auth ----

	private checkClient(req: EmuRequest): void {
		const clientId = header(req, 'x-client-id');
		if (!clientId) throw missing('X-Client-Id header is required');
		if (clientId === this.config.otherDomainClientId)
			throw new PortalError(403, 'X002', 'Invalid secret_key for this domain');
		if (clientId !== this.config.clientId)
			throw new PortalError(401, 'X001', 'Unknown or invalid secret_key');
	}

	private login(req: EmuRequest): EmuResponse {
		this.checkClient(req);
		const body = parseBody(loginSchema, req.body);
		if (
			body.email.trim().toLowerCase() !== this.config.email.toLowerCase() ||
			body.password !== this.password
		) {
			this.stats.failedLogins++;
			throw invalid('Invalid email or password', 401);
		}
		this.stats.logins++;
		return this.ok({
			user: {
				id: WESAL_PORTAL_USER_ID,
				firstName: 'Huda',
				lastName: 'Alsaleh',
				email: this.config.email,
				status: 1,
				createdAt: '2023-10-18T11:28:23.027Z',
				updatedAt: '2023-10-18T11:28:23.027Z',
			},
			access_token: this.issueToken(),
		});
	}

	private issueToken(): string {
		const now = this.ctx.clock.nowMs();
		const expiresAt = now + this.config.tokenTtlMs;
		const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const head = b64({ alg: 'HS256', typ: 'JWT' });
		const payload = b64({
			sub: WESAL_PORTAL_USER_ID,
			org: WESAL_PORTAL_ORGANIZATION.id,
			jti: `${++this.tokenSeq}-${this.tokenRng.hex(12)}`,
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
		});
		const signature = createHmac('sha256', `wesal-portal-${this.seed}`)
			.update(`${head}.${payload}`)
			.digest('base64url');
		const token = `${head}.${payload}.${signature}`;
		this.tokens.set(token, { expiresAt });
		return token;
	}

	/** The doc sends the token as is: a "Bearer " prefix makes it an unknown token. */
	private tokenOf(req: EmuRequest): string | undefined {
		const token = header(req, 'authorization');
		const info = token ? this.tokens.get(token) : undefined;
		if (!token || !info || info.expiresAt <= this.ctx.clock.nowMs()) {
			if (token) this.tokens.delete(token);
			return undefined;
		}
		return token;
	}

	private authorized(req: EmuRequest, run: () => EmuResponse): EmuResponse {
		if (this.tokenOf(req) === undefined) {
			this.stats.tokenRejections++;
			throw new PortalError(this.config.tokenErrorStatus, 'X003', 'Unknown or invalid user token');
		}
		return run();
	}

	private activeTokens(): number {
		const now = this.ctx.clock.nowMs();
		return [...this.tokens.values()].filter((token) => token.expiresAt > now).length;
	}

	private logout(req: EmuRequest): EmuResponse {
		return this.authorized(req, () => {
			this.tokens.delete(header(req, 'authorization')!);
			this.stats.logouts++;
			return json({ success: true });
		});
	}

	private sendResetCode(req: EmuRequest): EmuResponse {
		this.checkClient(req);
		const body = parseBody(resetSchema, req.body);
		const contact = body.method === 'email' ? body.email : body.phone;
		if (!contact) throw missing(`${body.method} is required`);
		const digits = (text: string) =>
			text.replace(/\D/g, '').replace(/^966/, '0').replace(/^5/, '05');
		const known =
			body.method === 'email'
				? contact.trim().toLowerCase() === this.config.email.toLowerCase()
				: digits(contact) === digits(this.config.phone);
		if (!known) throw invalid(`No account with this ${body.method}`, 404);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		this.pendingCode =
			body.method === 'email'
				? Array.from({ length: 20 }, () => this.codeRng.pick([...alphabet])).join('')
				: this.codeRng.digits(6);
		return json({ success: true });
	}

	private verifyReset(req: EmuRequest): EmuResponse {
		this.checkClient(req);
		const body = parseBody(verifySchema, req.body);
		if (body.email.trim().toLowerCase() !== this.config.email.toLowerCase())
			throw invalid('No account with this email', 404);
		// Email codes come as verifyCode, SMS codes as otp; either field is read when the other is empty.
		const fields =
			body.method === 'email' ? [body.verifyCode, body.otp] : [body.otp, body.verifyCode];
		const code = fields
			.map((value) => (value === null || value === undefined ? '' : String(value).trim()))
			.find(Boolean);
		if (!code)
			throw missing(body.method === 'email' ? 'verifyCode is required' : 'otp is required');
		if (!this.pendingCode || code !== this.pendingCode) throw invalid('Invalid verify code');
		this.pendingCode = undefined;
		this.password = body.password;
		return json({ success: true });
	}

	// ---- organization, questions, surveys ----

	private organizationData() {
		return {
			organization: { ...WESAL_PORTAL_ORGANIZATION, organizationId: this.organizationId },
			companies: this.companies.map((company) => ({ id: company.id, name: company.name })),
		};
	}

	private company(id: number): CompanyData {
		const company = this.companies.find((candidate) => candidate.id === id);
		if (!company) throw invalid(`Unknown companyId ${id}`);
		return company;
	}

	private questions(req: EmuRequest): EmuResponse {
		const raw = req.params.companyId;
		if (!/^\d+$/.test(raw)) throw invalid('companyId must be a number');
		const company = this.company(Number(raw));
		return this.ok({
			questions: company.questions.map((question) => ({
				id: question.id,
				name: question.name,
				answers: question.answers.map((answer) => ({ ...answer })),
			})),
		});
	}

	private generated(company: CompanyData, index: number): StoredSurvey {
		const ts = company.times[index];
		const rng = new Rng((company.seed ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
		return {
			ts,
			survey: makeSurvey(company, rng, ts, 1_000_000 + (company.id % 100) * 10_000_000 + index * 4),
		};
	}

	/** Surveys answered within [start, end] (ms, inclusive), oldest first, as a lazy list. */
	private matching(
		company: CompanyData,
		start: number,
		end: number,
	): { total: number; at(position: number): StoredSurvey } {
		const lo = bound(company.times, start, false);
		const hi = bound(company.times, end, true);
		const extra = company.added.filter((row) => row.ts >= start && row.ts <= end);
		if (extra.length === 0)
			return { total: hi - lo, at: (position) => this.generated(company, lo + position) };
		// Added surveys are few: merge them into the generated ones by time (generated first on a tie).
		const order: Array<number | StoredSurvey> = [];
		let next = 0;
		for (let index = lo; index < hi; index++) {
			while (next < extra.length && extra[next].ts < company.times[index])
				order.push(extra[next++]);
			order.push(index);
		}
		while (next < extra.length) order.push(extra[next++]);
		return {
			total: order.length,
			at: (position) => {
				const entry = order[position];
				return typeof entry === 'number' ? this.generated(company, entry) : entry;
			},
		};
	}

	private surveys(req: EmuRequest): EmuResponse {
		const body = parseBody(surveysSchema, req.body);
		const company = this.company(body.companyId);
		const dateTime = body.filters.filter((filter) => filter.dimension === 'dateTime');
		const unknown = body.filters.find((filter) => filter.dimension !== 'dateTime');
		if (unknown) throw invalid(`Unknown filter dimension "${unknown.dimension}"`);
		if (dateTime.length === 0) throw missing('filters: a dateTime filter is required');
		if (dateTime.length > 1) throw invalid('filters: only one dateTime filter is allowed');
		const range = parseBody(dateTimeFilterSchema, dateTime[0].value);
		const start = parseIsoDate(range.startTime)!;
		const end = parseIsoDate(range.endTime)!;
		if (end < start) throw invalid('endTime must not be before startTime');

		const offset = body.offset ?? 0;
		const limit = body.limit ?? WESAL_PORTAL_DEFAULT_LIMIT;
		const found = this.matching(company, start, end);
		const surveys: WesalPortalSurvey[] = [];
		for (let position = offset; position < Math.min(found.total, offset + limit); position++) {
			const { survey } = found.at(position);
			surveys.push(body.extended ? copySurvey(survey) : shortForm(survey));
		}
		this.stats.surveyPages++;
		const currentPage = Math.floor(offset / limit) + 1;
		const totalPages = Math.ceil(found.total / limit);
		return this.ok({
			profile: {
				id: 1006549887,
				region: WESAL_PORTAL_ORGANIZATION.region,
				name: WESAL_PORTAL_ORGANIZATION.name,
				organizationId: this.organizationId,
				companyId: String(company.id),
				companyName: company.name,
			},
			surveys,
			pagination: {
				currentPage,
				totalPages,
				previousPage: currentPage > 1 ? currentPage - 1 : null,
				nextPage: currentPage < totalPages ? currentPage + 1 : null,
				totalItems: found.total,
			},
		});
	}

	// ---- queues ----

	private queueSeed(id: string): number {
		return deriveSeed(this.seed, `wesal-portal:queue:${id}`);
	}

	private knownQueue(id: string) {
		return WESAL_PORTAL_QUEUES.find((queue) => queue.id === id);
	}

	/** Live figures of a queue; fixed per queue so that a test can compare two reads. */
	private activityCounts(id: string): Array<{ qualifier: string; count: number }> {
		const rng = new Rng(this.queueSeed(id));
		return ACTIVITY_QUALIFIERS.map((qualifier) => ({ qualifier, count: rng.int(0, 9) }));
	}

	private queueSummary(req: EmuRequest): EmuResponse {
		const { queues } = parseBody(queuesSchema, req.body);
		if (queues.length === 0) throw missing('queues must list at least one queue id');
		const result = queues.map((id) => {
			const queue = this.knownQueue(id);
			if (!queue) return { success: false, id, message: 'Queue not found' };
			const counts = this.activityCounts(id);
			const joined = counts
				.filter((entry) => entry.qualifier !== 'OFF_QUEUE')
				.reduce((sum, entry) => sum + entry.count, 0);
			const rng = new Rng(this.queueSeed(`${id}:summary`));
			return {
				success: true,
				id,
				name: queue.name,
				memberCount:
					joined + counts.find((entry) => entry.qualifier === 'OFF_QUEUE')!.count + rng.int(0, 6),
				joinedMemberCount: joined,
				onQueueMemberCount:
					joined - counts.find((entry) => entry.qualifier === 'NOT_RESPONDING')!.count,
				waitingInteractions: rng.int(0, 12),
				longestWaitMs: rng.int(0, 240_000),
				divisionName: 'Home',
			};
		});
		return this.ok({ success: true, result });
	}

	private queueActivity(req: EmuRequest): EmuResponse {
		const { queues } = parseBody(queuesSchema, req.body);
		if (queues.length === 0) throw missing('queues must list at least one queue id');
		const result = queues.map((id) =>
			this.knownQueue(id)
				? { queueId: id, data: this.activityCounts(id) }
				: { queueId: id, success: false, message: 'Queue not found', data: [] },
		);
		return this.ok({ success: true, result });
	}

	private queuePerformance(req: EmuRequest): EmuResponse {
		const body = parseBody(performanceSchema, req.body);
		if (body.queues.length === 0) throw missing('queues must list at least one queue id');
		const parts = body.interval.split('/');
		const start = parts.length === 2 ? parseIsoDate(parts[0]) : undefined;
		const end = parts.length === 2 ? parseIsoDate(parts[1]) : undefined;
		if (start === undefined || end === undefined)
			throw invalid('interval must be "start/end" with two ISO 8601 date-times');
		if (end <= start) throw invalid('interval: end must be after start');
		if (end - start > WESAL_PORTAL_MAX_INTERVAL_DAYS * 86_400_000) {
			throw invalid(`interval must not be longer than ${WESAL_PORTAL_MAX_INTERVAL_DAYS} days`);
		}
		// partial: blocks of 30 minutes from the interval's start; the last one ends with the interval.
		const blocks: Array<[number, number]> = [];
		if (body.partial) {
			for (let from = start; from < end; from += WESAL_PORTAL_BLOCK_MS)
				blocks.push([from, Math.min(end, from + WESAL_PORTAL_BLOCK_MS)]);
		} else {
			blocks.push([start, end]);
		}
		const result = body.queues.map((id) => {
			if (!this.knownQueue(id))
				return { queryId: id, success: false, message: 'Queue not found', data: [] };
			const seed = this.queueSeed(`${id}:performance`);
			return {
				queryId: id,
				data: blocks.map(([from, to]) => ({
					interval: `${iso(from)}/${iso(to)}`,
					metrics: metricsOf(seed, from, to),
				})),
			};
		});
		return this.ok({ success: true, result });
	}

	// ---- control ----

	private groundTruth(req: EmuRequest): EmuResponse {
		const query = (name: string) =>
			typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
		const company = this.company(Number(query('companyId') ?? WESAL_PORTAL_COMPANIES[0].id));
		const start = query('startTime') ? parseIsoDate(query('startTime')!) : -Infinity;
		const end = query('endTime') ? parseIsoDate(query('endTime')!) : Infinity;
		if (start === undefined || end === undefined)
			throw new EmuError(400, 'startTime and endTime must be ISO 8601 date-times');
		const found = this.matching(company, start, end);
		const full = query('view') === 'full';
		const ids: string[] = [];
		const surveys: WesalPortalSurvey[] = [];
		for (let position = 0; position < found.total; position++) {
			const { survey } = found.at(position);
			if (full) surveys.push(copySurvey(survey));
			else ids.push(survey.id);
		}
		return json({ total: found.total, ...(full ? { surveys } : { ids }) });
	}

	private addSurveys(req: EmuRequest): EmuResponse {
		const parsed = addSurveysSchema.safeParse(req.body ?? {});
		if (!parsed.success) throw new EmuError(400, parsed.error.issues[0].message);
		const body = parsed.data;
		const company = this.company(body.companyId ?? WESAL_PORTAL_COMPANIES[0].id);
		type Partial = NonNullable<typeof body.surveys>[number];
		const partials: Partial[] = body.surveys ?? Array.from({ length: body.count ?? 1 }, () => ({}));
		const toTs = (value: string | undefined) => {
			if (value === undefined) return this.ctx.clock.nowMs();
			const ts = parseIsoDate(value);
			if (ts === undefined)
				throw new EmuError(400, `createdAt '${value}' is not an ISO 8601 date-time`);
			return ts;
		};
		const created = partials.map((partial) => {
			const ts = toTs(partial.createdAt ?? body.createdAt);
			const survey = makeSurvey(company, this.addRng, ts, 900_000_000 + ++this.addedSeq * 4);
			if (partial.id) {
				survey.id = partial.id;
				survey.conversation.id = partial.id;
			}
			if (partial.queueName) survey.conversation.queueName = partial.queueName;
			if (partial.agentName) survey.conversation.agentName = partial.agentName;
			return { ts, survey };
		});
		company.added = [...company.added, ...created].sort((a, b) => a.ts - b.ts);
		return json({ surveys: created.map((row) => copySurvey(row.survey)) }, 201);
	}

	private publicConfig() {
		return { tokenTtlMs: this.config.tokenTtlMs, tokenErrorStatus: this.config.tokenErrorStatus };
	}
}

export const wesalPortalVendor: VendorModule<WesalPortalOptions> = {
	name: WESAL_PORTAL_NAME,
	basePath: WESAL_PORTAL_BASE_PATH,
	create: (options, ctx) => new WesalPortalEmulator(options, ctx),
};
