import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemScope } from '../shared';
import { credentialText } from '../shared';
import { WESAL_VOC } from './transport';

const NOTHING_SENT = 'Nothing was sent.';

/**
 * The reset calls carry `companyId` but no login, so the credential cannot add it: the company id
 * the last login gave, or else the Company field (the identifier the user logs in with).
 */
export async function resetCompanyId(context: IExecuteFunctions, item: ItemScope): Promise<string> {
	const credentials = await context.getCredentials(WESAL_VOC.credentialType);
	const companyId =
		credentialText(credentials, 'companyId').trim() ||
		credentialText(credentials, 'company').trim();
	if (!companyId) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Company" in the Wesal VoC credential: it is required',
			{ itemIndex: item.itemIndex, description: NOTHING_SENT },
		);
	}
	return companyId;
}
