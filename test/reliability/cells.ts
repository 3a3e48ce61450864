import type { INodeParameters } from 'n8n-workflow';

import {
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_QUEUES,
} from '../../sandbox/vendors/wesalPortal';
import { WESAL_VOC_EMAIL } from '../../sandbox/vendors/wesalVoc';
import { LOGINS } from '../welcorp/fixture';
import type { VendorSession } from './vendors';

/**
 * One row per (vendor, operation): what the node is asked to do and which of its requests the
 * faults are aimed at. Adding an operation to the fault matrix is one row here.
 */
export interface Cell {
	vendor: string;
	/** The operation as the node names it in errors, e.g. "Survey: Get Many". */
	operation: string;
	/** Reads must recover from transient faults; writes must be sent once and fail clearly. */
	access: 'read' | 'write';
	/** The operation's own requests (faults target them; login calls are left alone). */
	target: { method?: string; path: string };
	/** The run sends several requests of the target (pages, windows, details). */
	multiRequest?: boolean;
	/** Needs a credential that has not logged in yet (reset before every run). */
	fresh?: boolean;
	parameters: INodeParameters;
	/** Parameters that depend on the emulator's data, merged over `parameters` (called after a reset). */
	fill?: (session: VendorSession) => Promise<INodeParameters>;
	/** Output fields a vendor hands out anew on every write (ids), left out when outputs are compared. */
	volatile?: string[];
}

/** Fixed windows: the Wesal VoC emulator seeds data up to the current hour, the others up to 2025-11-15 12:00Z. */
const HOUR = 3_600_000;
const vocEnd = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const vocStart = new Date(vocEnd.getTime() - 3 * 24 * HOUR);
const company = { __rl: true, mode: 'id', value: String(WESAL_PORTAL_COMPANIES[0].id) };
const queueIds = WESAL_PORTAL_QUEUES.slice(0, 3)
	.map((queue) => queue.id)
	.join(', ');

async function otp(session: VendorSession, vendor: string, send: INodeParameters): Promise<string> {
	await session.run(send);
	const answer = await session.emulator.control<{ otp?: string; code?: string }>(
		'GET',
		`${vendor}/otp`,
	);
	await session.emulator.clearRequests();
	return String(answer.otp ?? answer.code);
}

const vocReset = {
	resource: 'account',
	operation: 'sendResetCode',
	method: 'email',
	email: WESAL_VOC_EMAIL,
};
const portalReset = {
	resource: 'account',
	operation: 'sendResetCode',
	method: 'email',
	email: WESAL_PORTAL_EMAIL,
};

export const CELLS: Cell[] = [
	// Wesal VoC
	{
		vendor: 'WesalVoc',
		operation: 'Survey: Get Many',
		access: 'read',
		target: { path: '/survey/queries/surveys' },
		multiRequest: true,
		parameters: {
			resource: 'survey',
			operation: 'getAll',
			startDate: vocStart.toISOString(),
			endDate: vocEnd.toISOString(),
			returnAll: true,
		},
	},
	{
		vendor: 'WesalVoc',
		operation: 'Company: Get Question Schema',
		access: 'read',
		target: { path: '/survey/queries/surveys' },
		// The schema comes with the login answer: only a credential without one sends a request.
		fresh: true,
		parameters: { resource: 'company', operation: 'getQuestionSchema' },
	},
	{
		vendor: 'WesalVoc',
		operation: 'Account: Logout',
		// GET, and ending a session twice ends it once: the node treats it as a read (retried).
		access: 'read',
		target: { path: '/auth/logout' },
		fresh: true,
		parameters: { resource: 'account', operation: 'logout' },
	},
	{
		vendor: 'WesalVoc',
		operation: 'Account: Send Reset Code',
		access: 'write',
		target: { path: '/auth/reset' },
		parameters: vocReset,
	},
	{
		vendor: 'WesalVoc',
		operation: 'Account: Reset Password',
		access: 'write',
		target: { path: '/auth/verify' },
		parameters: {
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_VOC_EMAIL,
			newPassword: 'Fresh-Secret-71',
		},
		fill: async (session) => ({ otp: await otp(session, 'wesal-voc', vocReset) }),
	},

	// Wesal Portal
	{
		vendor: 'WesalPortal',
		operation: 'Organization: Get',
		access: 'read',
		target: { path: '/queries/organization' },
		parameters: { resource: 'organization', operation: 'get' },
	},
	{
		vendor: 'WesalPortal',
		operation: 'Question: Get Many',
		access: 'read',
		target: { path: '^/survey/queries/questions/' },
		parameters: { resource: 'question', operation: 'getAll', company, returnAll: true },
	},
	{
		vendor: 'WesalPortal',
		operation: 'Queue: Get Summary',
		access: 'read',
		target: { path: '/analytics/runtime/queues/summary' },
		parameters: { resource: 'queue', operation: 'getSummary', queueIds },
	},
	{
		vendor: 'WesalPortal',
		operation: 'Queue: Get Activity',
		access: 'read',
		target: { path: '/analytics/runtime/queues/activity' },
		parameters: { resource: 'queue', operation: 'getActivity', queueIds },
	},
	{
		vendor: 'WesalPortal',
		operation: 'Queue: Get Performance',
		access: 'read',
		target: { path: '/analytics/queues/performance' },
		parameters: {
			resource: 'queue',
			operation: 'getPerformance',
			queueIds,
			start: '2025-11-14T09:00:00Z',
			end: '2025-11-14T12:00:00Z',
			partial: true,
		},
	},
	{
		vendor: 'WesalPortal',
		operation: 'Survey: Get Many',
		access: 'read',
		target: { path: '/survey/queries/surveys' },
		multiRequest: true,
		parameters: {
			resource: 'survey',
			operation: 'getAll',
			company,
			startDate: '2025-11-13T00:00:00Z',
			endDate: '2025-11-15T00:00:00Z',
			returnAll: true,
		},
	},
	{
		vendor: 'WesalPortal',
		operation: 'Account: Send Reset Code',
		access: 'write',
		target: { path: '/auth/reset' },
		parameters: portalReset,
	},
	{
		vendor: 'WesalPortal',
		operation: 'Account: Reset Password',
		access: 'write',
		target: { path: '/auth/verify' },
		parameters: {
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			newPassword: 'Fresh-Secret-72',
		},
		fill: async (session) => ({ otp: await otp(session, 'wesal-portal', portalReset) }),
	},
	{
		vendor: 'WesalPortal',
		operation: 'Account: Logout',
		access: 'write',
		target: { path: '/auth/logout' },
		parameters: { resource: 'account', operation: 'logout' },
	},

	// WeClever
	{
		vendor: 'WeClever',
		operation: 'Lead: Get Finalized',
		access: 'read',
		target: { path: '^/lead/find/' },
		multiRequest: true,
		parameters: {
			resource: 'lead',
			operation: 'getFinalized',
			startDate: '2025-11-14T00:00:00Z',
			endDate: '2025-11-15T00:00:00Z',
			returnAll: true,
			options: { includeDetails: true },
		},
	},
	{
		vendor: 'WeClever',
		operation: 'Lead: Get',
		access: 'read',
		target: { path: '^/lead/find/weclever_id/' },
		parameters: { resource: 'lead', operation: 'get' },
		fill: async (session) => {
			const { leads } = await session.emulator.control<{
				leads: Array<{ weclever_lead_id: number }>;
			}>('GET', 'weclever/leads');
			return { leadId: String(leads[0].weclever_lead_id) };
		},
	},

	// Wolkvox
	{
		vendor: 'Wolkvox',
		operation: 'Survey: Get Many',
		access: 'read',
		target: { path: '/reports_manager.php' },
		multiRequest: true,
		parameters: {
			resource: 'survey',
			operation: 'getAll',
			startDate: '2025-10-15T00:00:00Z',
			endDate: '2025-11-15T00:00:00Z',
			returnAll: true,
			options: { windowDays: 8 },
		},
	},

	// Welcorp
	{
		vendor: 'Welcorp',
		operation: 'Job: Get Many',
		access: 'read',
		target: { method: 'GET', path: '/jobs' },
		multiRequest: true,
		parameters: { resource: 'job', operation: 'getAll', returnAll: false, limit: 250 },
	},
	{
		vendor: 'Welcorp',
		operation: 'Job: Get',
		access: 'read',
		target: { method: 'GET', path: '^/jobs/\\d+$' },
		parameters: { resource: 'job', operation: 'get' },
		fill: async (session) => {
			const { jobs } = await session.emulator.control<{ jobs: Array<{ job_id: number }> }>(
				'GET',
				`welcorp/jobs?user_id=${LOGINS.user.user_id}`,
			);
			return { jobId: String(jobs[0].job_id) };
		},
	},
	{
		vendor: 'Welcorp',
		operation: 'User: Get Many',
		access: 'read',
		target: { method: 'GET', path: '/users' },
		multiRequest: true,
		parameters: { resource: 'user', operation: 'getAll', returnAll: true },
	},
	{
		vendor: 'Welcorp',
		operation: 'User: Get',
		access: 'read',
		target: { method: 'GET', path: '^/users/\\d+$' },
		parameters: { resource: 'user', operation: 'get', userId: String(LOGINS.user.user_id) },
	},
	{
		vendor: 'Welcorp',
		operation: 'Verification: Validate Code',
		access: 'read',
		target: { path: '/client_verification/validateCode' },
		parameters: {
			resource: 'verification',
			operation: 'validateCode',
			clientRef: 'reliability',
			enteredCode: '123456',
		},
	},
	{
		vendor: 'Welcorp',
		operation: 'Job: Create',
		access: 'write',
		target: { method: 'POST', path: '/jobs' },
		volatile: ['job_id'],
		parameters: {
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			recipientSource: 'inputItems',
			batching: 'jobPerItem',
			destination: '61412345600',
			message: 'Your parcel is on its way',
		},
	},
	{
		vendor: 'Welcorp',
		operation: 'User: Create',
		access: 'write',
		target: { method: 'POST', path: '/users' },
		volatile: ['user_id'],
		parameters: {
			resource: 'user',
			operation: 'create',
			userCode: '={{ "au/reliability" + $itemIndex }}',
			password: 'Rel-Pa55-word',
			firstName: 'Rel',
			lastName: 'Iability',
			email: 'rel@example.com',
			companyMode: 'existing',
			companyId: 1,
		},
	},
	{
		vendor: 'Welcorp',
		operation: 'User: Update',
		access: 'write',
		target: { method: 'PUT', path: '^/users/\\d+$' },
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: String(LOGINS.user.user_id),
			updateFields: { phone: '0300000000' },
		},
	},
	{
		vendor: 'Welcorp',
		operation: 'Verification: Send Code',
		access: 'write',
		target: { path: '/client_verification/sendCode' },
		parameters: {
			resource: 'verification',
			operation: 'sendCode',
			clientRef: 'reliability',
			messageType: 'sms',
			destination: '61987654321',
			messageTemplate: 'Your ACME code is [[code]]',
		},
	},
];
