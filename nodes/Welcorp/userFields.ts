import type { INodeProperties } from 'n8n-workflow';

/** User fields Welcorp documents that a create or an update may set (node name → API name). */
export const USER_FIELD_NAMES: Record<string, string> = {
	accountType: 'account_type',
	additionalReportsAddress: 'additional_reports_address',
	agreeSpamPolicy: 'agree_spam_policy',
	defaultSmsSenderId: 'default_sms_sender_id',
	email: 'email',
	fax: 'fax',
	firstName: 'first_name',
	lastName: 'last_name',
	mobile: 'mobile',
	monthlyLimit: 'monthly_limit',
	phone: 'phone',
	receiveReports: 'receive_reports',
	title: 'title',
	userCode: 'user_code',
	userLive: 'user_live',
};

export const optionalUserFields: INodeProperties[] = [
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'string',
		default: 'Acct',
		description: 'Welcorp account type, e.g. Acct',
	},
	{
		displayName: 'Additional Reports Address',
		name: 'additionalReportsAddress',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Extra email address that receives job reports',
	},
	{
		displayName: 'Agree Spam Policy',
		name: 'agreeSpamPolicy',
		type: 'boolean',
		default: true,
		description: 'Whether the user agrees to the anti-spam policy',
	},
	{ displayName: 'Default SMS Sender ID', name: 'defaultSmsSenderId', type: 'string', default: '' },
	{ displayName: 'Fax', name: 'fax', type: 'string', default: '' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '' },
	{
		displayName: 'Monthly Limit',
		name: 'monthlyLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Spending limit per month',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{
		displayName: 'Receive Reports',
		name: 'receiveReports',
		type: 'boolean',
		default: true,
		description: 'Whether the user receives job reports by email',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Ms' },
	{
		displayName: 'User Live',
		name: 'userLive',
		type: 'boolean',
		default: true,
		description: 'Whether the user account is active',
	},
];

export const nameAndLoginFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'User Code',
		name: 'userCode',
		type: 'string',
		default: '',
		placeholder: 'au/my_test_user',
		description: 'The login of the user',
	},
];

export const COMPANY_FIELDS: INodeProperties[] = [
	{ displayName: 'ABN', name: 'abn', type: 'string', default: '' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{ displayName: 'Country', name: 'country', type: 'string', default: '' },
	{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	{ displayName: 'Suburb', name: 'suburb', type: 'string', default: '' },
];
