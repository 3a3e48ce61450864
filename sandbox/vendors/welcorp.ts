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
import {
	ADMIN,
	AGENT,
	LIST_FIELDS,
	MAIN_USER,
	OTHER_ADMIN,
	OTHER_AGENT,
	seedAccounts,
	type Account,
	type AccountSeed,
	type UserList,
} from './welcorp/accounts';
import { CallbackDesk } from './welcorp/callbackDesk';
import { completionCallbacks } from './welcorp/callbacks';
import { readJobRequest, type JobRequest, type Recipient } from './welcorp/jobSchema';
import {
	isFinished,
	jobDetail,
	jobStatus,
	listRow,
	recipientsOf,
	seedJobs,
	type JobRecord,
} from './welcorp/jobs';
import { CALL_KINDS, jobKind } from './welcorp/jobTypes';
import { laravelPage } from './welcorp/paging';
import { AccountTime } from './welcorp/time';
import { normalizedDestination, TwoWayControl } from './welcorp/twoWay';
import { Directory } from './welcorp/users';
import { Verification, type Params } from './welcorp/verification';

export const WELCORP_NAME = 'welcorp';
export const WELCORP_BASE_PATH = '/welcorp/api/v1';
export const WELCORP_LOGINS = {
	user: MAIN_USER,
	agent: AGENT,
	otherAgent: OTHER_AGENT,
	admin: ADMIN,
	otherAdmin: OTHER_ADMIN,
};
export { MAIN_USER_JOBS } from './welcorp/jobs';
export { DIST1_USERS, LIST_FIELDS } from './welcorp/accounts';
export { FAX_TYPES, MAX_FILES_BYTES, MAX_VOICE_BYTES } from './welcorp/jobSchema';

export interface WelcorpConfig {
	timeZone: string;
	/** A created job is sent this long after submission (unless scheduled). */
	sendDelayMs: number;
	/** ...and completes this long after it is sent. */
	completionDelayMs: number;
	/** page_size above this is served as this (the doc names no maximum). */
	maxPageSize: number;
	callbackTimeoutMs: number;
}

const DEFAULTS: WelcorpConfig = {
	timeZone: 'Australia/Sydney',
	sendDelayMs: 5_000,
	completionDelayMs: 60_000,
	maxPageSize: 100,
	callbackTimeoutMs: 5_000,
};

const optionsSchema = z
	.object({
		timeZone: z.string(),
		sendDelayMs: z.number().int().min(0),
		completionDelayMs: z.number().int().min(0),
		maxPageSize: z.number().int().min(1),
		callbackTimeoutMs: z.number().int().min(1),
		seed: z.number().int(),
	})
	.partial()
	.strict();
export type WelcorpOptions = z.infer<typeof optionsSchema>;

const configSchema = optionsSchema.omit({ seed: true, timeZone: true });

type Query = Record<string, string>;

function flatQuery(req: EmuRequest): Query {
	return Object.fromEntries(
		Object.entries(req.query).map(([key, value]) => [
			key,
			Array.isArray(value) ? value[value.length - 1] : value,
		]),
	);
}

function invalid(message: string): never {
	throw new EmuError(422, `Validation failed: ${message}`);
}

function positiveInt(query: Query, field: string, fallback: number): number {
	const value = query[field];
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1)
		invalid(`The ${field} must be a positive integer.`);
	return Number(value);
}

export class WelcorpEmulator implements VendorEmulator {
	readonly name = WELCORP_NAME;
	readonly basePath = WELCORP_BASE_PATH;
	private readonly seed: number;
	private readonly initial: WelcorpConfig;
	private readonly accountSeed: AccountSeed;
	private readonly seededJobs: readonly JobRecord[];
	private readonly api = new Router();
	private readonly ctl = new Router();
	private readonly directory = new Directory();
	private config!: WelcorpConfig;
	private time!: AccountTime;
	private jobs: JobRecord[] = [];
	private lists: UserList[] = [];
	private nextJobId = 0;
	private verification!: Verification;
	private readonly desk = new CallbackDesk(() => this.config.callbackTimeoutMs);
	private readonly twoWay: TwoWayControl;
	private stats = {
		jobsCreated: 0,
		usersCreated: 0,
		usersUpdated: 0,
		codesSent: 0,
		authFailures: 0,
	};

	constructor(
		options: WelcorpOptions | undefined,
		private readonly ctx: VendorContext,
	) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.seed = seed ?? ctx.seed;
		this.initial = { ...DEFAULTS, ...overrides };
		this.twoWay = new TwoWayControl({
			findJob: (id) => this.findJob(id),
			recipients: (job) => recipientsOf(job, this.seed),
			time: () => this.time,
			nowMs: () => this.now(),
			desk: this.desk,
		});
		const rng = new Rng(deriveSeed(this.seed, 'welcorp:accounts'));
		this.accountSeed = seedAccounts(rng);
		this.seededJobs = Object.freeze(
			seedJobs(
				new Rng(deriveSeed(this.seed, 'welcorp:jobs')),
				ctx.anchor.getTime(),
				this.accountSeed.accounts,
			),
		);

		this.api
			.on('GET', 'jobs', (req) => this.listJobs(req))
			.on('GET', 'jobs/:id', (req) => this.getJob(req))
			.on('POST', 'jobs', (req) => this.createJob(req))
			.on('GET', 'users', (req) => this.listUsers(req))
			.on('GET', 'users/:id', (req) =>
				json({
					status: 200,
					data: this.directory.output(this.directory.visible(this.auth(req), this.idParam(req))),
				}),
			)
			.on('POST', 'users', (req) => this.createUser(req))
			.on('PUT', 'users/:id', (req) => this.updateUser(req))
			.on(['GET', 'POST'], 'client_verification/sendCode', (req) => this.sendCode(req))
			.on(['GET', 'POST'], 'client_verification/validateCode', (req) => this.validateCode(req));

		this.ctl
			.on('GET', 'accounts', () =>
				json(
					this.directory.accounts.map((a) => ({
						role: a.role,
						user_id: a.user.user_id,
						username: a.user.user_code,
						password: a.password,
						dist_id: a.user.dist_id,
						agent_id: a.user.agent_id,
					})),
				),
			)
			.on('GET', 'jobs', (req) => this.controlJobs(req))
			.on('GET', 'jobs/:id', (req) =>
				json(jobDetail(this.findJob(this.idParam(req)), this.now(), this.time, this.seed)),
			)
			.on('POST', 'jobs/:id/reply', (req) =>
				this.twoWay.reply(this.findJob(this.idParam(req)), req),
			)
			.on('POST', 'jobs/:id/keypress', (req) =>
				this.twoWay.keypress(this.findJob(this.idParam(req)), req),
			)
			.on('POST', 'jobs/:id/report', (req) =>
				this.twoWay.report(this.findJob(this.idParam(req)), req),
			)
			.on('POST', 'jobs/:id/close', (req) => {
				this.findJob(this.idParam(req)).closed = true;
				return json({ ok: true });
			})
			.on('POST', 'tick', () => this.tick())
			.on('GET', 'callbacks', () => json(this.desk.records))
			.on('DELETE', 'callbacks', () => {
				this.desk.reset();
				return json({ ok: true });
			})
			.on('GET', 'codes', (req) =>
				json(
					this.verification.codes.filter(
						(c) => !req.query.client_ref || c.client_ref === req.query.client_ref,
					),
				),
			)
			.on('GET', 'lists', () => json(this.lists))
			.on('GET', 'stats', () => json(this.stats))
			.on('GET', 'config', () => json(this.config))
			.on('POST', 'config', (req) => {
				Object.assign(this.config, parseOrThrow(configSchema, req.body ?? {}));
				return json(this.config);
			});
		this.reset();
	}

	reset(): void {
		this.config = { ...this.initial };
		this.time = new AccountTime(this.config.timeZone);
		this.directory.load(this.accountSeed);
		this.jobs = this.seededJobs.map((job) => ({ ...job, replies: [] }));
		this.lists = this.accountSeed.lists;
		this.nextJobId = Math.max(...this.jobs.map((job) => job.job_id)) + 1;
		this.verification = new Verification(new Rng(deriveSeed(this.seed, 'welcorp:codes')));
		this.desk.reset();
		this.stats = {
			jobsCreated: 0,
			usersCreated: 0,
			usersUpdated: 0,
			codesSent: 0,
			authFailures: 0,
		};
	}

	errorBody(status: number, message: string): unknown {
		return { status, errors: message };
	}

	async handle(req: EmuRequest, ctx: VendorContext): Promise<EmuResponse> {
		this.progress();
		const answer = await this.api.dispatch(req, ctx);
		if (!answer) throw new EmuError(404, `Cannot ${req.method} ${this.basePath}${req.path}`);
		return answer;
	}

	async control(
		subPath: string,
		req: EmuRequest,
		ctx: VendorContext,
	): Promise<EmuResponse | undefined> {
		this.progress();
		return await this.ctl.dispatch(req, ctx, subPath);
	}

	private now(): number {
		return this.ctx.clock.nowMs();
	}

	private idParam(req: EmuRequest): number {
		if (!/^\d+$/.test(req.params.id)) throw new EmuError(404, 'Not found');
		return Number(req.params.id);
	}

	// ---- auth ----

	private auth(req: EmuRequest): Account {
		const header = req.headers.authorization;
		const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header.trim()) : null;
		const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
		const colon = decoded.indexOf(':');
		const account =
			colon > 0
				? this.directory.login(decoded.slice(0, colon), decoded.slice(colon + 1))
				: undefined;
		if (!account) {
			this.stats.authFailures++;
			throw new EmuError(401, 'Invalid credentials.');
		}
		return account;
	}

	private canSeeJob(viewer: Account, job: JobRecord): boolean {
		const owner = this.directory.byId(job.user_id);
		return owner !== undefined && this.directory.visibleUsers(viewer).includes(owner);
	}

	// ---- jobs ----

	private origin(req: EmuRequest): string {
		return `http://${req.headers.host ?? '127.0.0.1'}${this.basePath}`;
	}

	private listJobs(req: EmuRequest): EmuResponse {
		const viewer = this.auth(req);
		const query = flatQuery(req);
		const now = this.now();
		const page = positiveInt(query, 'page', 1);
		const perPage = Math.min(positiveInt(query, 'page_size', 10), this.config.maxPageSize);
		const filters: Array<(job: JobRecord) => boolean> = [];
		if (query.job_name)
			filters.push((job) => job.job_name.toLowerCase() === query.job_name.toLowerCase());
		if (query.job_type) {
			const kind = jobKind(query.job_type) ?? invalid('The selected job type is invalid.');
			filters.push((job) => job.kind === kind);
		}
		if (query.job_status)
			filters.push(
				(job) => jobStatus(job, now).toLowerCase() === query.job_status.trim().toLowerCase(),
			);
		for (const [field, keep] of [
			['start_after', (a: number, b: number) => a > b],
			['start_before', (a: number, b: number) => a < b],
		] as const) {
			if (!query[field]) continue;
			const bound =
				this.time.parse(query[field]) ??
				invalid(`The ${field.replace('_', ' ')} is not a valid date.`);
			filters.push((job) => keep(job.startMs, bound));
		}
		if (query.user_id) {
			const userId = positiveInt(query, 'user_id', 0);
			filters.push((job) => job.user_id === userId);
		}
		if (query.user_code)
			filters.push((job) => job.user_code.toLowerCase() === query.user_code.trim().toLowerCase());
		const visible = new Set(this.directory.visibleUsers(viewer).map((a) => a.user.user_id));
		const matches = this.jobs
			.filter((job) => visible.has(job.user_id) && filters.every((keep) => keep(job)))
			.sort((a, b) => b.startMs - a.startMs || b.job_id - a.job_id);
		const block = laravelPage(matches, page, perPage, `${this.origin(req)}/jobs`, query);
		return json({
			...block,
			data: block.data.map((job) =>
				listRow(job, now, this.time, `${this.origin(req)}/jobs/${job.job_id}`, this.seed),
			),
		});
	}

	private findJob(id: number): JobRecord {
		const job = this.jobs.find((candidate) => candidate.job_id === id);
		if (!job) throw new EmuError(404, 'Job not found');
		return job;
	}

	private getJob(req: EmuRequest): EmuResponse {
		const viewer = this.auth(req);
		const job = this.findJob(this.idParam(req));
		if (!this.canSeeJob(viewer, job)) throw new EmuError(403, 'Permission denied');
		return json({ data: jobDetail(job, this.now(), this.time, this.seed), status: 200 });
	}

	private listRecipients(viewer: Account, request: JobRequest): Recipient[] {
		const recipients: Recipient[] = [];
		for (const id of request.userListIds ?? []) {
			const list = this.lists.find(
				(candidate) => candidate.list_id === id && candidate.user_id === viewer.user.user_id,
			);
			if (!list) invalid(`The user list ${id} does not exist.`);
			const preferred =
				String(request.fields.preferred_destination_type ?? 'Mobile').toLowerCase() === 'phone'
					? 'Phone'
					: 'Mobile';
			const field =
				request.kind === 'email'
					? 'Email'
					: request.kind === 'fax'
						? 'Fax'
						: CALL_KINDS.includes(request.kind)
							? preferred
							: 'Mobile';
			for (const contact of list!.contacts) {
				if (!contact[field]) continue;
				recipients.push({
					destination: contact[field],
					reference: contact.Reference,
					recipient: contact.Recipient,
					...Object.fromEntries(LIST_FIELDS.map((name) => [name.toLowerCase(), contact[name]])),
				});
			}
		}
		return recipients;
	}

	private createJob(req: EmuRequest): EmuResponse {
		const viewer = this.auth(req);
		const now = this.now();
		const request = readJobRequest(req.body, this.time, now);
		let recipients = request.recipients ?? this.listRecipients(viewer, request);
		if (request.dedupe) {
			const seen = new Set<string>();
			recipients = recipients.filter(
				(r) =>
					!seen.has(normalizedDestination(r.destination)) &&
					Boolean(seen.add(normalizedDestination(r.destination))),
			);
		}
		const startMs = Math.floor(now / 1000) * 1000;
		const sendMs = request.scheduledMs ?? startMs + this.config.sendDelayMs;
		const job: JobRecord = {
			job_id: this.nextJobId++,
			user_id: viewer.user.user_id,
			user_code: viewer.user.user_code,
			kind: request.kind,
			job_name: request.jobName,
			startMs,
			sendMs,
			completeMs: sendMs + this.config.completionDelayMs,
			scheduledMs: request.scheduledMs,
			closed: false,
			recipientCount: recipients.length,
			recipients,
			userListIds: request.userListIds,
			dedupe: request.dedupe,
			cutoffHour: request.cutoffHour,
			callbackUrl: request.callbackUrl,
			smsStatusCallbacks: request.smsStatusCallbacks,
			fields: request.fields,
			replies: [],
			callbacksDone: !request.callbackUrl,
		};
		this.jobs.push(job);
		this.stats.jobsCreated++;
		return json({ status: 200, data: job.job_id });
	}

	private controlJobs(req: EmuRequest): EmuResponse {
		const now = this.now();
		const userId = req.query.user_id ? Number(req.query.user_id) : undefined;
		const rows = this.jobs
			.filter((job) => userId === undefined || job.user_id === userId)
			.sort((a, b) => b.startMs - a.startMs || b.job_id - a.job_id)
			.map((job) => ({
				...listRow(job, now, this.time, `${this.origin(req)}/jobs/${job.job_id}`, this.seed),
				startMs: job.startMs,
				completeMs: job.completeMs,
			}));
		return json({ total: rows.length, jobs: rows });
	}

	// ---- callbacks ----

	/** Jobs that completed since the last look post their callbacks (the emulator clock decides). */
	private progress(): void {
		const now = this.now();
		for (const job of this.jobs) {
			if (job.callbacksDone || !isFinished(job, now)) continue;
			job.callbacksDone = true;
			for (const callback of completionCallbacks(job, recipientsOf(job, this.seed), this.time))
				void this.desk.queue(callback, job.job_id);
		}
	}

	/** Posts what is due and answers with every callback queued since the previous tick, once delivered. */
	private async tick(): Promise<EmuResponse> {
		this.progress();
		await this.desk.settled();
		return json({ callbacks: this.desk.fresh() });
	}

	// ---- users ----

	private listUsers(req: EmuRequest): EmuResponse {
		const viewer = this.auth(req);
		// A plain user only ever sees their own record, without the paging block.
		if (viewer.role === 'User') return json({ status: 200, data: this.directory.output(viewer) });
		const query = flatQuery(req);
		const page = positiveInt(query, 'page', 1);
		const perPage = Math.min(positiveInt(query, 'page_size', 10), this.config.maxPageSize);
		const needle = (query.user_code ?? '').trim().toLowerCase();
		const users = this.directory
			.visibleUsers(viewer)
			.filter((a) => !needle || a.user.user_code.toLowerCase().includes(needle));
		const block = laravelPage(users, page, perPage, `${this.origin(req)}/users`, query);
		return json({ ...block, data: block.data.map((a) => this.directory.output(a)) });
	}

	private createUser(req: EmuRequest): EmuResponse {
		const id = this.directory.create(this.auth(req), req.body, this.time.list(this.now()));
		this.stats.usersCreated++;
		return json({ status: 200, data: id });
	}

	private updateUser(req: EmuRequest): EmuResponse {
		const id = this.directory.update(this.auth(req), this.idParam(req), req.body);
		this.stats.usersUpdated++;
		return json({ status: 200, data: id });
	}

	// ---- 2FA ----

	private params(req: EmuRequest): Params {
		if (req.method === 'GET') return flatQuery(req);
		if (typeof req.body !== 'object' || req.body === null) return {};
		return req.body as Params;
	}

	private sendCode(req: EmuRequest): EmuResponse {
		this.auth(req);
		const result = this.verification.send(this.params(req), this.now());
		if (!result.ok) return json({ status: 422, errors: result.errors }, 422);
		this.stats.codesSent++;
		return json({ status: 200, data: 'message sent' });
	}

	private validateCode(req: EmuRequest): EmuResponse {
		this.auth(req);
		const result = this.verification.validate(this.params(req), this.now());
		if (!result.ok) return json({ status: 422, errors: result.errors }, 422);
		return json({ status: 200, data: result.value });
	}
}

export const welcorpVendor: VendorModule<WelcorpOptions> = {
	name: WELCORP_NAME,
	basePath: WELCORP_BASE_PATH,
	create: (options, ctx) => new WelcorpEmulator(options, ctx),
};
