import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, isEmailAddress, truncate } from '../shared';
import {
	FAX_EXTENSIONS,
	fileInputs,
	MAX_TOTAL_BYTES,
	MAX_VOICE_BYTES,
	readFiles,
	VOICE_EXTENSIONS,
} from './jobFiles';
import type { MessageText } from './jobMergeFields';
import {
	cutoffHour,
	invalid,
	keyResponses,
	scheduledDate,
	smsOptions,
	type Zones,
} from './jobOptions';
import { CALL_TYPES, JOB_TYPES, SMS_TYPES, TTS_TYPES, type JobType } from './jobTypes';

/** Everything of a job except its recipients and callback URL, read from one item and checked. */
export interface JobContent {
	body: IDataObject;
	/** Texts that may hold %%merge%% placeholders, with the field name the user sees. */
	texts: MessageText[];
	/** Extra placeholders Welcorp fills in itself. */
	builtInMergeFields: string[];
}

function readText(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '');
	return value === undefined || value === null ? '' : String(value).trim();
}

export async function readJobContent(
	this: IExecuteFunctions,
	itemIndex: number,
	type: JobType,
	zones: Zones,
): Promise<JobContent> {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		job_type: JOB_TYPES[type].create,
		job_name: String(extra.jobName ?? '').trim() || undefined,
		scheduled_date: scheduledDate(node, extra.scheduledDate, zones, itemIndex),
		dedupe: extra.dedupe === undefined ? undefined : extra.dedupe ? 1 : 0,
		cutoff_hour: cutoffHour(node, extra.cutoffHour, itemIndex),
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
		if (!isEmailAddress(fromEmail))
			throw invalid(
				node,
				'From Email',
				fromEmail ? `"${truncate(fromEmail, 80)}" is not an email address` : 'it is required',
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
