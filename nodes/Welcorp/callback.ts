import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** The three form-urlencoded callbacks Welcorp posts to a job's callback_url. */
export type CallbackEvent = 'deliveryReport' | 'smsReply' | 'smsStatus';

export const CALLBACK_EVENTS: Array<{ name: string; value: CallbackEvent; description: string }> = [
	{
		name: 'Fax, TTS or Voice Delivery Report',
		value: 'deliveryReport',
		description: 'A fax, text to speech or voice recipient was delivered to (or failed)',
	},
	{
		name: 'SMS Delivery Report',
		value: 'smsStatus',
		description: 'Delivery status of an SMS (jobs with Status Callbacks on)',
	},
	{
		name: 'SMS Reply',
		value: 'smsReply',
		description: 'A recipient replied to a 2 way SMS or MMS job',
	},
];

/** Fields only the fax / TTS / voice report carries. */
const CALL_REPORT_FIELDS = ['Duration', 'Cost', 'Keypress', 'Voicemail'];

const OUTPUT_NAMES: Record<string, string> = {
	BroadcastID: 'broadcastId',
	BroadcastName: 'broadcastName',
	Timestamp: 'timestamp',
	Reference: 'reference',
	Recipient: 'recipient',
	Destination: 'destination',
	Status: 'status',
	Duration: 'duration',
	Cost: 'cost',
	Keypress: 'keypress',
	Voicemail: 'voicemail',
	Response: 'response',
};

export function detectEvent(body: IDataObject): CallbackEvent | undefined {
	if (body.BroadcastID === undefined) return undefined;
	if (body.Response !== undefined) return 'smsReply';
	if (CALL_REPORT_FIELDS.some((field) => body[field] !== undefined)) return 'deliveryReport';
	if (body.Status !== undefined) return 'smsStatus';
	return undefined;
}

function text(value: unknown): string {
	return Array.isArray(value) ? String(value[value.length - 1] ?? '') : String(value ?? '');
}

function numberOrNull(value: unknown): number | null {
	const raw = text(value).trim();
	if (raw === '') return null;
	const parsed = Number(raw);
	return Number.isFinite(parsed) ? parsed : null;
}

function booleanOrNull(value: unknown): boolean | null {
	const raw = text(value).trim().toLowerCase();
	if (['true', '1', 'yes'].includes(raw)) return true;
	if (['false', '0', 'no'].includes(raw)) return false;
	return null;
}

/**
 * A sender that does not encode the "+" of an offset ("…T12:02:52+11:00") has it read back as a
 * space by every form parser: put it back, so the timestamp stays valid ISO 8601.
 */
export function isoTimestamp(value: string): string {
	return value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?) (\d{2}:?\d{2})$/, '$1+$2');
}

/** Form values are all text: ids, durations, costs and key presses become numbers, voicemail a boolean; the timestamp stays ISO text. */
export function convertCallback(body: IDataObject, event: CallbackEvent): IDataObject {
	const output: IDataObject = { eventType: event };
	for (const [key, value] of Object.entries(body)) {
		const name = OUTPUT_NAMES[key] ?? key;
		if (['BroadcastID', 'Duration', 'Cost', 'Keypress'].includes(key))
			output[name] = numberOrNull(value);
		else if (key === 'Voicemail') output[name] = booleanOrNull(value);
		else if (key === 'Timestamp') output[name] = isoTimestamp(text(value));
		else output[name] = text(value);
	}
	return output;
}

/** n8n parses form bodies into an object; a raw string body is parsed the same way. */
export function formBody(raw: unknown): IDataObject {
	if (typeof raw === 'string') return Object.fromEntries(new URLSearchParams(raw));
	return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as IDataObject) : {};
}

/** Compares without leaking, through timing, how much of the token was right; no token matches nothing. */
export function tokensMatch(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** A callback URL as output may show it: the Callback Secret and n8n's resume signature blanked. */
export function redactCallbackUrl(url: unknown): unknown {
	if (typeof url !== 'string') return url;
	return url.replace(/([?&](?:token|signature)=)[^&#]*/gi, '$1***');
}
