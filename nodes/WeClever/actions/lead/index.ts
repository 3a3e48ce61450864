import { resource } from '../../../shared';
import * as get from './get.operation';
import * as getFinalized from './getFinalized.operation';
import * as getSummary from './getSummary.operation';

const table = resource('lead', 'getFinalized', [
	{
		module: get,
		name: 'Get',
		value: 'get',
		description:
			'Get one lead by its WeClever ID: one item with its status, contact (name, phone, email), region, chat (start, end, length, message count, last customer message), feelings counts and sentiment, and CSAT rating',
		action: 'Get a lead',
	},
	{
		module: getFinalized,
		name: 'Get Finalized',
		value: 'getFinalized',
		description:
			'Get the leads whose service was finalized between two dates (at most 50 unless Return All): one item per lead with its ID, mapped status and client lead ID; with Include Details also its contact, chat, sentiment and CSAT rating',
		action: 'Get finalized leads',
	},
	{
		module: getSummary,
		name: 'Get Summary',
		value: 'getSummary',
		description:
			"Get the CSAT figures of the leads finalized between two dates, one item per day, per week or for the whole range: the number of leads, then the CSAT rating's responses, average, CSAT %, NPS (0–10 scale) and the lowest rating with its count. Reads every lead's details (one request per lead). Ratings are read as 1–5 unless Options → Lowest Answer and Highest Answer say otherwise.",
		action: "Get a summary of leads' CSAT",
	},
]);

// one name per export: a destructured export compiles to a module-level variable
export const operations = table.operations;
export const description = table.description;
