import type { INodeProperties } from 'n8n-workflow';

import { fieldFor, type JobForm } from './jobForm';
import { TTS_TYPES, type JobType } from './jobTypes';

export const MERGE_HINT =
	'Use %%name%% in the message for a merge field, e.g. %%recipient%% for the recipient name';

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

interface FilesField {
	name: string;
	displayName: string;
	types: JobType[];
	what: string;
	allowed: string;
	multiple: boolean;
	required: boolean;
}

function filesField(form: JobForm, field: FilesField): INodeProperties[] {
	return fieldFor(form, field.types, {
		displayName: field.displayName,
		name: field.name,
		type: 'fixedCollection',
		placeholder: `Add ${field.what}`,
		typeOptions: { multipleValues: field.multiple },
		default: {},
		required: field.required,
		options: [
			{
				displayName: field.what,
				name: 'file',
				values: fileEntry(field.what.toLowerCase(), field.allowed),
			},
		],
	});
}

/** The message text of each job type that has one. */
export function messageFields(form: JobForm): INodeProperties[] {
	const message = { displayName: 'Message', name: 'message', type: 'string', default: '' } as const;
	return [
		...fieldFor(form, ['sms', 'twoWaySms'], {
			...message,
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			hint: MERGE_HINT,
		}),
		...fieldFor(form, TTS_TYPES, {
			...message,
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text read out (usually twice)',
			hint: MERGE_HINT,
		}),
		...fieldFor(form, ['mms'], {
			...message,
			typeOptions: { rows: 4 },
			default: '',
			description: 'Text sent with the media file',
			hint: MERGE_HINT,
		}),
	];
}

function emailFields(form: JobForm): INodeProperties[] {
	const email = (property: INodeProperties) => fieldFor(form, ['email'], property);
	return [
		...email({
			displayName: 'From Email',
			name: 'fromEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		}),
		...email({
			displayName: 'From Name',
			name: 'fromName',
			type: 'string',
			default: '',
			description: 'Name of the email sender',
		}),
		...email({
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			hint: MERGE_HINT,
		}),
		...email({
			displayName: 'HTML Message',
			name: 'htmlMessage',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			description: 'HTML content; this, the text message or both must be given',
		}),
		...email({
			displayName: 'Text Message',
			name: 'textMessage',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Plain text content; this, the HTML message or both must be given',
		}),
	];
}

/** What a 2 way text to speech call does when a key is pressed. */
export function keyResponseFields(form: JobForm): INodeProperties[] {
	return fieldFor(form, ['twoWayTts'], {
		displayName: 'Key Responses',
		name: 'keyResponses',
		type: 'fixedCollection',
		placeholder: 'Add Key Response',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'What happens when the person called presses a key; without any, the key pressed is only recorded',
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
	});
}

/** Files, email parts, the voice recording and key responses: what each job type carries. */
export function contentFields(form: JobForm): INodeProperties[] {
	return [
		...messageFields(form),
		...filesField(form, {
			name: 'files',
			displayName: 'Media File',
			types: ['mms'],
			what: 'File',
			allowed: 'for example jpg, png, gif, mp3, mp4',
			multiple: true,
			required: true,
		}),
		...filesField(form, {
			name: 'files',
			displayName: 'Documents',
			types: ['fax'],
			what: 'Document',
			allowed: 'jpg, tif, png, gif, doc, docx, xls, xlsx, pdf, txt, ppt, pptx, pdfx',
			multiple: true,
			required: true,
		}),
		...emailFields(form),
		...filesField(form, {
			name: 'attachments',
			displayName: 'Attachments',
			types: ['email'],
			what: 'Attachment',
			allowed: 'any type, 20 MB in total',
			multiple: true,
			required: false,
		}),
		...filesField(form, {
			name: 'audio',
			displayName: 'Audio File',
			types: ['voice'],
			what: 'Audio',
			allowed: 'wav',
			multiple: false,
			required: true,
		}),
		...keyResponseFields(form),
	];
}
