import { resource } from '../../../shared';
import * as send from './send.operation';

export const { operations, description } = resource('fax', 'send', [
	{
		module: send,
		name: 'Send',
		value: 'send',
		description:
			'Fax documents (binary files or URLs) to each input item, or to a list. Returns the job_id.',
		action: 'Send a fax',
	},
]);
