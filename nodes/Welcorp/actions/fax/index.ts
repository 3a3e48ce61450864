import { resource } from '../../../shared';
import * as send from './send.operation';

const table = resource('fax', 'send', [
	{
		module: send,
		name: 'Send',
		value: 'send',
		description:
			'Fax documents (binary files or URLs) to each input item, or to a list. Returns the job_id.',
		action: 'Send a fax',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
