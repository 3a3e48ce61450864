import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, isEmailAddress, truncate } from '../shared';

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
export function isValidCode(this: IExecuteFunctions, data: string, itemIndex: number): boolean {
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
