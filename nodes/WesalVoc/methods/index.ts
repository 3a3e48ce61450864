import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadQuestions, questionOptions } from '../company';
import { recentNames } from '../surveyFilters';

export const loadOptions = {
	async getQuestions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return questionOptions(await loadQuestions(this, 'Load questions'));
	},
	/** The doc offers no list of agents or queues: they come from the last days' surveys. */
	async getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await recentNames(this, 'agent');
	},
	async getQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await recentNames(this, 'queue');
	},
};
