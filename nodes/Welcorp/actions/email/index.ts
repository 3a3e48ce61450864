import { resource } from '../../../shared';
import * as send from './send.operation';

export const { operations, description } = resource('email', 'send', [
	{
		module: send,
		name: 'Send',
		value: 'send',
		description:
			'Email each input item, or a list, with optional attachments. Returns the job_id (one job for all items by default).',
		action: 'Send an email',
	},
]);
