import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, parseDateInput } from '../../shared';
import { EMAIL_PATTERN, isPhoneNumber } from '../params';
import { ACCOUNT_FORMAT } from '../time';
import {
	FAX_EXTENSIONS,
	fileInputs,
	MAX_TOTAL_BYTES,
	MAX_VOICE_BYTES,
	readFiles,
	VOICE_EXTENSIONS,
} from './files';
import type { MessageText } from './mergeFields';
import {
	CALL_TYPES,
	JOB_TYPES,
	SMS_TYPES,
	TTS_TYPES,
	TWO_WAY_SMS_TYPES,
	type JobType,
} from './types';

/** Everything of a job except its recipients, read from one item and checked. */
export interface JobContent {
	body: IDataObject;
	/** Texts that may hold %%merge%% placeholders, with the field name the user sees. */
	texts: MessageText[];
	/** Extra placeholders Welcorp fills in itself. */
	builtInMergeFields: string[];
}

interface Zones {
	workflow: string;
	account: string;
}

function invalid(
	node: INode,
	field: string,
	message: string,
	itemIndex: number,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${field}": ${message}`, { itemIndex, description });
}

function readText(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '');
	return value === undefined || value === null ? '' : String(value).trim();
}

function cutoffHour(node: INode, value: unknown, itemIndex: number): string | undefined {
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

function scheduledDate(
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
	return date.setZone(zones.account).toFormat(ACCOUNT_FORMAT);
}

function keyResponses(
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

function smsOptions(
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
	if (replyEmail && !EMAIL_PATTERN.test(replyEmail))
		throw invalid(node, 'Reply Email', `"${replyEmail}" is not an email address`, itemIndex);
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

export async function readJobContent(
	this: IExecuteFunctions,
	itemIndex: number,
	type: JobType,
	zones: Zones,
): Promise<JobContent> {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const callbackUrl = String(extra.callbackUrl ?? '').trim();
	if (callbackUrl && !/^https?:\/\/[^\s/]+/i.test(callbackUrl))
		throw invalid(node, 'Callback URL', `"${callbackUrl}" is not an http(s) URL`, itemIndex);
	const body: IDataObject = {
		job_type: JOB_TYPES[type].create,
		job_name: String(extra.jobName ?? '').trim() || undefined,
		scheduled_date: scheduledDate(node, extra.scheduledDate, zones, itemIndex),
		dedupe: extra.dedupe === undefined ? undefined : extra.dedupe ? 1 : 0,
		cutoff_hour: cutoffHour(node, extra.cutoffHour, itemIndex),
		callback_url: callbackUrl || undefined,
	};
	const texts: MessageText[] = [];
	const builtIn: string[] = [];

	if (type !== 'fax' && type !== 'email' && type !== 'voice') {
		const message = readText.call(this, 'message', itemIndex);
		if (!message && type !== 'mms')
			throw invalid(node, 'Message', `it is required for ${JOB_TYPES[type].name} jobs`, itemIndex);
		body.message = message || undefined;
		texts.push({ label: 'Message', text: message });
	}
	if (SMS_TYPES.includes(type)) {
		Object.assign(body, smsOptions(node, type, extra, itemIndex));
		if (extra.useCustomSenderId === true) builtIn.push('replynum');
	}
	if (type === 'mms') {
		body.subject = String(extra.subject ?? '').trim() || undefined;
		texts.push({ label: 'Subject', text: String(body.subject ?? '') });
		const inputs = fileInputs(this.getNodeParameter('files', itemIndex, {}) as IDataObject);
		body.files = await readFiles.call(
			this,
			inputs,
			{ label: 'Media File', maxBytes: MAX_TOTAL_BYTES, min: 1, max: 1 },
			itemIndex,
		);
	}
	if (TTS_TYPES.includes(type)) {
		Object.assign(body, {
			header: String(extra.header ?? '').trim() || undefined,
			voicemail_message: String(extra.voicemailMessage ?? '').trim() || undefined,
			voice: String(extra.voice ?? '').trim() || undefined,
			skip_message_repeat: extra.skipMessageRepeat as boolean | undefined,
		});
		texts.push(
			{ label: 'Header', text: String(body.header ?? '') },
			{ label: 'Voicemail Message', text: String(body.voicemail_message ?? '') },
		);
	}
	if (CALL_TYPES.includes(type))
		body.preferred_destination_type = extra.preferredDestinationType as string | undefined;
	if (type === 'twoWayTts') {
		body.two_way_key_responses = keyResponses(
			node,
			this.getNodeParameter('keyResponses', itemIndex, {}) as IDataObject,
			itemIndex,
		);
		for (const row of (body.two_way_key_responses ?? []) as IDataObject[])
			texts.push({ label: 'Key Responses', text: String(row.response_message ?? '') });
	}
	if (type === 'fax') {
		body.use_high_resolution = extra.highResolution as boolean | undefined;
		const inputs = fileInputs(this.getNodeParameter('files', itemIndex, {}) as IDataObject);
		body.files = await readFiles.call(
			this,
			inputs,
			{ label: 'Documents', extensions: FAX_EXTENSIONS, maxBytes: MAX_TOTAL_BYTES, min: 1 },
			itemIndex,
		);
	}
	if (type === 'email') {
		const fromEmail = readText.call(this, 'fromEmail', itemIndex);
		if (!EMAIL_PATTERN.test(fromEmail))
			throw invalid(
				node,
				'From Email',
				fromEmail ? `"${fromEmail}" is not an email address` : 'it is required',
				itemIndex,
			);
		const html = readText.call(this, 'htmlMessage', itemIndex);
		const plain = readText.call(this, 'textMessage', itemIndex);
		if (!html && !plain)
			throw invalid(
				node,
				'HTML Message',
				'give an HTML message, a text message or both',
				itemIndex,
			);
		const inputs = fileInputs(this.getNodeParameter('attachments', itemIndex, {}) as IDataObject);
		const attachments = await readFiles.call(
			this,
			inputs,
			{ label: 'Attachments', maxBytes: MAX_TOTAL_BYTES, min: 0 },
			itemIndex,
		);
		Object.assign(body, {
			subject: readText.call(this, 'subject', itemIndex) || undefined,
			html_message: html || undefined,
			text_message: plain || undefined,
			from_name: readText.call(this, 'fromName', itemIndex) || undefined,
			from_email: fromEmail,
			attachments: attachments.length ? attachments : undefined,
		});
		texts.push(
			{ label: 'Subject', text: String(body.subject ?? '') },
			{ label: 'HTML Message', text: html },
			{ label: 'Text Message', text: plain },
		);
	}
	if (type === 'voice') {
		const inputs = fileInputs(this.getNodeParameter('audio', itemIndex, {}) as IDataObject);
		const [audio] = await readFiles.call(
			this,
			inputs,
			{
				label: 'Audio File',
				extensions: VOICE_EXTENSIONS,
				maxBytes: MAX_VOICE_BYTES,
				min: 1,
				max: 1,
			},
			itemIndex,
		);
		body.audiofile = audio as unknown as IDataObject;
	}
	return {
		body: compact(body),
		texts: texts.filter((entry) => entry.text),
		builtInMergeFields: builtIn,
	};
}
