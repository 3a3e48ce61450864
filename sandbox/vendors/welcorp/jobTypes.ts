/** Job types: the code used to create a job, the name lists and details show, accepted spellings. */
export type JobKind = 'sms' | '2 way sms' | 'mms' | 'tts' | '2 way tts' | 'fax' | 'email' | 'voice';

export const JOB_TYPE_NAMES: Record<JobKind, string> = {
	sms: 'SMS',
	'2 way sms': '2 Way SMS',
	mms: 'MMS',
	tts: 'Text-to-speech',
	'2 way tts': '2 way TTS',
	fax: 'Fax',
	email: 'Email',
	voice: 'Voice',
};

const ALIASES: Record<string, JobKind> = {
	sms: 'sms',
	'2 way sms': '2 way sms',
	'two way sms': '2 way sms',
	mms: 'mms',
	tts: 'tts',
	'text-to-speech': 'tts',
	'text to speech': 'tts',
	'2 way tts': '2 way tts',
	'two way tts': '2 way tts',
	fax: 'fax',
	email: 'email',
	voice: 'voice',
};

/** Case-insensitive, as the doc says for the job_type filter. */
export function jobKind(value: unknown): JobKind | undefined {
	if (typeof value !== 'string') return undefined;
	return ALIASES[value.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export const SMS_KINDS: readonly JobKind[] = ['sms', '2 way sms', 'mms'];
export const TWO_WAY_SMS_KINDS: readonly JobKind[] = ['2 way sms', 'mms'];
export const CALL_KINDS: readonly JobKind[] = ['tts', '2 way tts', 'voice'];

export function isPhoneKind(kind: JobKind): boolean {
	return kind !== 'email';
}
