import type { INodeProperties } from 'n8n-workflow';

export const extendedOption: INodeProperties = {
	displayName: 'Extended Details',
	name: 'extended',
	type: 'boolean',
	default: false,
	description:
		'Whether to ask the API for more details on each survey (queue and agent IDs, direction, duration, wrap-up)',
};
