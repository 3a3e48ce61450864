import { Router } from '../../core/router';
import {
	EmuError,
	json,
	type EmuRequest,
	type EmuResponse,
	type VendorContext,
	type VendorEmulator,
} from '../../core/types';
import { PortalAuth } from './auth';
import {
	configSchema,
	optionsSchema,
	WESAL_PORTAL_DEFAULTS,
	type WesalPortalConfig,
	type WesalPortalOptions,
} from './config';
import { WESAL_PORTAL_BASE_PATH, WESAL_PORTAL_NAME, type WesalPortalCode } from './constants';
import { invalid, ok, PortalError } from './protocol';
import { PortalQueues } from './queues';
import { WESAL_PORTAL_QUEUES } from './seed';
import { freshStats, type PortalState } from './state';
import { PortalSurveys } from './surveys';

/**
 * Wesal Portal API (the older Wesal API), as the Wesal Portal API doc describes it.
 * Answers are `{ data, success: true }`; errors are `{ success: false, code, message }` with the
 * doc's codes. Surveys are generated on the fly from their index, so 49,093 of them cost only a
 * sorted array of timestamps.
 */
export class WesalPortalEmulator implements VendorEmulator {
	readonly name = WESAL_PORTAL_NAME;
	readonly basePath = WESAL_PORTAL_BASE_PATH;
	private readonly initial: WesalPortalConfig;
	private readonly state: PortalState;
	private readonly auth: PortalAuth;
	private readonly surveys: PortalSurveys;
	private readonly queues: PortalQueues;
	private readonly api = new Router();
	private readonly ctl = new Router();

	constructor(options: WesalPortalOptions | undefined, ctx: VendorContext) {
		const { seed, ...overrides } = optionsSchema.parse(options ?? {});
		this.initial = { ...WESAL_PORTAL_DEFAULTS, ...overrides };
		this.state = { ctx, seed: seed ?? ctx.seed, config: { ...this.initial }, stats: freshStats() };
		this.auth = new PortalAuth(this.state);
		this.surveys = new PortalSurveys(this.state, this.initial);
		this.queues = new PortalQueues(this.state.seed);
		this.routeApi();
		this.routeControl();
		this.reset();
	}

	private routeApi(): void {
		const { auth, surveys, queues } = this;
		const logout = (req: EmuRequest) => auth.logout(req);
		this.api
			.on('POST', 'auth/login', (req) => auth.login(req))
			.on('POST', 'auth/reset', (req) => auth.sendResetCode(req))
			.on('POST', 'auth/verify', (req) => auth.verifyReset(req))
			// The doc's curl says auth/logout, its text says auth/reset_pwd: both work.
			.on('GET', 'auth/logout', logout)
			.on('GET', 'auth/reset_pwd', logout);
		// Every other call needs a valid token.
		const withToken: Array<[string, string, (req: EmuRequest) => EmuResponse]> = [
			['GET', 'queries/organization', () => ok(surveys.organizationData())],
			['GET', 'survey/queries/questions/:companyId', (req) => surveys.questions(req)],
			['POST', 'survey/queries/surveys', (req) => surveys.surveys(req)],
			['POST', 'analytics/runtime/queues/summary', (req) => queues.summary(req)],
			['POST', 'analytics/runtime/queues/activity', (req) => queues.activity(req)],
			['POST', 'analytics/queues/performance', (req) => queues.performance(req)],
		];
		for (const [method, pattern, run] of withToken)
			this.api.on(method, pattern, (req) => auth.authorized(req, () => run(req)));
	}

	private routeControl(): void {
		const { auth, surveys, state } = this;
		this.ctl
			.on('GET', 'account', () =>
				json({
					clientId: state.config.clientId,
					otherDomainClientId: state.config.otherDomainClientId,
					email: state.config.email,
					password: auth.password,
					phone: state.config.phone,
				}),
			)
			.on('GET', 'organization', () => json(surveys.organizationData()))
			.on('GET', 'queues', () =>
				json({ queues: WESAL_PORTAL_QUEUES.map((queue) => ({ ...queue })) }),
			)
			.on('GET', 'surveys', (req) => surveys.groundTruth(req))
			.on('POST', 'surveys', (req) => surveys.addSurveys(req))
			.on('POST', 'expire-tokens', () => json({ expired: auth.expireTokens() }))
			.on('GET', 'otp', () => {
				if (!auth.pendingCode) throw new EmuError(404, 'No pending reset code');
				return json({ code: auth.pendingCode });
			})
			.on('GET', 'stats', () => json({ ...state.stats, activeTokens: auth.activeTokens() }))
			.on('GET', 'config', () => json(this.publicConfig()))
			.on('POST', 'config', (req) => {
				const parsed = configSchema.safeParse(req.body ?? {});
				if (!parsed.success) throw new EmuError(400, parsed.error.issues[0].message);
				Object.assign(state.config, parsed.data);
				return json(this.publicConfig());
			});
	}

	reset(): void {
		this.state.config = { ...this.initial };
		this.state.stats = freshStats();
		this.auth.reset();
		this.surveys.reset();
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

	private publicConfig() {
		const { tokenTtlMs, tokenErrorStatus } = this.state.config;
		return { tokenTtlMs, tokenErrorStatus };
	}
}
