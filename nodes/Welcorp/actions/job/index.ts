import { resource } from '../../../shared';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const table = resource('job', 'create', [
	{
		module: create,
		name: 'Create',
		value: 'create',
		description:
			'Send a job of any type with every option: SMS, 2 way SMS, MMS, text to speech, 2 way text to speech, voice recording, fax or email, to input items, a fixed list or uploaded lists. Returns the job_id, the job type and how many recipients it has.',
		action: 'Create a job of any type',
	},
	{
		module: get,
		name: 'Get',
		value: 'get',
		description:
			'Get one job. Returns its status, dates, recipient, delivered and failed counts, cost and content (Raw adds the recipients and delivery reports).',
		action: 'Get a job',
	},
	{
		module: getAll,
		name: 'Get Many',
		value: 'getAll',
		description:
			'Get jobs, newest first, filtered by name, type, status, user or start date. Returns one item per job: status, dates, recipient, delivered and failed counts, and cost.',
		action: 'Get many jobs',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
