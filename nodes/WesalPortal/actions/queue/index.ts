import { resource } from '../../../shared';
import * as getActivity from './getActivity.operation';
import * as getPerformance from './getPerformance.operation';
import * as getSummary from './getSummary.operation';

const table = resource('queue', 'getSummary', [
	{
		module: getSummary,
		name: 'Get Summary',
		value: 'getSummary',
		description:
			'Get the live summary of queues: one item per queue with its name, member counts and waiting interactions',
		action: 'Get the summary of queues',
	},
	{
		module: getActivity,
		name: 'Get Activity',
		value: 'getActivity',
		description:
			'Get the live activity of queues: one item per queue with how many members are idle, interacting, communicating, not responding or off queue',
		action: 'Get the activity of queues',
	},
	{
		module: getPerformance,
		name: 'Get Performance',
		value: 'getPerformance',
		description:
			'Get the performance of queues over an interval: one item per queue (or per queue and 30-minute block) with calls offered, answered and abandoned, service level, abandon rate, speed of answer and handle time',
		action: 'Get the performance of queues',
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
