import type { IExecuteFunctions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { parseDateInput } from '../shared';
import { invalid } from './jobOptions';

const UNIT_MS: Record<string, number> = {
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

export interface WaitLimit {
	/** When n8n resumes the execution without a reply (n8n's "forever" when not limited). */
	waitTill: Date;
	limited: boolean;
}

/** Limit Wait Time, checked before anything is sent. */
export function readWaitLimit(
	context: IExecuteFunctions,
	itemIndex: number,
	now = Date.now(),
): WaitLimit {
	if (context.getNodeParameter('limitWaitTime', itemIndex, false) !== true)
		return { waitTill: WAIT_INDEFINITELY, limited: false };
	const node = context.getNode();
	const type = context.getNodeParameter('limitType', itemIndex, 'afterTimeInterval') as string;
	if (type === 'atSpecifiedTime') {
		const value = context.getNodeParameter('maxDateAndTime', itemIndex, '');
		const date = parseDateInput(node, value, 'Max Date and Time', context.getTimezone(), itemIndex);
		if (date.toMillis() <= now)
			throw invalid(
				node,
				'Max Date and Time',
				`${date.toISO()} is in the past`,
				itemIndex,
				'The wait must end in the future. Nothing was sent.',
			);
		return { waitTill: date.toJSDate(), limited: true };
	}
	const amount = Number(context.getNodeParameter('resumeAmount', itemIndex, 1));
	const unit = String(context.getNodeParameter('resumeUnit', itemIndex, 'hours'));
	if (!Number.isFinite(amount) || amount <= 0 || !UNIT_MS[unit])
		throw invalid(
			node,
			'Amount',
			`${String(amount)} ${unit} is not a wait time`,
			itemIndex,
			'Use a number above 0. Nothing was sent.',
		);
	return { waitTill: new Date(now + amount * UNIT_MS[unit]), limited: true };
}

/** Welcorp's reply period (whole hours, at least 1) long enough for the whole wait. */
export function replyPeriodHours(limit: WaitLimit, now = Date.now()): number | undefined {
	if (!limit.limited) return undefined;
	return Math.max(1, Math.ceil((limit.waitTill.getTime() - now) / UNIT_MS.hours));
}
