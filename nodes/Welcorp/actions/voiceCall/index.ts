import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

export const operations: Record<string, Operation> = { send };

export const description: INodeProperties[] = [
	operationField(
		'voiceCall',
		[
			{
				name: 'Call and Wait for Keypress',
				value: SEND_AND_WAIT_OPERATION,
				description:
					'Call one person, read your message out and pause the workflow until the call ends. Returns the key pressed and what it means (approved, declined or the key).',
				action: 'Make a voice call and wait for a keypress',
			},
			{
				name: 'Send Voice Message',
				value: 'send',
				description:
					'Call each input item (or a list) and read a text out or play a recording. Returns the job_id (one job for all items by default).',
				action: 'Send a voice message',
			},
		],
		'send',
	),
	...send.description,
	...sendAndWait.description,
];
