import type { INodeProperties } from 'n8n-workflow';

import { SMS_TYPES, TTS_TYPES, TWO_WAY_SMS_TYPES, type JobType } from './jobTypes';

const create = { resource: ['job'], operation: ['create'] };
/** Inside a collection, '/jobType' refers to the node's Job Type. */
const inCollectionFor = (types: JobType[]) => ({ show: { '/jobType': types } });

/** The optional job fields of Job → Create, each shown for the job types that take it. */
export const additionalJobFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: create },
	options: [
		{
			displayName: 'Batch Replies',
			name: 'batchReplies',
			type: 'boolean',
			default: false,
			description:
				'Whether all replies are emailed together when the reply period ends, instead of one email per reply',
			displayOptions: inCollectionFor(TWO_WAY_SMS_TYPES),
		},
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/.../welcorp?token=...',
			description:
				'Welcorp posts delivery reports (fax, TTS, voice), SMS replies and, with Status Callbacks on, SMS delivery reports here. Use the URL shown by the Welcorp Callback Trigger.',
		},
		{
			displayName: 'Cutoff Hour',
			name: 'cutoffHour',
			type: 'string',
			default: '',
			placeholder: '18:00',
			description:
				'Time of day (HH:mm, account time zone) after which no more messages of this job are sent',
		},
		{
			displayName: 'Header',
			name: 'header',
			type: 'string',
			default: '',
			description: 'Read out once before the message (not repeated)',
			displayOptions: inCollectionFor(TTS_TYPES),
		},
		{
			displayName: 'High Resolution',
			name: 'highResolution',
			type: 'boolean',
			default: false,
			description: 'Whether the fax is sent in high resolution',
			displayOptions: inCollectionFor(['fax']),
		},
		{
			displayName: 'Job Name',
			name: 'jobName',
			type: 'string',
			default: '',
			placeholder: 'Schedule-Reminder',
			description: 'Name to find the job by later (Job → Get Many can filter on it)',
		},
		{
			displayName: 'Opt-Out Code',
			name: 'optOutCode',
			type: 'string',
			default: '',
			placeholder: 'STOP',
			description: 'Recipients replying with this code are added to your opt-out list',
			displayOptions: inCollectionFor(TWO_WAY_SMS_TYPES),
		},
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
			displayOptions: inCollectionFor(['tts', 'twoWayTts', 'voice']),
		},
		{
			displayName: 'Remove Duplicates',
			name: 'dedupe',
			type: 'boolean',
			default: true,
			description: 'Whether recipients with the same destination get the message only once',
		},
		{
			displayName: 'Reply Email',
			name: 'replyEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address replies are sent to',
			displayOptions: inCollectionFor(TWO_WAY_SMS_TYPES),
		},
		{
			displayName: 'Reply Period (Hours)',
			name: 'expires',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 24,
			description: 'How long replies are forwarded (Welcorp default 24 hours)',
			displayOptions: inCollectionFor(TWO_WAY_SMS_TYPES),
		},
		{
			displayName: 'Schedule Date',
			name: 'scheduledDate',
			type: 'dateTime',
			default: '',
			description: 'Send later, at this time (must be in the future)',
		},
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			placeholder: 'MyCompany',
			description:
				'Displayed sender: up to 11 letters or digits, or a mobile number (must be whitelisted by Welcorp). For 2 way jobs it is only used with Use Custom Sender ID.',
			displayOptions: inCollectionFor(SMS_TYPES),
		},
		{
			displayName: 'Skip Message Repeat',
			name: 'skipMessageRepeat',
			type: 'boolean',
			default: false,
			description: 'Whether the message is read out only once',
			displayOptions: inCollectionFor(TTS_TYPES),
		},
		{
			displayName: 'Status Callbacks',
			name: 'statusCallbacks',
			type: 'boolean',
			default: false,
			description: 'Whether SMS delivery reports are also posted to the Callback URL',
			displayOptions: inCollectionFor(SMS_TYPES),
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			description: 'Subject of the MMS',
			displayOptions: inCollectionFor(['mms']),
		},
		{
			displayName: 'Use Custom Sender ID',
			name: 'useCustomSenderId',
			type: 'boolean',
			default: false,
			description:
				'Whether to send from the Sender ID instead of a Welcorp reply number. Replies then go to your sender ID, so add something like "reply to %%ReplyNum%%" to the message.',
			displayOptions: inCollectionFor(TWO_WAY_SMS_TYPES),
		},
		{
			displayName: 'Voice',
			name: 'voice',
			type: 'string',
			default: '',
			placeholder: 'sophie',
			description: 'Text to speech voice; empty for the account default',
			displayOptions: inCollectionFor(TTS_TYPES),
		},
		{
			displayName: 'Voicemail Message',
			name: 'voicemailMessage',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Read out instead of the message when the call reaches voicemail',
			displayOptions: inCollectionFor(TTS_TYPES),
		},
	],
};
