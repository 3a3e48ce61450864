import type { Recipient } from './jobSchema';
import { outcome, reportTime, type JobRecord, type Reply } from './jobs';
import { CALL_KINDS, SMS_KINDS } from './jobTypes';
import type { AccountTime } from './time';

export type CallbackEvent = 'deliveryReport' | 'smsStatus' | 'smsReply';

export interface Callback {
	event: CallbackEvent;
	url: string;
	/** Field order as the doc lists it; posted as application/x-www-form-urlencoded. */
	fields: Array<[string, string]>;
}

export interface CallbackRecord {
	seq: number;
	event: CallbackEvent;
	url: string;
	jobId: number;
	body: Record<string, string>;
	rawBody: string;
	/** HTTP status of the receiver's answer; undefined when nothing was sent. */
	status?: number;
	error?: string;
}

function common(
	job: JobRecord,
	recipient: Recipient,
	atMs: number,
	time: AccountTime,
): Array<[string, string]> {
	return [
		['BroadcastID', String(job.job_id)],
		['Timestamp', time.iso(atMs)],
		['Reference', recipient.reference ?? ''],
		['Recipient', recipient.recipient ?? ''],
		['Destination', recipient.destination],
	];
}

/** The report of one recipient: a call or fax delivery report, or an SMS status. */
export function recipientReport(
	job: JobRecord,
	recipient: Recipient,
	atMs: number,
	time: AccountTime,
): Callback | undefined {
	const url = job.callbackUrl;
	if (!url) return undefined;
	const name: [string, string] = ['BroadcastName', job.job_name];
	const result = outcome(job, recipient.destination);
	if (CALL_KINDS.includes(job.kind) || job.kind === 'fax') {
		return {
			event: 'deliveryReport',
			url,
			fields: [
				...common(job, recipient, atMs, time),
				['Status', result.status],
				['Duration', String(result.duration)],
				['Cost', String(result.cost)],
				['Keypress', result.keypress === null ? '' : String(result.keypress)],
				['Voicemail', String(result.voicemail)],
				name,
			],
		};
	}
	if (SMS_KINDS.includes(job.kind) && job.smsStatusCallbacks) {
		return {
			event: 'smsStatus',
			url,
			fields: [...common(job, recipient, atMs, time), ['Status', result.status], name],
		};
	}
	return undefined;
}

/**
 * What a job posts when it completes: a report per recipient for calls and faxes, SMS status if
 * asked; recipients whose report the control API already sent are not reported again.
 */
export function completionCallbacks(
	job: JobRecord,
	recipients: Recipient[],
	time: AccountTime,
): Callback[] {
	const callbacks: Callback[] = [];
	recipients.forEach((recipient, i) => {
		if (job.reported?.includes(recipient.destination)) return;
		const at = reportTime(job, i, recipients.length);
		const callback = recipientReport(job, recipient, at, time);
		if (callback) callbacks.push(callback);
	});
	return callbacks;
}

export function replyCallback(
	job: JobRecord,
	recipient: Recipient,
	reply: Reply,
	time: AccountTime,
): Callback | undefined {
	if (!job.callbackUrl) return undefined;
	return {
		event: 'smsReply',
		url: job.callbackUrl,
		fields: [
			...common(job, recipient, reply.atMs, time),
			['Response', reply.response],
			['BroadcastName', job.job_name],
		],
	};
}

/** The emulator only ever calls back to this machine. */
export function deliverable(url: string): boolean {
	try {
		return new URL(url).hostname === '127.0.0.1';
	} catch {
		return false;
	}
}

export async function post(
	callback: Callback,
	record: CallbackRecord,
	timeoutMs: number,
): Promise<void> {
	if (!deliverable(callback.url)) {
		record.error = 'not sent: the emulator only calls back to 127.0.0.1';
		return;
	}
	try {
		const answer = await fetch(callback.url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: record.rawBody,
			signal: AbortSignal.timeout(timeoutMs),
		});
		record.status = answer.status;
		await answer.arrayBuffer();
	} catch (error) {
		// fetch says only "fetch failed": the cause tells a refused connection from a reset one
		const { message, cause } = error as Error & { cause?: { code?: string } };
		record.error = cause?.code ? `${message} (${cause.code})` : message;
	}
}
