import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemScope, Operation } from '../shared';
import { callEndpoint, compact, isEmailAddress, timeoutOnlyOptions, truncate } from '../shared';
import { WELCORP } from './transport';

/** An international number with its country code, as the doc asks for SMS and calls. */
const INTERNATIONAL = /^\+?[1-9]\d{7,14}$/;
const MESSAGE_TYPES = ['sms', 'email', 'tts'];

export interface SendCodeRequest {
	body: IDataObject;
	clientRef: string;
	messageType: string;
	destination: string;
}

/** The Send Code fields, checked before anything is sent: a code must reach someone. */
export function readSendCode(this: IExecuteFunctions, itemIndex: number): SendCodeRequest {
	const node = this.getNode();
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const clientRef = text('clientRef');
	const messageType = text('messageType');
	const destination = text('destination');
	const template = text('messageTemplate');
	const companyName = text('companyName');
	const invalid = (message: string, description?: string) =>
		new NodeOperationError(node, message, { itemIndex, description });
	if (!clientRef) throw invalid('Invalid "Client Reference": it is required');
	if (!MESSAGE_TYPES.includes(messageType))
		throw invalid(`Invalid "Send By": "${messageType}" must be sms, email or tts`);
	const byEmail = messageType === 'email';
	const reachable = byEmail
		? isEmailAddress(destination)
		: INTERNATIONAL.test(destination.replace(/[\s-]/g, ''));
	if (!reachable) {
		throw invalid(
			`Invalid "Destination": "${truncate(destination, 80)}" is not ${byEmail ? 'an email address' : 'an international phone number'}`,
			byEmail ? undefined : 'Include the country code, e.g. 61987654321.',
		);
	}
	if (template && !template.includes('[[code]]'))
		throw invalid('Invalid "Message Template": it must contain [[code]] where the code goes');
	if (!template && !companyName) {
		throw invalid(
			'Invalid "Company Name": give a company name, or a Message Template containing [[code]]',
		);
	}
	return {
		clientRef,
		messageType,
		destination,
		body: compact({
			client_ref: clientRef,
			message_type: messageType,
			message_destination: destination,
			message_template: template,
			company_name: companyName,
		}),
	};
}

export interface ValidateCodeRequest {
	clientRef: string;
	body: IDataObject;
}

/** The Validate Code fields, checked before anything is sent. */
export function readValidateCode(this: IExecuteFunctions, itemIndex: number): ValidateCodeRequest {
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
	return {
		clientRef,
		body: { client_ref: clientRef, entered_code: enteredCode, validation_window: window },
	};
}

/** Welcorp answers "valid" or "invalid"; anything else is not an answer to rely on. */
function isValidCode(this: IExecuteFunctions, data: string, itemIndex: number): boolean {
	const result = data.trim().toLowerCase();
	if (result !== 'valid' && result !== 'invalid') {
		throw new NodeOperationError(
			this.getNode(),
			`Welcorp answered "Verification: Validate Code" with "${truncate(data, 80)}"`,
			{ itemIndex, description: 'Expected "valid" or "invalid". Try again, or check the code.' },
		);
	}
	return result === 'valid';
}

/** The Client Reference both operations take: Validate Code checks the code sent under it. */
export function clientRefField(description: string): INodeProperties {
	return {
		displayName: 'Client Reference',
		name: 'clientRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user-123',
		description,
	};
}

type Verification = 'sendCode' | 'validateCode';
type VerificationAnswer = Awaited<
	ReturnType<typeof callEndpoint<typeof WELCORP.endpoints, Verification>>
>;

const OPERATION_NAMES: Record<Verification, string> = {
	sendCode: 'Verification: Send Code',
	validateCode: 'Verification: Validate Code',
};

/** Send Code: where the code went, never the code. */
export function sentOutput(request: SendCodeRequest, answer: VerificationAnswer): IDataObject {
	const { clientRef, messageType, destination } = request;
	return {
		sent: true,
		clientRef,
		messageType,
		destination,
		status: answer.status ?? 200,
		data: answer.data,
	};
}

/** Validate Code: whether the code is valid, with Welcorp's answer. */
export function validOutput(
	this: IExecuteFunctions,
	request: ValidateCodeRequest,
	answer: VerificationAnswer,
	itemIndex: number,
): IDataObject {
	const valid = isValidCode.call(this, answer.data, itemIndex);
	return { valid, clientRef: request.clientRef, response: answer as IDataObject };
}

/** Send Code and Validate Code: the fields checked, then sent as JSON; one item of what came back. */
export function verificationOperation<R extends { body: IDataObject }>(
	operation: Verification,
	fields: INodeProperties[],
	read: (this: IExecuteFunctions, itemIndex: number) => R,
	output: (
		this: IExecuteFunctions,
		request: R,
		answer: VerificationAnswer,
		itemIndex: number,
	) => IDataObject,
): Operation {
	const show = { resource: ['verification'], operation: [operation] };
	return {
		description: [
			...fields.map((field) => ({ ...field, displayOptions: { show } })),
			timeoutOnlyOptions(show),
		],
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const request = read.call(this, item.itemIndex);
			const answer = await callEndpoint(this, WELCORP, operation, {
				operation: OPERATION_NAMES[operation],
				scope: item,
				body: request.body,
				headers: { 'Content-Type': 'application/json' },
			});
			return [{ json: output.call(this, request, answer, item.itemIndex) }];
		},
	};
}
