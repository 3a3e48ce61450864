import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { isEmailAddress, listParameter, truncate } from '../shared';
import { MAX_MERGE_FIELDS, RECIPIENT_FIELDS } from './jobMergeFields';
import type { JobType } from './jobTypes';

/** One entry of `recipients`: destination, recipient (name), reference and merge data, all strings. */
export type Recipient = Record<string, string>;

const MERGE_NAME = /^[A-Za-z0-9_]+$/;

/** A phone number with 6 to 15 digits (spaces, dashes, brackets and a leading + allowed). */
export function isPhoneNumber(value: string): boolean {
	const digits = value.replace(/\D/g, '');
	return /^\+?[\d\s()-]+$/.test(value) && digits.length >= 6 && digits.length <= 15;
}

/** Numbers from other systems often come as tel: links (RFC 3966): the number is what follows. */
function withoutTelPrefix(destination: string): string {
	return /^tel:/i.test(destination) ? destination.slice(4).trim() : destination;
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
}

function destinationText(value: unknown, jobType: JobType): string {
	const destination = text(value);
	return jobType === 'email' ? destination : withoutTelPrefix(destination);
}

function checkDestination(
	node: INode,
	destination: string,
	jobType: JobType,
	label: string,
	itemIndex: number,
): void {
	if (!destination) {
		throw new NodeOperationError(node, `Invalid "${label}": it is empty`, {
			itemIndex,
			description: `Input item ${itemIndex} has no destination. Every recipient needs ${jobType === 'email' ? 'an email address' : 'a phone number'}.`,
		});
	}
	const ok = jobType === 'email' ? isEmailAddress(destination) : isPhoneNumber(destination);
	if (!ok) {
		throw new NodeOperationError(
			node,
			`Invalid "${label}": "${truncate(destination, 80)}" is not ${jobType === 'email' ? 'an email address' : 'a phone number'}`,
			{
				itemIndex,
				description:
					jobType === 'email'
						? 'Email jobs send to email addresses.'
						: 'Use 6 to 15 digits, e.g. +61412345678.',
			},
		);
	}
}

function addMergeField(
	node: INode,
	recipient: Recipient,
	name: string,
	value: unknown,
	label: string,
	itemIndex: number,
): void {
	const key = name.trim();
	if (!MERGE_NAME.test(key)) {
		throw new NodeOperationError(node, `Invalid "${label}": "${name}" is not a merge field name`, {
			itemIndex,
			description: 'Use letters, digits and _ only; the message refers to it as %%name%%.',
		});
	}
	if (RECIPIENT_FIELDS.includes(key.toLowerCase())) {
		throw new NodeOperationError(
			node,
			`Invalid "${label}": "${key}" is set by Destination, Recipient Name or Reference`,
			{ itemIndex },
		);
	}
	recipient[key] = text(value);
}

function checkMergeCount(node: INode, recipient: Recipient, itemIndex: number): void {
	if (
		Object.keys(recipient).filter((key) => !RECIPIENT_FIELDS.includes(key)).length >
		MAX_MERGE_FIELDS
	) {
		throw new NodeOperationError(
			node,
			`Invalid "Merge Fields": Welcorp accepts at most ${MAX_MERGE_FIELDS} merge fields per recipient`,
			{ itemIndex },
		);
	}
}

/** One recipient from one input item (Recipients From: Input Items). */
export function recipientFromItem(
	this: IExecuteFunctions,
	itemIndex: number,
	jobType: JobType,
): Recipient {
	const node = this.getNode();
	const destination = destinationText(this.getNodeParameter('destination', itemIndex, ''), jobType);
	checkDestination(node, destination, jobType, 'Destination', itemIndex);
	const recipient: Recipient = { destination };
	const name = text(this.getNodeParameter('recipientName', itemIndex, ''));
	const reference = text(this.getNodeParameter('reference', itemIndex, ''));
	if (name) recipient.recipient = name;
	if (reference) recipient.reference = reference;
	const fields = ((this.getNodeParameter('mergeFields', itemIndex, {}) as IDataObject).field ??
		[]) as Array<{ name?: string; value?: unknown }>;
	for (const field of fields)
		addMergeField(node, recipient, field.name ?? '', field.value, 'Merge Fields', itemIndex);
	checkMergeCount(node, recipient, itemIndex);
	return recipient;
}

/** Recipients From: Defined Below. */
export function definedRecipients(
	this: IExecuteFunctions,
	itemIndex: number,
	jobType: JobType,
): Recipient[] {
	const node = this.getNode();
	const rows = ((this.getNodeParameter('recipients', itemIndex, {}) as IDataObject).recipient ??
		[]) as IDataObject[];
	if (rows.length === 0) {
		throw new NodeOperationError(node, 'Invalid "Recipients": add at least one recipient', {
			itemIndex,
		});
	}
	return rows.map((row) => {
		const destination = destinationText(row.destination, jobType);
		checkDestination(node, destination, jobType, 'Recipients', itemIndex);
		const recipient: Recipient = { destination };
		if (text(row.name)) recipient.recipient = text(row.name);
		if (text(row.reference)) recipient.reference = text(row.reference);
		const raw = row.mergeData ?? '{}';
		let data: unknown = raw;
		if (typeof raw === 'string') {
			try {
				data = jsonParse(raw.trim() || '{}');
			} catch {
				throw new NodeOperationError(
					node,
					`Invalid "Merge Fields (JSON)" of recipient ${destination}: it is not valid JSON`,
					{ itemIndex },
				);
			}
		}
		if (typeof data !== 'object' || data === null || Array.isArray(data)) {
			throw new NodeOperationError(
				node,
				`Invalid "Merge Fields (JSON)" of recipient ${destination}: it must be a JSON object`,
				{ itemIndex },
			);
		}
		for (const [key, value] of Object.entries(data))
			addMergeField(node, recipient, key, value, 'Merge Fields (JSON)', itemIndex);
		checkMergeCount(node, recipient, itemIndex);
		return recipient;
	});
}

/** Recipients From: Uploaded Lists → "1234,5678". */
export function userListIds(this: IExecuteFunctions, itemIndex: number): string {
	const ids = listParameter(this.getNodeParameter('userListIds', itemIndex, ''));
	if (ids.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'Invalid "User List IDs": give at least one list ID',
			{ itemIndex },
		);
	const wrong = ids.find((id) => !/^\d+$/.test(id));
	if (wrong !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "User List IDs": "${wrong}" is not a list ID`,
			{ itemIndex, description: 'List IDs are numbers, e.g. 1234, 5678.' },
		);
	}
	return ids.join(',');
}
