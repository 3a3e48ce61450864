/** The job types: the node's option value, what POST /jobs expects and what the job_type filter takes. */
export type JobType = 'sms' | 'twoWaySms' | 'mms' | 'tts' | 'twoWayTts' | 'fax' | 'email' | 'voice';

interface JobTypeInfo {
	name: string;
	description: string;
	/** job_type when creating. */
	create: string;
	/** job_type for the list filter (the doc's names; the filter is case-insensitive). */
	filter: string;
}

export const JOB_TYPES: Record<JobType, JobTypeInfo> = {
	sms: { name: 'SMS', description: 'One way text message', create: 'sms', filter: 'Sms' },
	twoWaySms: {
		name: '2 Way SMS',
		description: 'Text message whose replies are collected',
		create: '2 way sms',
		filter: '2 Way SMS',
	},
	mms: {
		name: 'MMS',
		description: 'Picture message with a subject and one media file; replies are collected',
		create: 'mms',
		filter: 'MMS',
	},
	tts: {
		name: 'Text to Speech',
		description: 'Phone call reading the message out',
		create: 'tts',
		filter: 'Text-to-speech',
	},
	twoWayTts: {
		name: '2 Way Text to Speech',
		description: 'Phone call that records key presses and can act on them',
		create: '2 way tts',
		filter: '2 way TTS',
	},
	fax: { name: 'Fax', description: 'Fax of one or more documents', create: 'fax', filter: 'Fax' },
	email: {
		name: 'Email',
		description: 'Email with optional attachments',
		create: 'email',
		filter: 'Email',
	},
	voice: {
		name: 'Voice',
		description: 'Phone call playing a recorded WAV file',
		create: 'voice',
		filter: 'Voice',
	},
};

export const ALL_JOB_TYPES = Object.keys(JOB_TYPES) as JobType[];

/** The choice of job types, for a job form (`create`, limited to `types`) or the list filter. */
export function jobTypeOptions(key: 'create' | 'filter', types: JobType[] = ALL_JOB_TYPES) {
	return types.map((value) => ({
		name: JOB_TYPES[value].name,
		value: key === 'create' ? value : JOB_TYPES[value].filter,
		description: JOB_TYPES[value].description,
	}));
}

export const SMS_TYPES: JobType[] = ['sms', 'twoWaySms', 'mms'];
export const TWO_WAY_SMS_TYPES: JobType[] = ['twoWaySms', 'mms'];
export const TTS_TYPES: JobType[] = ['tts', 'twoWayTts'];
export const CALL_TYPES: JobType[] = ['tts', 'twoWayTts', 'voice'];

/** The doc's job statuses; lists show them capitalised ("Complete"). */
export const JOB_STATUSES = ['broadcast submitted', 'complete', 'closed'];

export function isStatus(row: { job_status?: string | null }, status: string): boolean {
	return (row.job_status ?? '').trim().toLowerCase() === status;
}
