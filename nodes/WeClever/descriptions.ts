import type { INodeProperties } from 'n8n-workflow';

import { simplifyOption } from '../shared';
import { DETAIL_CONCURRENCY } from './leads';

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'boolean',
	default: false,
	description: `Whether to fetch each lead's full record (contact, chats, feelings, CSAT), ${DETAIL_CONCURRENCY} leads at a time`,
};

export const leadSimplifyOption: INodeProperties = {
	...simplifyOption,
	description:
		"Whether to return the normalized feedback record (CSAT rating as the score, feelings as the sentiment, the customer's last message as the comment); this fetches each lead's details",
};
