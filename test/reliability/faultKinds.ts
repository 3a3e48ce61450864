import type { FaultSpec, LoggedRequest } from '../helpers/emulator';
import type { Cell } from './cells';
import type { VendorSession, VendorUnderTest } from './vendors';

/** What a fault does to a cell's run, from the node's point of view. */
export interface FaultContext {
	session: VendorSession;
	vendor: VendorUnderTest;
	cell: Cell;
	/** Logins of the credential before the run. */
	loginsBefore: number;
	/** Adds a fault aimed at the cell's own requests. */
	fault(spec: Omit<FaultSpec, 'vendor' | 'method' | 'path'>): Promise<void>;
}

export type ReadOutcome =
	/** Same output as without the fault; `extraRequests` more target requests (undefined: not counted). */
	| { recover: true; extraRequests?: number }
	/**
	 * A NodeApiError naming vendor, operation and `reason` after `attempts` requests of the
	 * operation; `runs` says whether it is checked alone, as an error item under Continue On Fail
	 * (a second item then runs as without the fault) or both.
	 */
	| {
			recover: false;
			reason: string;
			attempts: number;
			httpCode?: string;
			description?: string;
			runs?: 'alone' | 'continueOnFail' | 'both';
	  };

export interface FaultKind {
	name: string;
	/** Which cells get this fault. */
	scope: 'any' | 'read' | 'multiRead';
	/** Only for these vendors (vendor-specific faults). */
	vendors?: string[];
	/** The fault needs the operation's Timeout option (a stall). */
	needsTimeout?: boolean;
	inject(ctx: FaultContext): Promise<void>;
	/** Runs while the node runs (e.g. expires the session while a request is held). */
	meanwhile?(ctx: FaultContext): Promise<void>;
	read: ReadOutcome | ((ctx: FaultContext) => ReadOutcome);
	/** Writes always fail, sent once; this is the reason their error names. */
	writeReason?: string;
	/** The fault outlives the run (the emulator is reset after it). */
	lingers?: boolean;
	/** Further checks on the request log of the run; returns a problem or undefined. */
	verify?(log: LoggedRequest[], ctx: FaultContext): string | undefined;
}

/** The Timeout used where a stall is injected, and the stall itself (30 s: far longer than any retry budget). */
export const STALL_TIMEOUT_MS = 1500;
const STALL_MS = 30_000;

const recover = { recover: true, extraRequests: 1 } as const;

function httpStatus(status: number, headers?: Record<string, string>): FaultKind {
	return {
		name: headers ? `${status} Retry-After` : String(status),
		scope: 'any',
		inject: (ctx) => ctx.fault({ kind: 'status', status, headers }),
		read: recover,
		writeReason: `HTTP ${status}`,
		verify: headers ? waitedForRetryAfter(Number(headers['Retry-After']) * 1000) : undefined,
	};
}

/** The retry came no earlier than the server asked (the log's times are the emulator's clock). */
function waitedForRetryAfter(ms: number) {
	return (log: LoggedRequest[], ctx: FaultContext): string | undefined => {
		if (ctx.cell.access === 'write') return undefined;
		const faulted = log.findIndex((entry) => entry.fault === 'status');
		const retry = log[faulted + 1];
		if (faulted < 0 || !retry) return 'no retry after the 429';
		const waited = Date.parse(retry.at) - Date.parse(log[faulted].at);
		return waited >= ms - 50
			? undefined
			: `retried after ${waited} ms although Retry-After asked for ${ms} ms`;
	};
}

async function until(
	condition: () => Promise<boolean>,
	what: string,
	timeoutMs = 15_000,
): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const pass = { kind: 'delay', delayMs: 0 } as const;
const HOLD_MS = 1500;

/**
 * A session token dies in the middle of a multi-request read: the second request is held by the
 * emulator while every token is expired, so it reaches the API with a dead token; the node must
 * log in again and go on. Vendors without a session (a fixed token, a password) get a 401 on that
 * request instead: a credential that checks its secret again after a 401 goes on when the check
 * passes; any other must end the read clearly, as sending the same secret again cannot help.
 */
const expiredMidRead: FaultKind = {
	name: '401 mid-read',
	scope: 'multiRead',
	async inject(ctx) {
		await ctx.fault(pass);
		if (ctx.session.expireTokens) await ctx.fault({ kind: 'delay', delayMs: HOLD_MS });
		else await ctx.fault({ kind: 'status', status: 401 });
	},
	async meanwhile(ctx) {
		if (!ctx.session.expireTokens) return;
		const held = async () =>
			(await ctx.session.emulator.requests(ctx.vendor.emulatorName)).filter(
				(entry) => entry.fault === 'delay',
			).length >= 2;
		await until(held, 'the held request');
		await ctx.session.expireTokens();
	},
	read: (ctx) =>
		ctx.session.expireTokens || ctx.vendor.rechecksCredential
			? { recover: true }
			: { recover: false, reason: 'HTTP 401', attempts: 2, httpCode: '401' },
	verify: (_log, ctx) =>
		ctx.session.expireTokens && ctx.session.store.stats.preAuthentications <= ctx.loginsBefore
			? 'no new login after the token expired'
			: undefined,
};

export const FAULT_KINDS: FaultKind[] = [
	httpStatus(500),
	httpStatus(502),
	httpStatus(503),
	httpStatus(504),
	httpStatus(429, { 'Retry-After': '1' }),
	httpStatus(429),
	{
		name: '429 Retry-After 2 min',
		scope: 'any',
		// Longer than a run should wait: the read gives up at once instead of sleeping.
		inject: (ctx) => ctx.fault({ kind: 'status', status: 429, headers: { 'Retry-After': '120' } }),
		read: { recover: false, reason: 'HTTP 429', attempts: 1, httpCode: '429' },
		writeReason: 'HTTP 429',
	},
	{
		name: 'stall 30 s',
		scope: 'any',
		needsTimeout: true,
		inject: (ctx) => ctx.fault({ kind: 'delay', delayMs: STALL_MS }),
		read: recover,
		writeReason: 'did not answer .* within',
	},
	{
		name: 'connection reset',
		scope: 'any',
		inject: (ctx) => ctx.fault({ kind: 'reset' }),
		read: recover,
		writeReason: 'the connection was reset',
	},
	{
		name: 'malformed JSON',
		scope: 'any',
		inject: (ctx) => ctx.fault({ kind: 'malformed' }),
		read: recover,
		writeReason: 'in an unexpected shape \\(HTTP 200\\)',
	},
	{
		name: 'HTML error page',
		scope: 'any',
		inject: (ctx) => ctx.fault({ kind: 'html', status: 502 }),
		read: recover,
		writeReason: 'HTTP 502\\): the server answered with an HTML page',
	},
	expiredMidRead,
	{
		name: 'retries spent',
		scope: 'read',
		inject: (ctx) => ctx.fault({ kind: 'status', status: 503, count: 4 }),
		read: {
			recover: false,
			reason: 'HTTP 503',
			attempts: 4,
			httpCode: '503',
			description: 'It was tried 4 times',
			runs: 'alone',
		},
	},
	{
		name: 'resets persist',
		scope: 'read',
		inject: (ctx) => ctx.fault({ kind: 'reset', count: 4 }),
		read: {
			recover: false,
			reason: 'the connection was reset',
			attempts: 4,
			runs: 'continueOnFail',
		},
	},

	// Vendor-specific
	{
		name: 'X003 in HTTP 200',
		vendors: ['WesalPortal'],
		scope: 'read',
		inject: (ctx) =>
			ctx.fault({
				kind: 'status',
				status: 200,
				body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
			}),
		read: { recover: true, extraRequests: 1 },
	},
	{
		name: 'X003 in HTTP 403',
		vendors: ['WesalPortal'],
		scope: 'read',
		inject: (ctx) =>
			ctx.fault({
				kind: 'status',
				status: 403,
				body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
			}),
		read: { recover: true, extraRequests: 1 },
	},
	{
		name: 'X004',
		vendors: ['WesalPortal'],
		scope: 'any',
		inject: (ctx) =>
			ctx.fault({
				kind: 'status',
				status: 400,
				body: { success: false, code: 'X004', message: 'Invalid request' },
			}),
		read: {
			recover: false,
			reason: 'HTTP 400\\): X004 \\(the request is invalid\\): Invalid request',
			attempts: 1,
			httpCode: '400',
		},
		writeReason: 'HTTP 400\\): X004 \\(the request is invalid\\)',
	},
	{
		name: 'error in HTTP 200',
		vendors: ['WesalVoc'],
		scope: 'any',
		inject: (ctx) =>
			ctx.fault({
				kind: 'status',
				status: 200,
				body: { result: 'error', message: 'Something went wrong' },
			}),
		read: {
			recover: false,
			reason: '": Something went wrong',
			attempts: 1,
		},
		writeReason: '": Something went wrong',
	},
	{
		name: '500 with lead',
		vendors: ['WeClever'],
		scope: 'read',
		// The emulator answers a found lead with HTTP 500, as the doc shows: a success, never retried.
		inject: async (ctx) =>
			void (await ctx.session.emulator.control('POST', 'weclever/config', { detailStatus: 500 })),
		read: { recover: true, extraRequests: 0 },
		verify: (log) => {
			const details = log
				.filter((entry) => entry.path.startsWith('/lead/find/weclever_id/'))
				.map((entry) => entry.path);
			if (details.length === 0) return 'no lead was fetched';
			return new Set(details).size === details.length
				? undefined
				: 'a lead answered with HTTP 500 was fetched again';
		},
	},
	{
		name: 'busy token',
		vendors: ['Wolkvox'],
		scope: 'read',
		// Another system consumes the token for a moment: the API answers 429 until it is free.
		inject: async (ctx) =>
			void (await ctx.session.emulator.control('POST', 'wolkvox/hold', { ms: 400 })),
		read: { recover: true },
	},
	{
		name: 'busy token persists',
		vendors: ['Wolkvox'],
		scope: 'read',
		inject: async (ctx) =>
			void (await ctx.session.emulator.control('POST', 'wolkvox/hold', { ms: 20_000 })),
		lingers: true,
		// The token stays busy for every item, so Continue On Fail would see all of them fail.
		read: {
			recover: false,
			reason: 'HTTP 429',
			attempts: 4,
			httpCode: '429',
			description: 'one request per token',
			runs: 'alone',
		},
	},
	{
		name: '422 validation',
		vendors: ['Welcorp'],
		scope: 'any',
		inject: (ctx) =>
			ctx.fault({
				kind: 'status',
				status: 422,
				body: { status: 422, errors: { destination: ['The destination is invalid.'] } },
			}),
		read: {
			recover: false,
			reason: 'HTTP 422\\): .*The destination is invalid',
			attempts: 1,
			httpCode: '422',
		},
		writeReason: 'HTTP 422\\): .*The destination is invalid',
	},
];

/**
 * Whether a cell gets a fault. A stall needs a Timeout to be cut short: every read must offer one
 * (a read without it is a failing cell); a write without one simply waits, so it is not tested.
 */
export function appliesTo(kind: FaultKind, cell: Cell, hasTimeout: boolean): boolean {
	if (kind.vendors && !kind.vendors.includes(cell.vendor)) return false;
	if (cell.access === 'write')
		return (
			kind.scope === 'any' && kind.writeReason !== undefined && (!kind.needsTimeout || hasTimeout)
		);
	return kind.scope !== 'multiRead' || cell.multiRequest === true;
}
