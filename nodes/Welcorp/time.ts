import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDateInput } from '../shared';

/** Welcorp's list dates: "2023-08-29 22:15:57" in the account's time zone. */
export const ACCOUNT_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export function checkTimeZone(node: INode, zone: string): string {
	if (!DateTime.now().setZone(zone).isValid) {
		throw new NodeOperationError(
			node,
			`Invalid "Account Time Zone" in the Welcorp credential: "${zone}" is not an IANA time zone`,
			{
				description: 'Use a name such as Australia/Sydney or UTC.',
			},
		);
	}
	return zone;
}

/** A user-given date (workflow time zone unless it has an offset) as the account's local time. */
export function toAccountTime(
	node: INode,
	value: unknown,
	field: string,
	workflowZone: string,
	accountZone: string,
	itemIndex?: number,
): string {
	return parseDateInput(node, value, field, workflowZone, itemIndex)
		.setZone(accountZone)
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
