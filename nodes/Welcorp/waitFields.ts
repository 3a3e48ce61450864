import type { INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../shared';
import { additionalJobFields } from './jobAdditionalFields';
import { keyResponseFields, messageFields } from './jobContentFields';
import type { JobForm } from './jobForm';
import type { JobType } from './jobTypes';

/** The two ways to ask and wait: a two-way SMS, or a two-way text to speech call. */
export type Channel = 'sms' | 'voiceCall';

export const WAIT_JOB_TYPE: Record<Channel, JobType> = { sms: 'twoWaySms', voiceCall: 'twoWayTts' };

/**
 * Job fields that would break the wait: the callback URL is this execution's, the reply period
 * follows Limit Wait Time, a custom sender ID sends replies elsewhere, there is one recipient.
 */
const NOT_FOR_WAITING = [
	'batchReplies',
	'dedupe',
	'expires',
	'preferredDestinationType',
	'senderId',
	'statusCallbacks',
	'useCustomSenderId',
];

export function waitForm(channel: Channel): JobForm {
	return {
		show: { resource: [channel], operation: ['sendAndWait'] },
		types: [WAIT_JOB_TYPE[channel]],
		omit: NOT_FOR_WAITING,
		callbacks: 'none',
	};
}

const DEFAULT_WORDS: Record<Channel, { approve: string; decline: string }> = {
	sms: { approve: 'YES, Y, 1', decline: 'NO, N, 2' },
	voiceCall: { approve: '1', decline: '2' },
};

function limitFields(show: JobForm['show']): INodeProperties[] {
	const limited = { ...show, limitWaitTime: [true] };
	return [
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'boolean',
			default: false,
			description:
				'Whether the workflow goes on without a reply after a while: the node then outputs an item with "replied" false',
			displayOptions: { show },
		},
		{
			displayName: 'Limit Type',
			name: 'limitType',
			type: 'options',
			options: [
				{ name: 'After Time Interval', value: 'afterTimeInterval' },
				{ name: 'At Specified Time', value: 'atSpecifiedTime' },
			],
			default: 'afterTimeInterval',
			displayOptions: { show: limited },
		},
		{
			displayName: 'Amount',
			name: 'resumeAmount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 1,
			description: 'How long to wait for the reply',
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
		},
		{
			displayName: 'Unit',
			name: 'resumeUnit',
			type: 'options',
			options: [
				{ name: 'Days', value: 'days' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Minutes', value: 'minutes' },
			],
			default: 'hours',
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
		},
		{
			displayName: 'Max Date and Time',
			name: 'maxDateAndTime',
			type: 'dateTime',
			default: '',
			description: 'Until when to wait for the reply',
			displayOptions: { show: { ...limited, limitType: ['atSpecifiedTime'] } },
		},
	];
}

function answerFields(channel: Channel, show: JobForm['show']): INodeProperties[] {
	const words = channel === 'sms' ? 'Replies' : 'Keys';
	const { approve, decline } = DEFAULT_WORDS[channel];
	const fields: INodeProperties[] = [
		{
			displayName: `Approve ${words}`,
			name: 'approveWords',
			type: 'string',
			default: approve,
			description: `Comma-separated ${words.toLowerCase()} that mean yes: the output's "answer" is then "approved"`,
			displayOptions: { show },
		},
		{
			displayName: `Decline ${words}`,
			name: 'declineWords',
			type: 'string',
			default: decline,
			description: `Comma-separated ${words.toLowerCase()} that mean no: the output's "answer" is then "declined". Anything else is passed on as it came.`,
			displayOptions: { show },
		},
	];
	if (channel === 'sms')
		fields.push({
			displayName: 'Match First Word Only',
			name: 'matchFirstWord',
			type: 'boolean',
			default: false,
			description:
				'Whether only the first word of a reply is compared (then "Yes please" is approved); otherwise the whole reply must match (case and surrounding punctuation do not matter)',
			displayOptions: { show },
		});
	return fields;
}

/** The fields of SMS → Send and Wait for Reply and Voice Call → Call and Wait for Keypress. */
export function waitFields(channel: Channel): INodeProperties[] {
	const form = waitForm(channel);
	const { show } = form;
	return [
		{
			displayName:
				channel === 'sms'
					? 'The workflow waits here until the person replies (or the wait time limit passes). Welcorp posts the reply straight to this execution: there is nothing to set up.'
					: 'The workflow waits here until the call ends (or the wait time limit passes), then goes on with the key pressed, if any. Welcorp posts the call report straight to this execution: there is nothing to set up.',
			name: 'waitNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: '={{ $json.phone }}',
			description: 'Phone number to send to (with country code)',
			displayOptions: { show },
		},
		{
			displayName: 'Recipient Name',
			name: 'recipientName',
			type: 'string',
			default: '',
			placeholder: '={{ $json.name }}',
			description: 'Available in the message as %%recipient%%',
			displayOptions: { show },
		},
		...messageFields(form),
		...keyResponseFields(form),
		...answerFields(channel, show),
		...limitFields(show),
		additionalJobFields(form),
		timeoutOnlyOptions(show),
	];
}
