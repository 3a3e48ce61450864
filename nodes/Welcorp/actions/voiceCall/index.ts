import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { resource } from '../../../shared';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

const table = resource('voiceCall', 'send', [
	{
		module: send,
		name: 'Send Voice Message',
		value: 'send',
		description:
			'Call each input item (or a list) and read a text out or play a recording. Returns the job_id (one job for all items by default).',
		action: 'Send a voice message',
	},
	{
		module: sendAndWait,
		name: 'Call and Wait for Keypress',
		value: SEND_AND_WAIT_OPERATION,
		description:
			'Call one person, read your message out and pause the workflow until the call ends. Returns the key pressed and what it means (approved, declined or the key).',
		action: 'Make a voice call and wait for a keypress',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
