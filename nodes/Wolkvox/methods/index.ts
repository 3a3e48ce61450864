import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { recentNames } from '../survey';

/** The Wolkvox API has no list of agents or skills: they are taken from the last days' responses. */
export const loadOptions = {
	async getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await recentNames(this, 'agent_id', 'agent_name');
	},
	async getSkills(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await recentNames(this, 'skill_id', 'skill_name');
	},
};
