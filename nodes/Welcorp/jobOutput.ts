import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { redactCallbackUrl } from './callback';
import { isoTime, numberOrNull, textOrNull } from './transport/values';

/**
 * A job's details as Welcorp gives them, but for the callback URL: its secret (the credential's
 * Callback Secret, or the signature of a resume URL) must never reach an output.
 */
export function withoutSecrets(job: IDataObject): IDataObject {
	return 'callback_url' in job
		? { ...job, callback_url: redactCallbackUrl(job.callback_url) as string }
		: job;
}

/** What a job's details add to its list row: the content and where reports go. */
function detailFields(job: IDataObject): IDataObject {
	const reports = Array.isArray(job.reports) ? (job.reports as IDataObject[]) : [];
	return {
		durationSeconds: numberOrNull(job.total_duration),
		message: textOrNull(job.message ?? job.text_message),
		subject: textOrNull(job.subject),
		senderId: textOrNull(job.manual_sender_id),
		callbackUrl: textOrNull(redactCallbackUrl(job.callback_url)),
		userListIds: textOrNull(job.user_list_ids),
		reportCount: reports.length,
		replyCount: reports.filter((report) => textOrNull(report.response) !== null).length,
	};
}

/**
 * Simplified output of a job (list row or details): flat named fields, numbers as numbers, dates
 * as ISO 8601 in UTC (Welcorp lists them in the account's time zone), and the recipient counts.
 */
export function simplifyJob(job: IDataObject, zone: string): IDataObject {
	const recipients = numberOrNull(job.total_recipients);
	const delivered = numberOrNull(job.sent_recipients);
	const failed = numberOrNull(job.failed_recipients);
	const counted = recipients !== null && delivered !== null && failed !== null;
	return {
		jobId: numberOrNull(job.job_id),
		jobName: textOrNull(job.job_name),
		jobType: textOrNull(job.job_type),
		status: textOrNull(job.job_status),
		userId: numberOrNull(job.user_id),
		userCode: textOrNull(job.user_code),
		startedAt: isoTime(job.start_date, zone),
		sentAt: isoTime(job.send_date, zone),
		completedAt: isoTime(job.complete_date, zone),
		scheduledAt: isoTime(job.scheduled_date, zone),
		recipients,
		delivered,
		failed,
		pending: counted ? Math.max(0, recipients - delivered - failed) : null,
		cost: numberOrNull(job.total_amount),
		...('reports' in job ? detailFields(job) : {}),
	};
}

export const JOB_FIELDS: INodePropertyOptions[] = [
	{ name: 'Callback URL (Details)', value: 'callbackUrl' },
	{ name: 'Completed At', value: 'completedAt' },
	{ name: 'Cost', value: 'cost' },
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Duration Seconds (Details)', value: 'durationSeconds' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Job ID', value: 'jobId' },
	{ name: 'Job Name', value: 'jobName' },
	{ name: 'Job Type', value: 'jobType' },
	{ name: 'Message (Details)', value: 'message' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Recipients', value: 'recipients' },
	{ name: 'Replies (Details)', value: 'replyCount' },
	{ name: 'Reports (Details)', value: 'reportCount' },
	{ name: 'Scheduled At', value: 'scheduledAt' },
	{ name: 'Sender ID (Details)', value: 'senderId' },
	{ name: 'Sent At', value: 'sentAt' },
	{ name: 'Started At', value: 'startedAt' },
	{ name: 'Status', value: 'status' },
	{ name: 'Subject (Details)', value: 'subject' },
	{ name: 'User Code', value: 'userCode' },
	{ name: 'User ID', value: 'userId' },
	{ name: 'User List IDs (Details)', value: 'userListIds' },
];
