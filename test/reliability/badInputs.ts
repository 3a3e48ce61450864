import type { INodeParameters } from 'n8n-workflow';

import {
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_QUEUES,
} from '../../sandbox/vendors/wesalPortal';
import { WESAL_VOC_EMAIL, WESAL_VOC_QUESTIONS } from '../../sandbox/vendors/wesalVoc';
import { LOGINS } from '../welcorp/fixture';

/**
 * Bad input, one row per case: the vendor, what is wrong, the parameters and the error the user
 * must get (naming the field as the editor shows it, and what is allowed), before any request.
 * A message ending in "…" is matched by its beginning (rows of KNOWN_BAD_INPUTS, whose wording
 * is the fixer's choice).
 */
export type BadInput = [vendor: string, name: string, parameters: INodeParameters, message: string];

/** Rows that fail because of a bug reported to the lead; they must keep failing until it is fixed. */
export const KNOWN_BAD_INPUTS: Record<string, string> = {};

const rating = WESAL_VOC_QUESTIONS[0];
const company = { __rl: true, mode: 'id', value: String(WESAL_PORTAL_COMPANIES[0].id) };
const queueIds = WESAL_PORTAL_QUEUES[0].id;

const vocSurveys = (extra: INodeParameters) => ({
	resource: 'survey',
	operation: 'getAll',
	startDate: '2025-11-01T00:00:00Z',
	endDate: '2025-11-02T00:00:00Z',
	returnAll: true,
	...extra,
});
const vocAnswers = (question: string, values: string) =>
	vocSurveys({ filters: { answers: { answer: [{ question, values }] } } });
const portalSurveys = (extra: INodeParameters) => ({
	resource: 'survey',
	operation: 'getAll',
	company,
	startDate: '2025-11-01T00:00:00Z',
	endDate: '2025-11-02T00:00:00Z',
	returnAll: true,
	...extra,
});
const performance = (extra: INodeParameters) => ({
	resource: 'queue',
	operation: 'getPerformance',
	queueIds,
	start: '2025-11-14T09:00:00Z',
	end: '2025-11-14T10:00:00Z',
	...extra,
});
const sendCode = (vendorEmail: string, extra: INodeParameters) => ({
	resource: 'account',
	operation: 'sendResetCode',
	method: 'email',
	email: vendorEmail,
	...extra,
});
const resetPassword = (vendorEmail: string, extra: INodeParameters) => ({
	resource: 'account',
	operation: 'resetPassword',
	method: 'email',
	email: vendorEmail,
	otp: '1234',
	newPassword: 'Fresh-Secret-73',
	...extra,
});
const finalized = (extra: INodeParameters) => ({
	resource: 'lead',
	operation: 'getFinalized',
	startDate: '2025-11-14T00:00:00Z',
	endDate: '2025-11-15T00:00:00Z',
	returnAll: true,
	...extra,
});
const wolkvoxSurveys = (extra: INodeParameters) => ({
	resource: 'survey',
	operation: 'getAll',
	startDate: '2025-11-01T00:00:00Z',
	endDate: '2025-11-02T00:00:00Z',
	returnAll: true,
	...extra,
});
const sms = (extra: INodeParameters) => ({
	resource: 'job',
	operation: 'create',
	jobType: 'sms',
	recipientSource: 'inputItems',
	batching: 'jobPerItem',
	destination: '61412345600',
	message: 'Your parcel is on its way',
	...extra,
});
const welcorpSend = (extra: INodeParameters) => ({
	resource: 'verification',
	operation: 'sendCode',
	clientRef: 'reliability',
	messageType: 'sms',
	destination: '61987654321',
	messageTemplate: 'Your ACME code is [[code]]',
	...extra,
});
const welcorpValidate = (extra: INodeParameters) => ({
	resource: 'verification',
	operation: 'validateCode',
	clientRef: 'reliability',
	enteredCode: '123456',
	...extra,
});
const newUser = (extra: INodeParameters) => ({
	resource: 'user',
	operation: 'create',
	userCode: 'au/newbie',
	password: 'Rel-Pa55-word',
	firstName: 'Rel',
	lastName: 'Iability',
	email: 'rel@example.com',
	companyMode: 'existing',
	companyId: 1,
	...extra,
});
const userUpdate = (extra: INodeParameters) => ({
	resource: 'user',
	operation: 'update',
	userId: String(LOGINS.user.user_id),
	updateFields: { phone: '0300000000' },
	...extra,
});

export const BAD_INPUTS: BadInput[] = [
	// Wesal VoC
	[
		'WesalVoc',
		'end before start',
		vocSurveys({ endDate: '2025-10-31T00:00:00Z' }),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'WesalVoc',
		'unparseable start',
		vocSurveys({ startDate: 'last tuesday' }),
		'Invalid "Start Date": "last tuesday" is not a date',
	],
	[
		'WesalVoc',
		'empty end',
		vocSurveys({ endDate: '={{ "" }}' }),
		'Invalid "End Date": a date is required',
	],
	[
		'WesalVoc',
		'limit of 0',
		vocSurveys({ returnAll: false, limit: 0 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'WesalVoc',
		'negative timeout',
		vocSurveys({ options: { timeout: '={{ -5 }}' } }),
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
	[
		'WesalVoc',
		'fractional limit',
		vocSurveys({ returnAll: false, limit: '={{ 2.5 }}' }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'WesalVoc',
		'timeout of 0',
		vocSurveys({ options: { timeout: 0 } }),
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
	[
		'WesalVoc',
		'unknown question',
		vocAnswers('Mood', '1'),
		'Invalid "Question Name or ID": "Mood" is not a question of this account',
	],
	[
		'WesalVoc',
		'answer off the scale',
		vocAnswers(rating.id, '1, 99'),
		`Invalid "Values" for "${rating.name}": "99" is not an answer between ${rating.minAnswer} and ${rating.maxAnswer}`,
	],
	[
		'WesalVoc',
		'answer filter without values',
		vocAnswers(rating.id, ' , '),
		`Invalid "Values" for "${rating.name}": give at least one answer`,
	],
	[
		'WesalVoc',
		'reset code without email',
		sendCode(WESAL_VOC_EMAIL, { email: '={{ "" }}' }),
		'Invalid "Email": "" is not an email address',
	],
	[
		'WesalVoc',
		'reset code to a bad phone',
		sendCode(WESAL_VOC_EMAIL, { method: 'phone', phone: 'call me' }),
		'Invalid "Phone": "call me" is not a phone number',
	],
	[
		'WesalVoc',
		'reset code by fax',
		sendCode(WESAL_VOC_EMAIL, { method: '={{ "fax" }}', phone: '0500000000' }),
		'Invalid "Method": "fax" must be "email" or "phone"',
	],
	[
		'WesalVoc',
		'reset without code',
		resetPassword(WESAL_VOC_EMAIL, { otp: ' ' }),
		'Invalid "Verification Code": it is required',
	],
	[
		'WesalVoc',
		'reset without new password',
		resetPassword(WESAL_VOC_EMAIL, { newPassword: '={{ "" }}' }),
		'Invalid "New Password": it is required',
	],

	// Wesal Portal
	[
		'WesalPortal',
		'survey end before start',
		portalSurveys({ endDate: '2025-10-31T00:00:00Z' }),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'WesalPortal',
		'unparseable survey start',
		portalSurveys({ startDate: 'soon' }),
		'Invalid "Start Date": "soon" is not a date',
	],
	[
		'WesalPortal',
		'company name instead of ID',
		portalSurveys({ company: { __rl: true, mode: 'id', value: '={{ "acme" }}' } }),
		'Invalid "Company": "acme" is not a company ID (a whole number, e.g. 100301)',
	],
	[
		'WesalPortal',
		'no company',
		portalSurveys({ company: { __rl: true, mode: 'list', value: '={{ "" }}' } }),
		'Invalid "Company": it is required',
	],
	[
		'WesalPortal',
		'survey limit of 0',
		portalSurveys({ returnAll: false, limit: 0 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'WesalPortal',
		'survey timeout of 0',
		portalSurveys({ options: { timeout: 0 } }),
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
	[
		'WesalPortal',
		'questions of no company',
		{
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'id', value: '={{ "x" }}' },
			returnAll: true,
		},
		'Invalid "Company": "x" is not a company ID (a whole number, e.g. 100301)',
	],
	[
		'WesalPortal',
		'performance end before start',
		performance({ end: '2025-11-14T08:00:00Z' }),
		'Invalid "End": it must not be before "Start"',
	],
	[
		'WesalPortal',
		'performance end equal to start',
		performance({ end: '2025-11-14T09:00:00Z' }),
		'Invalid "End": it must be after "Start"',
	],
	[
		'WesalPortal',
		'performance over too long',
		performance({ start: '2025-01-01T00:00:00Z', end: '2025-11-14T00:00:00Z' }),
		'Invalid "End": the interval must not be longer than 31 days',
	],
	[
		'WesalPortal',
		'performance without queues',
		performance({ queueIds: '={{ " , " }}' }),
		'Invalid "Queue Names or IDs": choose at least one queue',
	],
	[
		'WesalPortal',
		'summary without queues',
		{ resource: 'queue', operation: 'getSummary', queueIds: '={{ [] }}' },
		'Invalid "Queue Names or IDs": choose at least one queue',
	],
	[
		'WesalPortal',
		'activity without queues',
		{ resource: 'queue', operation: 'getActivity', queueIds: '={{ "" }}' },
		'Invalid "Queue Names or IDs": choose at least one queue',
	],
	[
		'WesalPortal',
		'reset code with a bad email',
		sendCode(WESAL_PORTAL_EMAIL, { email: 'cx.lead' }),
		'Invalid "Email": "cx.lead" is not an email address',
	],
	[
		'WesalPortal',
		'reset code to a bad phone',
		sendCode(WESAL_PORTAL_EMAIL, { method: 'phone', phone: '12' }),
		'Invalid "Phone": "12" is not a phone number',
	],
	[
		'WesalPortal',
		'reset without code',
		resetPassword(WESAL_PORTAL_EMAIL, { otp: '={{ "" }}' }),
		'Invalid "Verification Code": it is required',
	],

	// WeClever
	[
		'WeClever',
		'lead ID with letters',
		{ resource: 'lead', operation: 'get', leadId: 'abc' },
		'Invalid "Lead ID": must be a whole number such as 123456',
	],
	[
		'WeClever',
		'lead ID 0',
		{ resource: 'lead', operation: 'get', leadId: '0' },
		'Invalid "Lead ID": must be a whole number such as 123456',
	],
	[
		'WeClever',
		'negative lead ID',
		{ resource: 'lead', operation: 'get', leadId: '-7' },
		'Invalid "Lead ID": must be a whole number such as 123456',
	],
	[
		'WeClever',
		'fractional lead ID',
		{ resource: 'lead', operation: 'get', leadId: '={{ 12.5 }}' },
		'Invalid "Lead ID": must be a whole number such as 123456',
	],
	[
		'WeClever',
		'empty lead ID',
		{ resource: 'lead', operation: 'get', leadId: '={{ "" }}' },
		'Invalid "Lead ID": a lead ID is required',
	],
	[
		'WeClever',
		'lead ID too long',
		{ resource: 'lead', operation: 'get', leadId: '1234567890123456' },
		'Invalid "Lead ID": must be a whole number such as 123456',
	],
	[
		'WeClever',
		'finalized end before start',
		finalized({ endDate: '2025-11-13T00:00:00Z' }),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'WeClever',
		'unparseable finalized start',
		finalized({ startDate: 'yesterday' }),
		'Invalid "Start Date": "yesterday" is not a date',
	],
	[
		'WeClever',
		'limit of 0',
		finalized({ returnAll: false, limit: 0 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'WeClever',
		'fractional limit',
		finalized({ returnAll: false, limit: 2.5 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'WeClever',
		'timeout of 0',
		finalized({ options: { timeout: 0 } }),
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
	[
		'WeClever',
		'unknown date precision',
		finalized({ datePrecision: '={{ "week" }}' }),
		'Invalid "Date Precision": must be "dateTime" or "date"',
	],

	// Wolkvox
	[
		'Wolkvox',
		'end before start',
		wolkvoxSurveys({ endDate: '2025-10-01T00:00:00Z' }),
		'Invalid "End Date": it must not be before "Start Date"',
	],
	[
		'Wolkvox',
		'unparseable end',
		wolkvoxSurveys({ endDate: 'later' }),
		'Invalid "End Date": "later" is not a date',
	],
	[
		'Wolkvox',
		'empty start',
		wolkvoxSurveys({ startDate: '={{ "" }}' }),
		'Invalid "Start Date": a date is required',
	],
	[
		'Wolkvox',
		'limit of 0',
		wolkvoxSurveys({ returnAll: false, limit: 0 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'Wolkvox',
		'fractional limit',
		wolkvoxSurveys({ returnAll: false, limit: 1.5 }),
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'Wolkvox',
		'0 days per request',
		wolkvoxSurveys({ options: { windowDays: 0 } }),
		'Invalid "Days per Request": must be a whole number from 1 to 31',
	],
	[
		'Wolkvox',
		'32 days per request',
		wolkvoxSurveys({ options: { windowDays: 32 } }),
		'Invalid "Days per Request": must be a whole number from 1 to 31',
	],
	[
		'Wolkvox',
		'timeout of 0',
		wolkvoxSurveys({ options: { timeout: 0 } }),
		'Invalid "Timeout": must be a positive number of milliseconds',
	],

	// Welcorp
	[
		'Welcorp',
		'job ID with letters',
		{ resource: 'job', operation: 'get', jobId: 'j-12' },
		'Invalid "Job ID": "j-12" is not a whole number, e.g. 60276558',
	],
	[
		'Welcorp',
		'user ID with letters',
		{ resource: 'user', operation: 'get', userId: 'x1' },
		'Invalid "User ID": "x1" is not a whole number, e.g. 421',
	],
	[
		'Welcorp',
		'jobs started before they started after',
		{
			resource: 'job',
			operation: 'getAll',
			returnAll: true,
			filters: { startAfter: '2025-11-10T00:00:00Z', startBefore: '2025-11-01T00:00:00Z' },
		},
		'Invalid "Started Before": it must be later than "Started After"',
	],
	[
		'Welcorp',
		'SMS job without destination',
		sms({ destination: '={{ "" }}' }),
		'Invalid "Destination": it is empty',
	],
	[
		'Welcorp',
		'SMS job to a bad number',
		sms({ destination: 'call me' }),
		'Invalid "Destination": "call me" is not a phone number',
	],
	[
		'Welcorp',
		'SMS job without message',
		sms({ message: '={{ "" }}' }),
		'Invalid "Message": it is required for SMS jobs',
	],
	[
		'Welcorp',
		'SMS job with an unknown merge field',
		sms({ message: 'Hi %%nickname%%' }),
		'Invalid "Message": it uses the merge field %%nickname%%, but no recipient provides "nickname"',
	],
	[
		'Welcorp',
		'unknown job type',
		sms({ jobType: 'pigeon' }),
		'Invalid "Job Type": "pigeon" is not a Welcorp job type',
	],
	[
		'Welcorp',
		'jobs limit of 0',
		{ resource: 'job', operation: 'getAll', returnAll: false, limit: 0 },
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'Welcorp',
		'users limit from text',
		{ resource: 'user', operation: 'getAll', returnAll: false, limit: '={{ "ten" }}' },
		'Invalid "Limit": must be a whole number of 1 or more',
	],
	[
		'Welcorp',
		'users timeout of 0',
		{ resource: 'user', operation: 'getAll', returnAll: true, options: { timeout: 0 } },
		'Invalid "Timeout": must be a positive number of milliseconds',
	],
	[
		'Welcorp',
		'user update without fields',
		userUpdate({ updateFields: {} }),
		'Invalid "Update Fields": add at least one field to change',
	],
	[
		'Welcorp',
		'user update with a bad email',
		userUpdate({ updateFields: { email: 'not-mail' } }),
		'Invalid "Email": "not-mail" is not an email address',
	],
	[
		'Welcorp',
		'user code with a space',
		newUser({ userCode: 'au/a b' }),
		'Invalid "User Code": "au/a b" must not contain spaces',
	],
	[
		'Welcorp',
		'new company without name',
		newUser({ companyMode: 'new', companyName: '={{ "" }}' }),
		'Invalid "Company Name": it is required for a new company',
	],
	[
		'Welcorp',
		'user without password',
		newUser({ password: '={{ "" }}' }),
		'Invalid "Password": it is required',
	],
	[
		'Welcorp',
		'code template without [[code]]',
		welcorpSend({ messageTemplate: 'Your code is ready' }),
		'Invalid "Message Template": it must contain [[code]] where the code goes',
	],
	[
		'Welcorp',
		'code by SMS to a short number',
		welcorpSend({ destination: '0412' }),
		'Invalid "Destination": "0412" is not an international phone number',
	],
	[
		'Welcorp',
		'code by email to a phone number',
		welcorpSend({ messageType: 'email' }),
		'Invalid "Destination": "61987654321" is not an email address',
	],
	[
		'Welcorp',
		'code without client reference',
		welcorpSend({ clientRef: '={{ "" }}' }),
		'Invalid "Client Reference": it is required',
	],
	[
		'Welcorp',
		'validation window of 0',
		welcorpValidate({ validationWindow: 0 }),
		'Invalid "Validation Window (Minutes)": 0 must be a whole number from 1 to 120',
	],
	[
		'Welcorp',
		'validation window of 121',
		welcorpValidate({ validationWindow: 121 }),
		'Invalid "Validation Window (Minutes)": 121 must be a whole number from 1 to 120',
	],
	[
		'Welcorp',
		'empty entered code',
		welcorpValidate({ enteredCode: '={{ "" }}' }),
		'Invalid "Entered Code": it is required',
	],
];
