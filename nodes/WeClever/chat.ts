/* A lead's texts and chat messages, read for its Simplified output and its feedback record. */
import { parseVendorDate } from '../shared';
import type { LeadMessage } from './transport';

export const text = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
export const idText = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? text(String(value)) : null;
export const isFromCustomer = (message: LeadMessage) => /^inbound/i.test(message.direction ?? '');
const timeOf = (message: LeadMessage) => parseVendorDate(message.date_created)?.getTime();

/** The newest message by date_created; on equal or unreadable dates the later one in the list. */
export function newest(messages: LeadMessage[]): LeadMessage | undefined {
	let best: LeadMessage | undefined;
	let bestTime = -Infinity;
	for (const message of messages) {
		const time = timeOf(message) ?? -Infinity;
		if (best === undefined || time >= bestTime) {
			best = message;
			bestTime = Math.max(bestTime, time);
		}
	}
	return best;
}

/** The first or the last readable message time as ISO 8601, null when there is none. */
export function chatTime(
	messages: LeadMessage[],
	pick: (a: number, b: number) => number,
): string | null {
	const times = messages.map(timeOf).filter((time): time is number => time !== undefined);
	return times.length ? new Date(times.reduce((a, b) => pick(a, b))).toISOString() : null;
}

/** "00:12:30" (hours may pass 24) -> 750; a plain number of seconds as it is; null otherwise. */
export function durationSeconds(value: unknown): number | null {
	const duration = text(value);
	if (duration === null) return null;
	if (/^\d+(\.\d+)?$/.test(duration)) return Number(duration);
	const parts = /^(\d+):(\d{1,2}):(\d{2})$/.exec(duration);
	return parts ? Number(parts[1]) * 3600 + Number(parts[2]) * 60 + Number(parts[3]) : null;
}
