import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { resource } from '../../../shared';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

const table = resource('sms', 'send', [
	{
		module: send,
		name: 'Send',
		value: 'send',
		description:
			'Send a text message to each input item, or to a list. Returns the job_id (one job for all items by default).',
		action: 'Send an SMS',
	},
	{
		module: sendAndWait,
		name: 'Send and Wait for Reply',
		value: SEND_AND_WAIT_OPERATION,
		description:
			'Send a two-way SMS to one person and pause the workflow until they reply. Returns the reply, what it means (approved, declined or the text) and when it came.',
		action: 'Send a two way SMS and wait for the reply',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
