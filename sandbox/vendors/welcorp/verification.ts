import type { Rng } from '../../core/prng';

/** The 2FA calls: sendCode stores a code per client_ref, validateCode accepts any code sent within the window. */
export interface SentCode {
	client_ref: string;
	code: string;
	message_type: string;
	message_destination: string;
	message: string;
	sentMs: number;
}

export type Params = Record<string, unknown>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const TYPES = ['sms', 'email', 'tts'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTERNATIONAL = /^\+?[1-9]\d{7,14}$/;
export const DEFAULT_WINDOW_MINUTES = 10;

const textOf = (value: unknown): string =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

export class Verification {
	codes: SentCode[] = [];

	constructor(private readonly rng: Rng) {}

	send(params: Params, nowMs: number): Outcome<SentCode> {
		const errors: string[] = [];
		const ref = textOf(params.client_ref);
		const type = textOf(params.message_type).toLowerCase();
		const destination = textOf(params.message_destination);
		const template = textOf(params.message_template);
		const company = textOf(params.company_name);
		if (!ref) errors.push('The client ref field is required.');
		if (!type) errors.push('The message type field is required.');
		else if (!TYPES.includes(type)) errors.push('The selected message type is invalid.');
		if (!destination) errors.push('The message destination field is required.');
		else if (type === 'email' && !EMAIL.test(destination))
			errors.push('The message destination must be a valid email address.');
		else if (
			type !== 'email' &&
			TYPES.includes(type) &&
			!INTERNATIONAL.test(destination.replace(/[\s-]/g, ''))
		) {
			errors.push(
				'The message destination must be an international phone number including the country code.',
			);
		}
		if (!template && !company)
			errors.push('The company name field is required when message template is not present.');
		if (template && !template.includes('[[code]]'))
			errors.push('The message template must contain [[code]].');
		if (errors.length) return { ok: false, errors };
		const code = this.rng.digits(6);
		const message = (template || 'Your [[company_name]] verification code is [[code]]')
			.replace(/\[\[company_name\]\]/g, company)
			.replace(/\[\[code\]\]/g, code);
		const sent = {
			client_ref: ref,
			code,
			message_type: type,
			message_destination: destination,
			message,
			sentMs: nowMs,
		};
		this.codes.push(sent);
		return { ok: true, value: sent };
	}

	validate(params: Params, nowMs: number): Outcome<'valid' | 'invalid'> {
		const errors: string[] = [];
		const ref = textOf(params.client_ref);
		const entered = textOf(params.entered_code);
		const rawWindow = params.validation_window;
		let windowMinutes = DEFAULT_WINDOW_MINUTES;
		if (!ref) errors.push('The client ref field is required.');
		if (!entered) errors.push('The entered code field is required.');
		if (rawWindow !== undefined && rawWindow !== null && rawWindow !== '') {
			const value = Number(rawWindow);
			if (!Number.isInteger(value)) errors.push('The validation window must be an integer.');
			else if (value < 1 || value > 120)
				errors.push('The validation window must be between 1 and 120.');
			else windowMinutes = value;
		}
		if (errors.length) return { ok: false, errors };
		const since = nowMs - windowMinutes * 60_000;
		const valid = this.codes.some(
			(sent) =>
				sent.client_ref === ref &&
				sent.code === entered &&
				sent.sentMs >= since &&
				sent.sentMs <= nowMs,
		);
		return { ok: true, value: valid ? 'valid' : 'invalid' };
	}
}
