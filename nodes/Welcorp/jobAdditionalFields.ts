import type { INodeProperties } from 'n8n-workflow';

import { formShow, hasTypeChoice, typesIn, type JobForm } from './jobForm';
import { ALL_JOB_TYPES, SMS_TYPES, TTS_TYPES, TWO_WAY_SMS_TYPES, type JobType } from './jobTypes';

/** One optional job field and the job types that take it. */
type Entry = [JobType[], INodeProperties];

const ENTRIES: Entry[] = [
	[
		TWO_WAY_SMS_TYPES,
		{
			displayName: 'Batch Replies',
			name: 'batchReplies',
			type: 'boolean',
			default: false,
			description:
				'Whether all replies are emailed together when the reply period ends, instead of one email per reply',
		},
	],
	[
		ALL_JOB_TYPES,
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/.../welcorp?token=...',
			description:
				'Welcorp posts delivery reports (fax, TTS, voice), SMS replies and, with Status Callbacks on, SMS delivery reports here. Use the URL shown by the Welcorp Callback Trigger.',
		},
	],
	[
		ALL_JOB_TYPES,
		{
			displayName: 'Cutoff Hour',
			name: 'cutoffHour',
			type: 'string',
			default: '',
			placeholder: '18:00',
			description:
				'Time of day (HH:mm, account time zone) after which no more messages of this job are sent',
		},
	],
	[
		TTS_TYPES,
		{
			displayName: 'Header',
			name: 'header',
			type: 'string',
			default: '',
			description: 'Read out once before the message (not repeated)',
		},
	],
	[
		['fax'],
		{
			displayName: 'High Resolution',
			name: 'highResolution',
			type: 'boolean',
			default: false,
			description: 'Whether the fax is sent in high resolution',
		},
	],
	[
		ALL_JOB_TYPES,
		{
			displayName: 'Job Name',
			name: 'jobName',
			type: 'string',
			default: '',
			placeholder: 'Schedule-Reminder',
			description: 'Name to find the job by later (Job → Get Many can filter on it)',
		},
	],
	[
		TWO_WAY_SMS_TYPES,
		{
			displayName: 'Opt-Out Code',
			name: 'optOutCode',
			type: 'string',
			default: '',
			placeholder: 'STOP',
			description: 'Recipients replying with this code are added to your opt-out list',
		},
	],
	[
		['tts', 'twoWayTts', 'voice'],
		{
			displayName: 'Preferred Destination Type',
			name: 'preferredDestinationType',
			type: 'options',
			options: [
				{ name: 'Mobile', value: 'Mobile' },
				{ name: 'Phone', value: 'Phone' },
			],
			default: 'Mobile',
			description: 'Which number to call when a contact of an uploaded list has both',
		},
	],
	[
		ALL_JOB_TYPES,
		{
			displayName: 'Remove Duplicates',
			name: 'dedupe',
			type: 'boolean',
			default: true,
			description: 'Whether recipients with the same destination get the message only once',
		},
	],
	[
		TWO_WAY_SMS_TYPES,
		{
			displayName: 'Reply Email',
			name: 'replyEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address replies are sent to',
		},
	],
	[
		TWO_WAY_SMS_TYPES,
		{
			displayName: 'Reply Period (Hours)',
			name: 'expires',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 24,
			description: 'How long replies are forwarded (Welcorp default 24 hours)',
		},
	],
	[
		ALL_JOB_TYPES,
		{
			displayName: 'Schedule Date',
			name: 'scheduledDate',
			type: 'dateTime',
			default: '',
			description: 'Send later, at this time (must be in the future)',
		},
	],
	[
		SMS_TYPES,
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			placeholder: 'MyCompany',
			description:
				'Displayed sender: up to 11 letters or digits, or a mobile number (must be whitelisted by Welcorp). For 2 way jobs it is only used with Use Custom Sender ID.',
		},
	],
	[
		TTS_TYPES,
		{
			displayName: 'Skip Message Repeat',
			name: 'skipMessageRepeat',
			type: 'boolean',
			default: false,
			description: 'Whether the message is read out only once',
		},
	],
	[
		SMS_TYPES,
		{
			displayName: 'Status Callbacks',
			name: 'statusCallbacks',
			type: 'boolean',
			default: false,
			description: 'Whether SMS delivery reports are also posted to the callback URL',
		},
	],
	[
		['mms'],
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			description: 'Subject of the MMS',
		},
	],
	[
		TWO_WAY_SMS_TYPES,
		{
			displayName: 'Use Custom Sender ID',
			name: 'useCustomSenderId',
			type: 'boolean',
			default: false,
			description:
				'Whether to send from the Sender ID instead of a Welcorp reply number. Replies then go to your sender ID, so add something like "reply to %%ReplyNum%%" to the message.',
		},
	],
	[
		TTS_TYPES,
		{
			displayName: 'Voice',
			name: 'voice',
			type: 'string',
			default: '',
			placeholder: 'sophie',
			description: 'Text to speech voice; empty for the account default',
		},
	],
	[
		TTS_TYPES,
		{
			displayName: 'Voicemail Message',
			name: 'voicemailMessage',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Read out instead of the message when the call reaches voicemail',
		},
	],
];

/**
 * The optional job fields of a job form, each shown for the job types that take it (inside a
 * collection, '/jobType' refers to the form's Job Type). The Callback URL is here only in Job →
 * Create version 1; later versions ask "Send Delivery Reports and Replies To" instead.
 */
export function additionalJobFields(form: JobForm): INodeProperties {
	const left = new Set(form.omit ?? []);
	if (form.callbacks !== 'legacy') left.add('callbackUrl');
	const options: INodeProperties[] = [];
	for (const [types, property] of ENTRIES) {
		const wanted = typesIn(form, types);
		if (wanted.length === 0 || left.has(property.name)) continue;
		const partial = hasTypeChoice(form) && wanted.length < form.types.length;
		options.push(
			partial ? { ...property, displayOptions: { show: { '/jobType': wanted } } } : property,
		);
	}
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: formShow(form) },
		options,
	};
}
