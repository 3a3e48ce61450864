// Login, tokens, logout and password reset (auth/*), and the X001-X003 checks of every call.
import { createHmac } from 'node:crypto';

import { deriveSeed, Rng } from '../../core/prng';
import { json, type EmuRequest, type EmuResponse } from '../../core/types';
import { WESAL_PORTAL_ORGANIZATION, WESAL_PORTAL_USER_ID } from './constants';
import { header, invalid, missing, ok, parseBody, PortalError } from './protocol';
import { loginSchema, resetSchema, verifySchema } from './schemas';
import type { PortalState } from './state';

interface TokenInfo {
	expiresAt: number;
}

export class PortalAuth {
	/** The current password (a reset changes it). */
	password!: string;
	/** Pending reset code. */
	pendingCode: string | undefined;
	private tokens = new Map<string, TokenInfo>();
	private tokenRng!: Rng;
	private codeRng!: Rng;
	private tokenSeq = 0;

	constructor(private readonly state: PortalState) {}

	/** Back to the seed; call after the state's config is reset. */
	reset(): void {
		this.password = this.state.config.password;
		this.tokens.clear();
		this.pendingCode = undefined;
		this.tokenRng = new Rng(deriveSeed(this.state.seed, 'wesal-portal:tokens'));
		this.codeRng = new Rng(deriveSeed(this.state.seed, 'wesal-portal:codes'));
		this.tokenSeq = 0;
	}

	private checkClient(req: EmuRequest): void {
		const clientId = header(req, 'x-client-id');
		if (!clientId) throw missing('X-Client-Id header is required');
		if (clientId === this.state.config.otherDomainClientId)
			throw new PortalError(403, 'X002', 'Invalid secret_key for this domain');
		if (clientId !== this.state.config.clientId)
			throw new PortalError(401, 'X001', 'Unknown or invalid secret_key');
	}

	login(req: EmuRequest): EmuResponse {
		const { config, stats } = this.state;
		this.checkClient(req);
		const body = parseBody(loginSchema, req.body);
		if (
			body.email.trim().toLowerCase() !== config.email.toLowerCase() ||
			body.password !== this.password
		) {
			stats.failedLogins++;
			throw invalid('Invalid email or password', 401);
		}
		stats.logins++;
		return ok({
			user: {
				id: WESAL_PORTAL_USER_ID,
				firstName: 'Huda',
				lastName: 'Alsaleh',
				email: config.email,
				status: 1,
				createdAt: '2023-10-18T11:28:23.027Z',
				updatedAt: '2023-10-18T11:28:23.027Z',
			},
			access_token: this.issueToken(),
		});
	}

	private issueToken(): string {
		const now = this.state.ctx.clock.nowMs();
		const expiresAt = now + this.state.config.tokenTtlMs;
		const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const head = b64({ alg: 'HS256', typ: 'JWT' });
		const payload = b64({
			sub: WESAL_PORTAL_USER_ID,
			org: WESAL_PORTAL_ORGANIZATION.id,
			jti: `${++this.tokenSeq}-${this.tokenRng.hex(12)}`,
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
		});
		const signature = createHmac('sha256', `wesal-portal-${this.state.seed}`)
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
		if (!token || !info || info.expiresAt <= this.state.ctx.clock.nowMs()) {
			if (token) this.tokens.delete(token);
			return undefined;
		}
		return token;
	}

	/** Runs `run` for a request with a valid token; X003 (status per config) otherwise. */
	authorized(req: EmuRequest, run: () => EmuResponse): EmuResponse {
		if (this.tokenOf(req) === undefined) {
			this.state.stats.tokenRejections++;
			throw new PortalError(
				this.state.config.tokenErrorStatus,
				'X003',
				'Unknown or invalid user token',
			);
		}
		return run();
	}

	activeTokens(): number {
		const now = this.state.ctx.clock.nowMs();
		return [...this.tokens.values()].filter((token) => token.expiresAt > now).length;
	}

	/** Forgets every token; resolves how many were still valid. */
	expireTokens(): number {
		const expired = this.activeTokens();
		this.tokens.clear();
		return expired;
	}

	logout(req: EmuRequest): EmuResponse {
		return this.authorized(req, () => {
			this.tokens.delete(header(req, 'authorization')!);
			this.state.stats.logouts++;
			return json({ success: true });
		});
	}

	sendResetCode(req: EmuRequest): EmuResponse {
		this.checkClient(req);
		const body = parseBody(resetSchema, req.body);
		const contact = body.method === 'email' ? body.email : body.phone;
		if (!contact) throw missing(`${body.method} is required`);
		const digits = (text: string) =>
			text.replace(/\D/g, '').replace(/^966/, '0').replace(/^5/, '05');
		const known =
			body.method === 'email'
				? contact.trim().toLowerCase() === this.state.config.email.toLowerCase()
				: digits(contact) === digits(this.state.config.phone);
		if (!known) throw invalid(`No account with this ${body.method}`, 404);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		this.pendingCode =
			body.method === 'email'
				? Array.from({ length: 20 }, () => this.codeRng.pick([...alphabet])).join('')
				: this.codeRng.digits(6);
		return json({ success: true });
	}

	verifyReset(req: EmuRequest): EmuResponse {
		this.checkClient(req);
		const body = parseBody(verifySchema, req.body);
		if (body.email.trim().toLowerCase() !== this.state.config.email.toLowerCase())
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
}
