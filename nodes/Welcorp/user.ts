import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	CallScope,
	ItemScope,
	LocatorSpec,
	Operation,
	ReadLimit,
	RequestContext,
} from '../shared';
import { callEndpoint, isEmailAddress, timeoutOnlyOptions, truncate } from '../shared';
import { readPages, WELCORP, type UserRow } from './transport';
import { isoTime, numberOrNull, textOrNull } from './transport/values';
import { USER_FIELD_NAMES } from './userFields';

export type { UserRow } from './transport';

/** A Welcorp record's ID (a whole number), picked from its searchable list or typed. */
export function wholeNumberId(
	displayName: string,
	name: string,
	searchMethod: string,
	example: number,
): LocatorSpec {
	const idHint = `a whole number, e.g. ${example}`;
	const placeholder = String(example);
	return { displayName, name, searchMethod, idHint, idPattern: '^[1-9][0-9]*$', placeholder };
}

export const USER_ID = wholeNumberId('User ID', 'userId', 'searchUsers', 421);

export const COMPANY_ID = wholeNumberId('Company ID', 'companyId', 'searchCompanies', 456);

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
	for (const [field, label] of [
		['email', 'Email'],
		['additional_reports_address', 'Additional Reports Address'],
	]) {
		const value = body[field];
		if (typeof value === 'string' && !isEmailAddress(value)) {
			throw new NodeOperationError(
				node,
				`Invalid "${label}": "${truncate(value, 80)}" is not an email address`,
				{ itemIndex },
			);
		}
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

/** User → Create and User → Update: the body the fields make, sent once (a write is never retried). */
export function userWriteOperation(
	operation: 'create' | 'update',
	fields: INodeProperties[],
	/** Reads and checks the fields; the user's ID goes in the path of an update. */
	read: (this: IExecuteFunctions, itemIndex: number) => { body: IDataObject; userId?: string },
): Operation {
	const show = { resource: ['user'], operation: [operation] };
	return {
		description: [...fields, timeoutOnlyOptions(show)],
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const { body, userId } = read.call(this, item.itemIndex);
			const call = { scope: item, body, headers: { 'Content-Type': 'application/json' } };
			const answer =
				operation === 'create'
					? await callEndpoint(this, WELCORP, 'createUser', { operation: 'User: Create', ...call })
					: await callEndpoint(this, WELCORP, 'updateUser', {
							operation: 'User: Update',
							...call,
							pathParams: { userId: userId ?? '' },
						});
			return [{ json: writeOutput(answer) }];
		},
	};
}

export interface UserPage {
	users: UserRow[];
	/** A plain user gets only their own record: no paging, and Welcorp ignores the filter. */
	single: boolean;
}

/** GET users: admins see their distributor's users, agents the users linked to them. */
export async function listUsers(
	context: RequestContext,
	operation: string,
	userCode: string,
	limit: ReadLimit,
	scope?: CallScope,
): Promise<UserPage> {
	let single = false;
	const users = await readPages(async (page, pageSize) => {
		const answer = await callEndpoint(context, WELCORP, 'listUsers', {
			operation,
			scope,
			qs: { ...(userCode ? { user_code: userCode } : {}), page, page_size: pageSize },
		});
		if ('single' in answer) single = true;
		return answer;
	}, limit);
	return { users, single };
}

const flag = (value: unknown): boolean | null =>
	value === undefined || value === null || value === '' ? null : value === true || value === 1;

/** Simplified output of a user: flat named fields, numbers as numbers, the date as ISO 8601. */
export function simplifyUser(user: IDataObject, zone: string): IDataObject {
	const company = (user.company ?? {}) as IDataObject;
	const first = textOrNull(user.first_name);
	const last = textOrNull(user.last_name);
	return {
		userId: numberOrNull(user.user_id),
		userCode: textOrNull(user.user_code),
		name: [first, last].filter(Boolean).join(' ') || null,
		firstName: first,
		lastName: last,
		email: textOrNull(user.email),
		phone: textOrNull(user.phone),
		mobile: textOrNull(user.mobile),
		fax: textOrNull(user.fax),
		accountType: textOrNull(user.account_type),
		live: flag(user.user_live),
		companyId: numberOrNull(user.company_id ?? company.company_id),
		companyName: textOrNull(company.name),
		agentId: numberOrNull(user.agent_id),
		distributorId: numberOrNull(user.dist_id),
		monthlyLimit: numberOrNull(user.monthly_limit),
		receiveReports: flag(user.receive_reports),
		reportType: textOrNull(user.report_type),
		addedAt: isoTime(user.user_added, zone),
	};
}

export const USER_FIELDS: INodePropertyOptions[] = [
	{ name: 'Account Type', value: 'accountType' },
	{ name: 'Added At', value: 'addedAt' },
	{ name: 'Agent ID', value: 'agentId' },
	{ name: 'Company ID', value: 'companyId' },
	{ name: 'Company Name', value: 'companyName' },
	{ name: 'Distributor ID', value: 'distributorId' },
	{ name: 'Email', value: 'email' },
	{ name: 'Fax', value: 'fax' },
	{ name: 'First Name', value: 'firstName' },
	{ name: 'Last Name', value: 'lastName' },
	{ name: 'Live', value: 'live' },
	{ name: 'Mobile', value: 'mobile' },
	{ name: 'Monthly Limit', value: 'monthlyLimit' },
	{ name: 'Name', value: 'name' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Receive Reports', value: 'receiveReports' },
	{ name: 'Report Type', value: 'reportType' },
	{ name: 'User Code', value: 'userCode' },
	{ name: 'User ID', value: 'userId' },
];
