import type { VendorSpec } from '../../shared';
import { httpBaseUrl } from '../../shared';
import { errorCode, errorText, failedPart } from './errorCodes';
import {
	loginSchema,
	organizationSchema,
	queueActivitySchema,
	queuePerformanceSchema,
	queueSummarySchema,
	questionsSchema,
	successSchema,
	surveyPageSchema,
} from './schemas';

export * from './schemas';

export const DEFAULT_BASE_URL = 'https://api.wesal.dev/api/v1';

/** Every call of the Wesal Portal API doc; a correction is one line here. */
const endpoints = {
	login: { method: 'POST', path: '/auth/login', idempotent: false, schema: loginSchema },
	// The doc's curl sends the reset calls with only Content-Type and X-Client-Id: no login.
	sendResetCode: {
		method: 'POST',
		path: '/auth/reset',
		idempotent: false,
		withoutSession: true,
		schema: successSchema,
	},
	resetPassword: {
		method: 'POST',
		path: '/auth/verify',
		idempotent: false,
		withoutSession: true,
		schema: successSchema,
	},
	// The doc's curl example says auth/logout, its text says auth/reset_pwd: the curl is used.
	logout: { method: 'GET', path: '/auth/logout', idempotent: false, schema: successSchema },
	getOrganization: {
		method: 'GET',
		path: '/queries/organization',
		idempotent: true,
		schema: organizationSchema,
	},
	getQuestions: {
		method: 'GET',
		path: '/survey/queries/questions/{companyId}',
		idempotent: true,
		schema: questionsSchema,
	},
	// The searches and analytics below are reads even though the API uses POST for them.
	searchSurveys: {
		method: 'POST',
		path: '/survey/queries/surveys',
		idempotent: true,
		schema: surveyPageSchema,
	},
	queueSummary: {
		method: 'POST',
		path: '/analytics/runtime/queues/summary',
		idempotent: true,
		schema: queueSummarySchema,
	},
	queueActivity: {
		method: 'POST',
		path: '/analytics/runtime/queues/activity',
		idempotent: true,
		schema: queueActivitySchema,
	},
	queuePerformance: {
		method: 'POST',
		path: '/analytics/queues/performance',
		idempotent: true,
		schema: queuePerformanceSchema,
	},
} as const;

/**
 * Wesal Portal answers `{ data, success }`; errors carry the doc's X-codes. `success: false` is
 * an error whatever the HTTP status, and the queue calls also nest one in `data`.
 */
export const WESAL_PORTAL: VendorSpec<typeof endpoints> = {
	displayName: 'Wesal Portal',
	credentialType: 'wesalPortalApi',
	endpoints,
	baseUrl: httpBaseUrl('Wesal Portal', `Use the address of the API, e.g. ${DEFAULT_BASE_URL}.`),
	// X003 means the token is unknown or expired, whatever HTTP status it comes with.
	session: {
		tokenField: 'accessToken',
		rejected: (failure) => errorCode(failure.body) === 'X003',
	},
	errorText,
	bodyFailure: (body) => {
		const failed = failedPart(body);
		return failed ? (errorText(body) ?? 'the answer says success: false') : undefined;
	},
};
