import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { parseDateInput } from '../../shared';
import { WELCORP } from './index';

/** Welcorp's list dates: "2023-08-29 22:15:57" in the account's time zone. */
const ACCOUNT_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const DEFAULT_ZONE = 'Australia/Sydney';

/** The credential's Account Time Zone, checked before anything is sent. */
export async function accountZone(context: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await context.getCredentials(WELCORP.credentialType);
	const zone = String(credentials.timeZone || DEFAULT_ZONE).trim();
	if (!DateTime.now().setZone(zone).isValid) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Account Time Zone" in the Welcorp credential: "${zone}" is not an IANA time zone`,
			{ itemIndex, description: 'Use a name such as Australia/Sydney or UTC. Nothing was sent.' },
		);
	}
	return zone;
}

/** A user-given date (workflow time zone unless it has an offset) as the account's local time. */
export function toAccountTime(
	node: INode,
	value: unknown,
	field: string,
	zones: { workflow: string; account: string },
	itemIndex?: number,
): string {
	return parseDateInput(node, value, field, zones.workflow, itemIndex)
		.setZone(zones.account)
		.toFormat(ACCOUNT_FORMAT);
}

export function formatAccountTime(date: Date, accountZone: string): string {
	return DateTime.fromJSDate(date).setZone(accountZone).toFormat(ACCOUNT_FORMAT);
}

/** A Welcorp date: with an offset (details) or without (lists, account time). */
export function parseAccountTime(text: unknown, accountZone: string): Date | undefined {
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	let parsed = DateTime.fromISO(text.trim(), { zone: accountZone });
	if (!parsed.isValid) parsed = DateTime.fromSQL(text.trim(), { zone: accountZone });
	return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** A Welcorp date as ISO 8601 in UTC, or null when it is empty or unreadable. */
export function isoTime(text: unknown, accountZone: string): string | null {
	return parseAccountTime(text, accountZone)?.toISOString() ?? null;
}

/** A number Welcorp may send as text; null when empty or not a number. */
export function numberOrNull(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

export function textOrNull(value: unknown): string | null {
	return value === undefined || value === null || String(value).trim() === ''
		? null
		: String(value);
}
