import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import { callEndpoint, timeoutOnlyOptions } from '../../../shared';
import { WELCORP } from '../../transport';
import { isValidCode, readValidateCode } from '../../verification';

const show = { resource: ['verification'], operation: ['validateCode'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Client Reference',
		name: 'clientRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user-123',
		description: 'The reference used when the code was sent',
		displayOptions: { show },
	},
	{
		displayName: 'Entered Code',
		name: 'enteredCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The code the person typed in',
		displayOptions: { show },
	},
	{
		displayName: 'Validation Window (Minutes)',
		name: 'validationWindow',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 120 },
		default: 10,
		description: 'Codes sent within this many minutes are accepted (1 to 120)',
		displayOptions: { show },
	},
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const request = readValidateCode.call(this, item.itemIndex);
	const answer = await callEndpoint(this, WELCORP, 'validateCode', {
		operation: 'Verification: Validate Code',
		scope: item,
		body: request.body,
		headers: { 'Content-Type': 'application/json' },
	});
	return [
		{
			json: {
				valid: isValidCode.call(this, answer.data, item.itemIndex),
				clientRef: request.clientRef,
				response: answer as IDataObject,
			},
		},
	];
}
