import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { listParameter } from '../shared';
import type { SurveyRow } from './surveys';

/** Skill and agent filters, shared by Survey → Get Many and the trigger; the API has none, so rows are filtered here. */
export const surveyFilterFields: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Agents',
			name: 'agents',
			type: 'string',
			default: '',
			placeholder: '1001, Laura Gómez',
			description:
				'Only responses about these agents: IDs or names, comma-separated (names ignore case)',
		},
		{
			displayName: 'Skills',
			name: 'skills',
			type: 'string',
			default: '',
			placeholder: '301, Ventas',
			description:
				'Only responses from these skills (queues): IDs or names, comma-separated (names ignore case)',
		},
	],
};

export interface SurveyFilters {
	agents: string[];
	skills: string[];
}

const normalize = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).trim().toLowerCase();

export function readSurveyFilters(raw: IDataObject): SurveyFilters {
	return {
		agents: listParameter(raw.agents).map(normalize),
		skills: listParameter(raw.skills).map(normalize),
	};
}

function matchesAny(wanted: string[], ...candidates: unknown[]): boolean {
	if (wanted.length === 0) return true;
	return candidates.some((candidate) => {
		const value = normalize(candidate);
		return value !== '' && wanted.includes(value);
	});
}

export function matchesFilters(row: SurveyRow, filters: SurveyFilters): boolean {
	return (
		matchesAny(filters.agents, row.agent_id, row.agent_name) &&
		matchesAny(filters.skills, row.skill_id, row.skill_name)
	);
}
