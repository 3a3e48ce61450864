import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared';
import { operationField } from '../../../shared';
import * as sendCode from './sendCode.operation';
import * as validateCode from './validateCode.operation';

export const operations: Record<string, Operation> = { sendCode, validateCode };

export const description: INodeProperties[] = [
	operationField(
		'verification',
		[
			{
				name: 'Send Code',
				value: 'sendCode',
				description:
					'Send a two-factor code by SMS, email or call. Returns sent (true), the client reference, the channel and the destination.',
				action: 'Send a verification code',
			},
			{
				name: 'Validate Code',
				value: 'validateCode',
				description:
					'Check a code a person entered against the codes sent to the client reference. Returns valid (true or false) and the client reference.',
				action: 'Validate a verification code',
			},
		],
		'sendCode',
	),
	...sendCode.description,
	...validateCode.description,
];
