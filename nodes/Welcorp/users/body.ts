import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMAIL_PATTERN } from '../params';
import { USER_FIELD_NAMES } from './fields';

/** Node field values → the API's user fields, checked; empty strings are not sent. */
export function userBody(node: INode, values: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const apiName = USER_FIELD_NAMES[name];
		if (!apiName || value === undefined || value === null) continue;
		const cleaned = typeof value === 'string' ? value.trim() : value;
		if (cleaned === '') continue;
		body[apiName] = cleaned;
	}
	if (typeof body.email === 'string' && !EMAIL_PATTERN.test(body.email)) {
		throw new NodeOperationError(node, `Invalid "Email": "${body.email}" is not an email address`, {
			itemIndex,
		});
	}
	if (
		typeof body.additional_reports_address === 'string' &&
		!EMAIL_PATTERN.test(body.additional_reports_address)
	) {
		throw new NodeOperationError(
			node,
			`Invalid "Additional Reports Address": "${body.additional_reports_address}" is not an email address`,
			{ itemIndex },
		);
	}
	if (typeof body.user_code === 'string' && /\s/.test(body.user_code)) {
		throw new NodeOperationError(
			node,
			`Invalid "User Code": "${body.user_code}" must not contain spaces`,
			{ itemIndex },
		);
	}
	return body;
}

/** A write answer without anything the user typed that could be secret. */
export function writeOutput(answer: { status?: number; data: number }): IDataObject {
	return { user_id: answer.data, status: answer.status ?? 200 };
}
