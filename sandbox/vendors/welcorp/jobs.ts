import { deriveSeed, Rng } from '../../core/prng';
import type { Account } from './accounts';
import { AGENT, MAIN_USER, OTHER_AGENT } from './accounts';
import type { Recipient } from './jobSchema';
import { CALL_KINDS, isPhoneKind, JOB_TYPE_NAMES, SMS_KINDS, type JobKind } from './jobTypes';
import type { AccountTime } from './time';

export interface Reply {
	destination: string;
	response: string;
	atMs: number;
}

export interface JobRecord {
	job_id: number;
	user_id: number;
	user_code: string;
	kind: JobKind;
	job_name: string;
	startMs: number;
	sendMs: number;
	completeMs: number;
	scheduledMs: number | null;
	closed: boolean;
	recipientCount: number;
	/** Who the job goes to; null for seeded jobs (generated from the job id when asked). */
	recipients: Recipient[] | null;
	/** The job was sent to uploaded lists: details show user_list_ids instead of recipients. */
	userListIds: number[] | null;
	dedupe: boolean;
	cutoffHour: string | null;
	callbackUrl: string | null;
	smsStatusCallbacks: boolean;
	fields: Record<string, unknown>;
	replies: Reply[];
	/** Completion callbacks were posted (only jobs created through the API have any). */
	callbacksDone: boolean;
	/** Keys pressed through the control API (2 way TTS), by destination. */
	pressed?: Record<string, number>;
	/** Destinations whose report the control API already posted: completion does not repeat it. */
	reported?: string[];
}

export type JobStatus = 'Broadcast Submitted' | 'Complete' | 'Closed';

export interface Report {
	report_id: number;
	reference: string | null;
	recipient: string | null;
	destination: string;
	status: string;
	duration: number;
	message_cost: number;
	stage: string;
	notes: string;
	send_date_time: string;
	keypress?: number | null;
	voicemail?: boolean;
	response?: string | null;
}

export function jobStatus(job: JobRecord, nowMs: number): JobStatus {
	if (job.closed) return 'Closed';
	return nowMs >= job.completeMs ? 'Complete' : 'Broadcast Submitted';
}

export function isFinished(job: JobRecord, nowMs: number): boolean {
	return job.closed || nowMs >= job.completeMs;
}

const NAMES = [
	'Jane Smith',
	'John Citizen',
	'Kevin Lee',
	'Mia Nguyen',
	'Olivia Brown',
	'Noah White',
	'Ava Harris',
	'Liam Taylor',
];

function destinationFor(kind: JobKind, rng: Rng, i: number): string {
	if (kind === 'email') return `customer${i + 1}.${rng.digits(4)}@example.com`;
	if (kind === 'fax') return `03${rng.digits(8)}`;
	return `614${rng.digits(8)}`;
}

/** Recipients of a seeded job: the same every time for the same job id. */
export function seededRecipients(job: JobRecord, seed: number): Recipient[] {
	const rng = new Rng(deriveSeed(seed, `welcorp:job:${job.job_id}`));
	return Array.from({ length: job.recipientCount }, (_, i) => ({
		destination: destinationFor(job.kind, rng, i),
		reference: `Customer ${rng.int(100, 999)}`,
		recipient: rng.pick(NAMES),
	}));
}

export function recipientsOf(job: JobRecord, seed: number): Recipient[] {
	return job.recipients ?? seededRecipients(job, seed);
}

interface Outcome {
	status: string;
	duration: number;
	cost: number;
	keypress: number | null;
	voicemail: boolean;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Deterministic delivery: destinations ending in 99 (or emails starting with "bounce") fail,
 * calls to numbers ending in 8 are not answered, in 7 go to voicemail.
 */
export function outcome(job: JobRecord, destination: string): Outcome {
	const digits = destination.replace(/\D/g, '');
	const failed = isPhoneKind(job.kind) ? digits.endsWith('99') : /^bounce/i.test(destination);
	const sum = [...digits].reduce((total, digit) => total + Number(digit), 0);
	const none = { duration: 0, cost: 0, keypress: null, voicemail: false };
	if (failed) return { status: 'FAILED', ...none };
	if (SMS_KINDS.includes(job.kind)) {
		const segments = Math.max(1, Math.ceil(String(job.fields.message ?? '').length / 160));
		return {
			status: 'SENT',
			...none,
			duration: segments,
			cost: job.kind === 'mms' ? 0.45 : round(0.13 * segments),
		};
	}
	if (job.kind === 'email') return { status: 'SENT', ...none, cost: 0.02 };
	if (job.kind === 'fax') {
		const pages = Math.max(1, (job.fields.files as unknown[] | undefined)?.length ?? 1);
		return { status: 'SENT', ...none, duration: 30 * pages, cost: round(0.22 * pages) };
	}
	const pressed = job.pressed?.[destination];
	if (digits.endsWith('8') && pressed === undefined) return { status: 'NO ANSWER', ...none };
	const duration = 20 + (sum % 60);
	if (pressed !== undefined) {
		const cost = round(0.38 * Math.ceil(duration / 30));
		return { status: 'SENT', duration, cost, keypress: pressed, voicemail: false };
	}
	const voicemail = digits.endsWith('7');
	let keypress: number | null = null;
	if (job.kind === '2 way tts' && !voicemail) {
		const keys = (
			(job.fields.two_way_key_responses as Array<{ key_press: number }> | null) ?? []
		).map((row) => row.key_press);
		keypress = keys.length ? keys[sum % keys.length] : sum % 10;
	}
	return {
		status: 'SENT',
		duration,
		cost: round(0.38 * Math.ceil(duration / 30)),
		keypress,
		voicemail,
	};
}

export function reportTime(job: JobRecord, index: number, count: number): number {
	const span = Math.max(0, job.completeMs - job.sendMs);
	return Math.floor((job.sendMs + (span * (index + 1)) / (count + 1)) / 1000) * 1000;
}

export function reportsOf(job: JobRecord, recipients: Recipient[], time: AccountTime): Report[] {
	return recipients.map((recipient, i) => {
		const result = outcome(job, recipient.destination);
		const report: Report = {
			report_id: job.job_id * 100_000 + i + 1,
			reference: recipient.reference ?? null,
			recipient: recipient.recipient ?? null,
			destination: recipient.destination,
			status: result.status,
			duration: result.duration,
			message_cost: result.cost,
			stage: result.status === 'SENT' ? 'Confirmed' : 'Failed',
			notes: result.status === 'SENT' ? 'Delivered./n' : `${result.status}./n`,
			send_date_time: time.iso(reportTime(job, i, recipients.length)),
		};
		if (CALL_KINDS.includes(job.kind))
			Object.assign(report, { keypress: result.keypress, voicemail: result.voicemail });
		if (job.kind === '2 way sms' || job.kind === 'mms') {
			report.response =
				job.replies.find((reply) => reply.destination === recipient.destination)?.response ?? null;
		}
		return report;
	});
}

export interface Totals {
	sent: number;
	failed: number;
	amount: number;
	duration: number;
}

export function totalsOf(reports: Report[]): Totals {
	const sent = reports.filter((report) => report.status === 'SENT').length;
	return {
		sent,
		failed: reports.length - sent,
		amount: round(reports.reduce((sum, report) => sum + report.message_cost, 0)),
		duration: reports.reduce((sum, report) => sum + report.duration, 0),
	};
}

// ---- seed ----

const KIND_WEIGHTS: Array<[JobKind, number]> = [
	['sms', 55],
	['2 way sms', 15],
	['email', 10],
	['tts', 6],
	['2 way tts', 3],
	['fax', 4],
	['voice', 3],
	['mms', 4],
];
const JOB_NAMES = [
	'Quick Send',
	'Quick Send',
	'Schedule-Reminder',
	'Appointment reminder',
	'Newsletter',
	'Overdue notice',
	'Survey follow-up',
];
const MESSAGES: Record<JobKind, Record<string, unknown>> = {
	sms: { message: 'Hi %%recipient%%, your appointment is tomorrow at 10am.' },
	'2 way sms': { message: 'Hi %%recipient%%, reply YES to confirm your booking.' },
	mms: {
		message: 'Our new catalogue',
		subject: 'Catalogue',
		files: [{ name: 'catalogue.jpg', url: 'https://example.com/catalogue.jpg' }],
	},
	tts: { message: 'This is a reminder from Generic Computer Corp.' },
	'2 way tts': {
		message: 'Press 1 to confirm, 2 to cancel.',
		two_way_key_responses: [
			{ key_press: 1, response_message: 'Thanks', redirect_to: null },
			{ key_press: 2, response_message: 'Cancelled', redirect_to: null },
		],
	},
	fax: { files: [{ name: 'invoice.pdf', url: 'https://example.com/invoice.pdf' }] },
	email: {
		subject: 'Your statement',
		text_message: 'Hi %%recipient%%, your statement is ready.',
		from_email: 'accounts@example.com',
	},
	voice: { audiofile: { name: 'message.wav', url: 'https://example.com/message.wav' } },
};

/** Jobs of the main user (the doc's total) and of a few other users, oldest first, ids increasing. */
export const MAIN_USER_JOBS = 2406;
const OTHER_JOBS = 360;
const SPAN_DAYS = 365;

export function seedJobs(rng: Rng, anchorMs: number, accounts: Account[]): JobRecord[] {
	const byAgent = (agent: number) =>
		accounts.filter(
			(a) => a.role === 'User' && a.user.agent_id === agent && a.user.user_id !== MAIN_USER.user_id,
		);
	const others = [
		...byAgent(AGENT.user_id).slice(0, 30),
		...byAgent(OTHER_AGENT.user_id).slice(0, 10),
		...accounts.filter((a) => a.user.dist_id === 2 && a.role === 'User').slice(0, 5),
	];
	const main = accounts.find((a) => a.user.user_id === MAIN_USER.user_id)!;
	const owners = [
		...Array.from({ length: MAIN_USER_JOBS }, () => main),
		...Array.from({ length: OTHER_JOBS }, () => rng.pick(others)),
	];
	const timed = owners
		.map((owner) => ({ owner, startMs: anchorMs - rng.int(60, SPAN_DAYS * 86_400) * 1000 }))
		.sort((a, b) => a.startMs - b.startMs);
	let id = 57_100_000;
	return timed.map(({ owner, startMs }) => {
		id += rng.int(1, 40);
		const kind = rng.weighted(KIND_WEIGHTS);
		const scheduledMs = rng.bool(0.05) ? startMs + rng.int(1, 48) * 3_600_000 : null;
		const sendMs = scheduledMs ?? startMs + rng.int(2, 60) * 1000;
		const recipientCount = rng.bool(0.6) ? 1 : rng.int(2, rng.bool(0.9) ? 40 : 400);
		return {
			job_id: id,
			user_id: owner.user.user_id,
			user_code: owner.user.user_code,
			kind,
			job_name: rng.pick(JOB_NAMES),
			startMs,
			sendMs,
			completeMs: sendMs + rng.int(60, 3600) * 1000,
			scheduledMs,
			closed: rng.bool(0.02),
			recipientCount,
			recipients: null,
			userListIds: null,
			dedupe: true,
			cutoffHour: null,
			callbackUrl: null,
			smsStatusCallbacks: false,
			fields: MESSAGES[kind],
			replies: [],
			callbacksDone: true,
		};
	});
}

// ---- output ----

/** Totals of seeded jobs never change (their recipients come from the job id): compute them once. */
const seededTotals = new Map<string, Totals>();

function finishedTotals(job: JobRecord, time: AccountTime, seed: number): Totals {
	const key = `${seed}:${job.job_id}`;
	const known = job.recipients === null ? seededTotals.get(key) : undefined;
	if (known) return known;
	const totals = totalsOf(reportsOf(job, recipientsOf(job, seed), time));
	if (job.recipients === null) seededTotals.set(key, totals);
	return totals;
}

export function listRow(
	job: JobRecord,
	nowMs: number,
	time: AccountTime,
	detailsUrl: string,
	seed: number,
) {
	const finished = isFinished(job, nowMs);
	const totals = finished ? finishedTotals(job, time, seed) : undefined;
	return {
		job_id: job.job_id,
		user_id: job.user_id,
		user_code: job.user_code,
		job_type: JOB_TYPE_NAMES[job.kind],
		job_name: job.job_name,
		start_date: time.list(job.startMs),
		send_date: nowMs >= job.sendMs ? time.list(job.sendMs) : null,
		complete_date: finished ? time.list(job.completeMs) : null,
		scheduled_date: job.scheduledMs === null ? null : time.list(job.scheduledMs),
		total_recipients: job.recipientCount,
		failed_recipients: totals?.failed ?? 0,
		sent_recipients: totals?.sent ?? 0,
		total_amount: totals?.amount ?? null,
		job_status: jobStatus(job, nowMs),
		details_url: detailsUrl,
	};
}

export function jobDetail(job: JobRecord, nowMs: number, time: AccountTime, seed: number) {
	const finished = isFinished(job, nowMs);
	const recipients = recipientsOf(job, seed);
	const reports = finished ? reportsOf(job, recipients, time) : [];
	const totals = finished ? totalsOf(reports) : undefined;
	return {
		job_id: job.job_id,
		user_id: job.user_id,
		cost: totals?.amount ?? null,
		user_code: job.user_code,
		job_type: JOB_TYPE_NAMES[job.kind],
		job_name: job.job_name,
		start_date: time.iso(job.startMs),
		send_date: nowMs >= job.sendMs ? time.iso(job.sendMs) : null,
		complete_date: finished ? time.iso(job.completeMs) : null,
		scheduled_date: job.scheduledMs === null ? null : time.iso(job.scheduledMs),
		dedupe: job.dedupe ? 1 : 0,
		total_recipients: job.recipientCount,
		failed_recipients: totals?.failed ?? 0,
		sent_recipients: totals?.sent ?? 0,
		total_amount: totals?.amount ?? null,
		total_duration: totals?.duration ?? 0,
		job_status: jobStatus(job, nowMs),
		recipients: job.userListIds ? null : recipients,
		user_list_ids: job.userListIds ? job.userListIds.join(',') : null,
		callback_url: job.callbackUrl,
		additional_report_emails: null,
		cutoff_hour: job.cutoffHour,
		...(SMS_KINDS.includes(job.kind)
			? { callback_on_sms_status_update: job.smsStatusCallbacks }
			: {}),
		...job.fields,
		reports,
	};
}
