import type { INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../shared';
import { additionalJobFields } from './jobAdditionalFields';
import { recipientFields } from './jobRecipientFields';
import { jobTypeOptions, TTS_TYPES, type JobType } from './jobTypes';

const create = { resource: ['job'], operation: ['create'] };
const forTypes = (types: JobType[], extra: Record<string, string[]> = {}) => ({
	show: { ...create, jobType: types, ...extra },
});

function fileEntry(what: string, allowed: string): INodeProperties[] {
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Binary Property',
					value: 'binary',
					description: 'A file of the input item, sent as base64 content',
				},
				{ name: 'URL', value: 'url', description: 'Welcorp downloads the file from this URL' },
			],
			default: 'binary',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: `The name of the input binary field holding the ${what}`,
			displayOptions: { show: { source: ['binary'] } },
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/files/document.pdf',
			displayOptions: { show: { source: ['url'] } },
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: `Name sent to Welcorp, with its extension (${allowed}). Empty: the binary file's name, or the last part of the URL.`,
		},
	];
}

function filesField(
	name: string,
	displayName: string,
	types: JobType[],
	what: string,
	allowed: string,
	multiple: boolean,
	required: boolean,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${what}`,
		typeOptions: { multipleValues: multiple },
		default: {},
		required,
		displayOptions: forTypes(types),
		options: [{ displayName: what, name: 'file', values: fileEntry(what.toLowerCase(), allowed) }],
	};
}

const MERGE_HINT =
	'Use %%name%% in the message for a merge field, e.g. %%recipient%% for the recipient name';

export const createFields: INodeProperties[] = [
	{
		displayName: 'Job Type',
		name: 'jobType',
		type: 'options',
		noDataExpression: true,
		options: jobTypeOptions('create'),
		default: 'sms',
		displayOptions: { show: create },
	},
	...recipientFields,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		hint: MERGE_HINT,
		displayOptions: forTypes(['sms', 'twoWaySms']),
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text read out (usually twice)',
		hint: MERGE_HINT,
		displayOptions: forTypes(TTS_TYPES),
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text sent with the media file',
		hint: MERGE_HINT,
		displayOptions: forTypes(['mms']),
	},
	filesField(
		'files',
		'Media File',
		['mms'],
		'File',
		'for example jpg, png, gif, mp3, mp4',
		true,
		true,
	),
	filesField(
		'files',
		'Documents',
		['fax'],
		'Document',
		'jpg, tif, png, gif, doc, docx, xls, xlsx, pdf, txt, ppt, pptx, pdfx',
		true,
		true,
	),
	{
		displayName: 'From Email',
		name: 'fromEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: forTypes(['email']),
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
		description: 'Name of the email sender',
		displayOptions: forTypes(['email']),
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		hint: MERGE_HINT,
		displayOptions: forTypes(['email']),
	},
	{
		displayName: 'HTML Message',
		name: 'htmlMessage',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description: 'HTML content; this, the text message or both must be given',
		displayOptions: forTypes(['email']),
	},
	{
		displayName: 'Text Message',
		name: 'textMessage',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Plain text content; this, the HTML message or both must be given',
		displayOptions: forTypes(['email']),
	},
	filesField(
		'attachments',
		'Attachments',
		['email'],
		'Attachment',
		'any type, 20 MB in total',
		true,
		false,
	),
	filesField('audio', 'Audio File', ['voice'], 'Audio', 'wav', false, true),
	{
		displayName: 'Key Responses',
		name: 'keyResponses',
		type: 'fixedCollection',
		placeholder: 'Add Key Response',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'What happens when the person called presses a key; without any, the key pressed is only recorded',
		displayOptions: forTypes(['twoWayTts']),
		options: [
			{
				displayName: 'Key Response',
				name: 'response',
				values: [
					{
						displayName: 'Key',
						name: 'keyPress',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9 },
						default: 1,
						description: 'Key 0 to 9',
					},
					{
						displayName: 'Response Message',
						name: 'responseMessage',
						type: 'string',
						default: '',
						description: 'Read out when the key is pressed',
					},
					{
						displayName: 'Redirect To',
						name: 'redirectTo',
						type: 'string',
						default: '',
						description: 'Phone number the call is connected to when the key is pressed',
					},
				],
			},
		],
	},
	additionalJobFields,
	timeoutOnlyOptions(create),
];
