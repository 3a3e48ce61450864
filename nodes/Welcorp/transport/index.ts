import type { Page, ReadLimit, VendorSpec } from '../../shared';
import { collectCountedPages, firstText, httpBaseUrl, isRecord } from '../../shared';
import {
	idAnswerSchema,
	jobDetailSchema,
	jobPageSchema,
	textAnswerSchema,
	userDetailSchema,
	userListSchema,
} from './schemas';

export type { JobRow, UserRow } from './schemas';

/** Every call of the Welcorp REST API v1 the nodes make, relative to the credential's Base URL. */
const endpoints = {
	listJobs: { method: 'GET', path: '/jobs', idempotent: true, schema: jobPageSchema },
	getJob: { method: 'GET', path: '/jobs/{jobId}', idempotent: true, schema: jobDetailSchema },
	// A job, a user or a code sent twice would reach people twice: writes go out once.
	createJob: { method: 'POST', path: '/jobs', idempotent: false, schema: idAnswerSchema },
	listUsers: { method: 'GET', path: '/users', idempotent: true, schema: userListSchema },
	getUser: { method: 'GET', path: '/users/{userId}', idempotent: true, schema: userDetailSchema },
	createUser: { method: 'POST', path: '/users', idempotent: false, schema: idAnswerSchema },
	updateUser: {
		method: 'PUT',
		path: '/users/{userId}',
		idempotent: false,
		schema: idAnswerSchema,
	},
	sendCode: {
		method: 'POST',
		path: '/client_verification/sendCode',
		idempotent: false,
		schema: textAnswerSchema,
	},
	// Checking a code changes nothing, so it is retried like a read.
	validateCode: {
		method: 'POST',
		path: '/client_verification/validateCode',
		idempotent: true,
		schema: textAnswerSchema,
	},
} as const;

/** Welcorp answers `{ status, data }` or `{ status, errors }`; `status` repeats the HTTP status. */
export const WELCORP: VendorSpec<typeof endpoints> = {
	displayName: 'Welcorp',
	credentialType: 'welcorpApi',
	endpoints,
	baseUrl: httpBaseUrl(
		'Welcorp',
		'Use https://api.welcorp.com/api/v1 unless Welcorp gave you another address.',
		'URL',
	),
	// The credential checks the login once (preAuthentication) and again after a 401.
	session: { tokenField: 'credentialsChecked' },
	errorText: (body) => firstText(body, ['errors', 'message', 'error']),
	bodyFailure: (body) =>
		isRecord(body) && typeof body.status === 'number' && body.status >= 400
			? (firstText(body, ['errors', 'message']) ?? `the answer says status ${body.status}`)
			: undefined,
};

/** The doc names no maximum page size; the server may serve fewer than asked, which paging copes with. */
const MAX_PAGE_SIZE = 100;
/** Pages after the first are read this many at a time. */
const PAGE_CONCURRENCY = 4;

export interface LaravelAnswer<T> {
	data: T[];
	current_page?: number;
	last_page?: number;
	next_page_url?: string | null;
}

/** One Laravel page as the shared paging reads it: the next page number and the page count. */
export function laravelPage<T>(answer: LaravelAnswer<T>, page: number): Page<T, number> {
	const current = answer.current_page ?? page;
	const more =
		answer.last_page !== undefined ? current < answer.last_page : Boolean(answer.next_page_url);
	return { items: answer.data, next: more ? current + 1 : undefined, pageCount: answer.last_page };
}

/**
 * A page-numbered list with Return All / Limit. The page size stays the same on every page (or
 * page numbers would overlap): the most the API serves, or the limit when it is smaller.
 */
export async function readPages<T>(
	fetch: (page: number, pageSize: number) => Promise<LaravelAnswer<T>>,
	limit: ReadLimit,
): Promise<T[]> {
	const pageSize = limit.returnAll
		? MAX_PAGE_SIZE
		: Math.min(MAX_PAGE_SIZE, Math.max(1, limit.limit));
	return await collectCountedPages(
		1,
		async (page: number) => laravelPage(await fetch(page, pageSize), page),
		limit,
		{ concurrency: PAGE_CONCURRENCY, cursorAt: (index) => index + 1 },
	);
}
