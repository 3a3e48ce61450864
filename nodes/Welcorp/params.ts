import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A numeric id parameter (job, user): digits only, checked before any request. */
export function readId(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "${label}": "${value}" must be a number such as 60276558`,
			{ itemIndex },
		);
	}
	return value;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone number with 6 to 15 digits (spaces, dashes, brackets and a leading + allowed). */
export function isPhoneNumber(value: string): boolean {
	const digits = value.replace(/\D/g, '');
	return /^\+?[\d\s()-]+$/.test(value) && digits.length >= 6 && digits.length <= 15;
}
