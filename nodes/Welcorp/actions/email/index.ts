import { resource } from '../../../shared';
import * as send from './send.operation';

const table = resource('email', 'send', [
	{
		module: send,
		name: 'Send',
		value: 'send',
		description:
			'Email each input item, or a list, with optional attachments. Returns the job_id (one job for all items by default).',
		action: 'Send an email',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
