import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { textAnswerSchema } from '../../schemas';
import { welcorpRequest } from '../../transport';

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
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const clientRef = String(this.getNodeParameter('clientRef', itemIndex, '') ?? '').trim();
	const enteredCode = String(this.getNodeParameter('enteredCode', itemIndex, '') ?? '').trim();
	const window = Number(this.getNodeParameter('validationWindow', itemIndex, 10));
	if (!clientRef)
		throw new NodeOperationError(node, 'Invalid "Client Reference": it is required', { itemIndex });
	if (!enteredCode)
		throw new NodeOperationError(node, 'Invalid "Entered Code": it is required', { itemIndex });
	if (!Number.isInteger(window) || window < 1 || window > 120) {
		throw new NodeOperationError(
			node,
			`Invalid "Validation Window (Minutes)": ${window} must be a whole number from 1 to 120`,
			{ itemIndex },
		);
	}
	const answer = await welcorpRequest(this, 'validateCode', {
		operation: 'Verification: Validate Code',
		body: { client_ref: clientRef, entered_code: enteredCode, validation_window: window },
		schema: textAnswerSchema,
		itemIndex,
	});
	const result = answer.data.trim().toLowerCase();
	if (result !== 'valid' && result !== 'invalid') {
		throw new NodeOperationError(
			node,
			`Welcorp Verification: Validate Code gave an unexpected answer: "${answer.data}"`,
			{ itemIndex, description: 'Expected "valid" or "invalid".' },
		);
	}
	return [{ json: { valid: result === 'valid', clientRef, response: answer as IDataObject } }];
}
