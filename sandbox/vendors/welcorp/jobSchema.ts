import { z } from 'zod';

import { EmuError } from '../../core/types';
import type { AccountTime } from './time';
import { isPhoneKind, jobKind, type JobKind } from './jobTypes';

/** What POST /jobs documents, read the way a Laravel validator would. */
export const MAX_FILES_BYTES = 20 * 1024 * 1024;
/**
 * The Welcorp REST API doc, section "Create Voice Job", says "4000000MB": read as 4,000,000 bytes
 * (README.md, Welcorp, "Doc ambiguities and what we chose").
 */
export const MAX_VOICE_BYTES = 4_000_000;
export const FAX_TYPES = [
	'jpg',
	'tif',
	'png',
	'gif',
	'doc',
	'docx',
	'xls',
	'xlsx',
	'pdf',
	'txt',
	'ppt',
	'pptx',
	'pdfx',
];
export const MAX_MERGE_FIELDS = 100;
const STANDARD_RECIPIENT_FIELDS = new Set(['destination', 'reference', 'recipient']);

export type Recipient = Record<string, string>;

export interface FileSummary {
	name: string;
	url?: string;
	size?: number;
}

export interface JobRequest {
	kind: JobKind;
	jobName: string;
	scheduledMs: number | null;
	dedupe: boolean;
	recipients: Recipient[] | null;
	userListIds: number[] | null;
	cutoffHour: string | null;
	callbackUrl: string | null;
	smsStatusCallbacks: boolean;
	/** Type-specific fields as the job details show them. */
	fields: Record<string, unknown>;
	files: FileSummary[];
}

const fail = (message: string): never => {
	throw new EmuError(422, `Validation failed: ${message}`);
};

const laravelBoolean = z
	.union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
	.transform((v) => v === true || v === 1 || v === '1');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function text(body: Record<string, unknown>, field: string, required = false): string | null {
	const value = body[field];
	if (value === undefined || value === null || value === '') {
		if (required) fail(`The ${field} field is required.`);
		return null;
	}
	if (typeof value !== 'string') fail(`The ${field} must be a string.`);
	return value as string;
}

function bool(body: Record<string, unknown>, field: string): boolean | null {
	if (body[field] === undefined || body[field] === null) return null;
	const parsed = laravelBoolean.safeParse(body[field]);
	if (!parsed.success) fail(`The ${field} field must be true or false.`);
	return parsed.data as boolean;
}

function integer(
	body: Record<string, unknown>,
	field: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
	label = field,
): number | null {
	const value = body[field];
	if (value === undefined || value === null || value === '') return null;
	const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number))
		fail(`The ${label} must be an integer.`);
	if ((number as number) < min || (number as number) > max)
		fail(`The ${label} must be between ${min} and ${max}.`);
	return number as number;
}

function isPhone(value: string): boolean {
	return (
		/^\+?[\d\s()-]+$/.test(value) &&
		value.replace(/\D/g, '').length >= 6 &&
		value.replace(/\D/g, '').length <= 15
	);
}

function base64Size(content: string, field: string): number {
	const compact = content.replace(/\s+/g, '');
	if (compact.length % 4 !== 0 || !BASE64.test(compact)) fail(`The ${field} must be valid base64.`);
	const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
	return (compact.length / 4) * 3 - padding;
}

function extension(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function file(value: unknown, field: string): FileSummary {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return fail(`The ${field} must be an object.`);
	const entry = value as Record<string, unknown>;
	const name = text(entry, 'name') ?? fail(`The ${field}.name field is required.`);
	const url = text(entry, 'url');
	const content = text(entry, 'base64content');
	if (!url && !content)
		fail(`The ${field}.url field is required when ${field}.base64content is not present.`);
	if (url && !/^https?:\/\/[^\s/]+/i.test(url)) fail(`The ${field}.url must be a valid URL.`);
	return content
		? { name: name as string, size: base64Size(content, `${field}.base64content`) }
		: { name: name as string, url: url as string };
}

function files(body: Record<string, unknown>, field: string, required: boolean): FileSummary[] {
	const value = body[field];
	if (value === undefined || value === null) {
		if (required) fail(`The ${field} field is required.`);
		return [];
	}
	if (!Array.isArray(value)) return fail(`The ${field} must be an array.`);
	if (required && value.length === 0) fail(`The ${field} field is required.`);
	const list = value.map((entry, i) => file(entry, `${field}.${i}`));
	const total = list.reduce((sum, entry) => sum + (entry.size ?? 0), 0);
	if (total > MAX_FILES_BYTES) fail(`The total size of the ${field} may not be greater than 20MB.`);
	return list;
}

function recipients(value: unknown, kind: JobKind): Recipient[] {
	if (!Array.isArray(value)) return fail('The recipients must be an array.');
	if (value.length === 0)
		fail('The recipients field is required when user list ids is not present.');
	const mergeFields = new Set<string>();
	return value.map((entry, i) => {
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
			return fail(`The recipients.${i} must be an object.`);
		const recipient: Recipient = {};
		for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
			if (raw === null || raw === undefined) continue;
			if (typeof raw !== 'string' && typeof raw !== 'number')
				fail(`The recipients.${i}.${key} must be a string.`);
			recipient[key] = String(raw);
			if (!STANDARD_RECIPIENT_FIELDS.has(key)) mergeFields.add(key.toLowerCase());
		}
		const destination = recipient.destination?.trim();
		if (!destination) fail(`The recipients.${i}.destination field is required.`);
		if (isPhoneKind(kind) ? !isPhone(destination) : !EMAIL.test(destination)) {
			fail(
				`The recipients.${i}.destination must be a valid ${isPhoneKind(kind) ? 'phone number' : 'email address'}.`,
			);
		}
		if (mergeFields.size > MAX_MERGE_FIELDS)
			fail(`The recipients may not have more than ${MAX_MERGE_FIELDS} merge fields.`);
		return recipient;
	});
}

function listIds(value: unknown): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value).split(',');
	const ids = parts.map((part) => String(part).trim()).filter((part) => part !== '');
	if (ids.length === 0 || ids.some((id) => !/^\d+$/.test(id)))
		fail('The user_list_ids must be a comma separated list of list ids.');
	return ids.map(Number);
}

function keyResponses(value: unknown): Array<Record<string, unknown>> | null {
	if (value === undefined || value === null) return null;
	if (!Array.isArray(value)) return fail('The two_way_key_responses must be an array.');
	const seen = new Set<number>();
	return value.map((entry, i) => {
		if (typeof entry !== 'object' || entry === null)
			return fail(`The two_way_key_responses.${i} must be an object.`);
		const row = entry as Record<string, unknown>;
		const key = integer(row, 'key_press', 0, 9, `two_way_key_responses.${i}.key_press`);
		if (key === null) fail(`The two_way_key_responses.${i}.key_press field is required.`);
		if (seen.has(key as number))
			fail(`The two_way_key_responses.${i}.key_press has a duplicate value.`);
		seen.add(key as number);
		const redirect = text(row, 'redirect_to');
		if (redirect && !isPhone(redirect))
			fail(`The two_way_key_responses.${i}.redirect_to must be a valid phone number.`);
		return {
			key_press: key,
			response_message: text(row, 'response_message'),
			redirect_to: redirect,
		};
	});
}

function senderId(body: Record<string, unknown>): string | null {
	const value = text(body, 'manual_sender_id');
	if (value && !/^[A-Za-z0-9 ]{1,11}$/.test(value) && !isPhone(value)) {
		fail('The manual_sender_id must be up to 11 letters or digits, or a mobile number.');
	}
	return value;
}

function twoWaySmsFields(body: Record<string, unknown>): Record<string, unknown> {
	const email = text(body, 'response_email_address');
	if (email && !EMAIL.test(email))
		fail('The response_email_address must be a valid email address.');
	return {
		response_email_address: email,
		optout_code: text(body, 'optout_code'),
		batch_replies: bool(body, 'batch_replies') ?? false,
		expires: integer(body, 'expires', 1, 8760) ?? 24,
		use_two_way_custom_sender_id: bool(body, 'use_two_way_custom_sender_id') ?? false,
	};
}

function callFields(body: Record<string, unknown>): Record<string, unknown> {
	const preferred = text(body, 'preferred_destination_type');
	if (preferred && !['phone', 'mobile'].includes(preferred.toLowerCase()))
		fail('The preferred_destination_type must be Phone or Mobile.');
	return { preferred_destination_type: preferred };
}

function typeFields(
	kind: JobKind,
	body: Record<string, unknown>,
): { fields: Record<string, unknown>; files: FileSummary[] } {
	switch (kind) {
		case 'sms':
			return {
				fields: { message: text(body, 'message', true), manual_sender_id: senderId(body) },
				files: [],
			};
		case '2 way sms':
			return {
				fields: {
					message: text(body, 'message', true),
					manual_sender_id: senderId(body),
					...twoWaySmsFields(body),
				},
				files: [],
			};
		case 'mms': {
			const media = files(body, 'files', true);
			if (media.length > 1) fail('Only one media file can be sent in a MMS.');
			return {
				fields: {
					message: text(body, 'message'),
					subject: text(body, 'subject'),
					manual_sender_id: senderId(body),
					...twoWaySmsFields(body),
					files: media,
				},
				files: media,
			};
		}
		case 'tts':
		case '2 way tts':
			return {
				fields: {
					header: text(body, 'header'),
					message: text(body, 'message', true),
					voicemail_message: text(body, 'voicemail_message'),
					voice: text(body, 'voice'),
					skip_message_repeat: bool(body, 'skip_message_repeat') ?? false,
					...callFields(body),
					...(kind === '2 way tts'
						? { two_way_key_responses: keyResponses(body.two_way_key_responses) }
						: {}),
				},
				files: [],
			};
		case 'fax': {
			const pages = files(body, 'files', true);
			const wrong = pages.find((entry) => !FAX_TYPES.includes(extension(entry.name)));
			if (wrong) fail(`The file ${wrong.name} must be a file of type: ${FAX_TYPES.join(', ')}.`);
			return {
				fields: { use_high_resolution: bool(body, 'use_high_resolution') ?? false, files: pages },
				files: pages,
			};
		}
		case 'email': {
			const html = text(body, 'html_message');
			const plain = text(body, 'text_message');
			if (!html && !plain)
				fail('The html_message field is required when text_message is not present.');
			const from = text(body, 'from_email', true) as string;
			if (!EMAIL.test(from)) fail('The from_email must be a valid email address.');
			const attachments = files(body, 'attachments', false);
			return {
				fields: {
					subject: text(body, 'subject'),
					html_message: html,
					text_message: plain,
					from_name: text(body, 'from_name'),
					from_email: from,
					attachments,
				},
				files: attachments,
			};
		}
		case 'voice': {
			if (body.audiofile === undefined || body.audiofile === null)
				fail('The audiofile field is required.');
			const audio = file(body.audiofile, 'audiofile');
			if (extension(audio.name) !== 'wav') fail('The audiofile must be a file of type: wav.');
			if ((audio.size ?? 0) > MAX_VOICE_BYTES)
				fail(`The audiofile may not be greater than ${MAX_VOICE_BYTES} bytes.`);
			return { fields: { ...callFields(body), audiofile: audio }, files: [audio] };
		}
	}
}

export function readJobRequest(raw: unknown, time: AccountTime, nowMs: number): JobRequest {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return fail('The request body must be a JSON object.');
	const body = raw as Record<string, unknown>;
	const typeText = text(body, 'job_type', true);
	const kind = jobKind(typeText) ?? fail('The selected job_type is invalid.');

	let scheduledMs: number | null = null;
	const scheduled = text(body, 'scheduled_date');
	if (scheduled) {
		scheduledMs = time.parse(scheduled) ?? fail('The scheduled_date is not a valid date.');
		if ((scheduledMs as number) <= nowMs) fail('The scheduled_date must be a date after now.');
	}
	// The 2 Way TTS example spells it cut_off_hour.
	const cutoff = text(body, 'cutoff_hour') ?? text(body, 'cut_off_hour');
	if (cutoff && !/^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff))
		fail('The cutoff_hour does not match the format H:i.');
	const callback = text(body, 'callback_url');
	if (callback && !/^https?:\/\/[^\s/]+/i.test(callback))
		fail('The callback_url must be a valid URL.');
	const dedupe =
		typeof body.dedupe === 'boolean' ? Number(body.dedupe) : (integer(body, 'dedupe', 0, 1) ?? 0);

	const hasLists =
		body.user_list_ids !== undefined && body.user_list_ids !== null && body.user_list_ids !== '';
	const hasRecipients = body.recipients !== undefined && body.recipients !== null;
	if (!hasLists && !hasRecipients)
		fail('The recipients field is required when user list ids is not present.');
	const { fields, files: attached } = typeFields(kind, body);
	return {
		kind,
		jobName: text(body, 'job_name') ?? 'API Send',
		scheduledMs,
		dedupe: dedupe === 1,
		// Lists win when both are given; the recipients are then ignored.
		recipients: hasLists ? null : recipients(body.recipients, kind),
		userListIds: hasLists ? listIds(body.user_list_ids) : null,
		cutoffHour: cutoff,
		callbackUrl: callback,
		smsStatusCallbacks: bool(body, 'callback_on_sms_status_update') ?? false,
		fields,
		files: attached,
	};
}
