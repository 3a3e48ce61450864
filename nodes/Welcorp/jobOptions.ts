import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, isEmailAddress, parseDateInput, truncate } from '../shared';
import { isPhoneNumber } from './jobRecipients';
import { TWO_WAY_SMS_TYPES, type JobType } from './jobTypes';
import { formatAccountTime } from './transport/values';

/** The Additional Fields of Job → Create that need more than their type, checked before sending. */

export interface Zones {
	workflow: string;
	account: string;
}

export function invalid(
	node: INode,
	field: string,
	message: string,
	itemIndex: number,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${field}": ${message}`, { itemIndex, description });
}

export function cutoffHour(node: INode, value: unknown, itemIndex: number): string | undefined {
	const raw = String(value ?? '').trim();
	if (!raw) return undefined;
	const match = /^(\d{1,2}):(\d{2})$/.exec(raw);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
		throw invalid(
			node,
			'Cutoff Hour',
			`"${raw}" is not a time of day`,
			itemIndex,
			'Use HH:mm between 00:00 and 23:59, e.g. 18:00.',
		);
	}
	return `${match[1].padStart(2, '0')}:${match[2]}`;
}

export function scheduledDate(
	node: INode,
	value: unknown,
	zones: Zones,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = parseDateInput(node, value, 'Schedule Date', zones.workflow, itemIndex);
	if (date.toMillis() <= Date.now()) {
		throw invalid(
			node,
			'Schedule Date',
			`${date.toISO()} is in the past`,
			itemIndex,
			'Welcorp only accepts a schedule date in the future.',
		);
	}
	return formatAccountTime(date.toJSDate(), zones.account);
}

export function keyResponses(
	node: INode,
	value: IDataObject | undefined,
	itemIndex: number,
): IDataObject[] | undefined {
	const rows = (value?.response ?? []) as IDataObject[];
	if (rows.length === 0) return undefined;
	const seen = new Set<number>();
	return rows.map((row) => {
		const key = Number(row.keyPress);
		if (!Number.isInteger(key) || key < 0 || key > 9) {
			throw invalid(
				node,
				'Key Responses',
				`key ${String(row.keyPress)} is not a phone key`,
				itemIndex,
				'Use a whole number from 0 to 9.',
			);
		}
		if (seen.has(key)) throw invalid(node, 'Key Responses', `key ${key} is used twice`, itemIndex);
		seen.add(key);
		const redirect = String(row.redirectTo ?? '').trim();
		if (redirect && !isPhoneNumber(redirect))
			throw invalid(
				node,
				'Key Responses',
				`"${redirect}" (Redirect To) is not a phone number`,
				itemIndex,
			);
		return compact({
			key_press: key,
			response_message: String(row.responseMessage ?? '').trim(),
			redirect_to: redirect,
		});
	});
}

export function smsOptions(
	node: INode,
	type: JobType,
	extra: IDataObject,
	itemIndex: number,
): IDataObject {
	const senderId = String(extra.senderId ?? '').trim();
	if (senderId && !/^[A-Za-z0-9 ]{1,11}$/.test(senderId) && !isPhoneNumber(senderId)) {
		throw invalid(
			node,
			'Sender ID',
			`"${senderId}" is not a sender ID`,
			itemIndex,
			'Use up to 11 letters or digits, or a mobile number.',
		);
	}
	const body: IDataObject = {
		manual_sender_id: senderId || undefined,
		callback_on_sms_status_update: extra.statusCallbacks as boolean | undefined,
	};
	if (!TWO_WAY_SMS_TYPES.includes(type)) return body;
	if (senderId && extra.useCustomSenderId !== true) {
		throw invalid(
			node,
			'Sender ID',
			`2 way jobs only use it with "Use Custom Sender ID" on`,
			itemIndex,
			'Without it, replies come back to a Welcorp number and the Sender ID is ignored.',
		);
	}
	const replyEmail = String(extra.replyEmail ?? '').trim();
	if (replyEmail && !isEmailAddress(replyEmail))
		throw invalid(
			node,
			'Reply Email',
			`"${truncate(replyEmail, 80)}" is not an email address`,
			itemIndex,
		);
	if (
		extra.expires !== undefined &&
		(!Number.isInteger(extra.expires) || (extra.expires as number) < 1)
	) {
		throw invalid(
			node,
			'Reply Period (Hours)',
			`${String(extra.expires)} must be a whole number of hours, at least 1`,
			itemIndex,
		);
	}
	return {
		...body,
		response_email_address: replyEmail || undefined,
		optout_code: String(extra.optOutCode ?? '').trim() || undefined,
		batch_replies: extra.batchReplies as boolean | undefined,
		expires: extra.expires as number | undefined,
		use_two_way_custom_sender_id: extra.useCustomSenderId as boolean | undefined,
	};
}
