import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	locatorField,
	outputFields,
	readLocatorId,
	readOutput,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { WELCORP } from '../../transport';
import { accountZone } from '../../transport/values';
import { simplifyUser, USER_FIELDS, USER_ID } from '../../user';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...locatorField(USER_ID), displayOptions: { show } },
	...outputFields('Welcorp', USER_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const userId = readLocatorId(this, USER_ID, item.itemIndex);
	const output = readOutput(this, item.itemIndex);
	const zone = await accountZone(this, item.itemIndex);
	const answer = await callEndpoint(this, WELCORP, 'getUser', {
		operation: 'User: Get',
		scope: item,
		pathParams: { userId },
	});
	const user = answer.data as IDataObject;
	return [{ json: shapeOutput(output, user, () => simplifyUser(user, zone)) }];
}
