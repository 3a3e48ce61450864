import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server';
import {
	WESAL_VOC_BASE_PATH,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
	WESAL_VOC_PASSWORD,
	type WesalVocSurvey,
} from '../../sandbox/vendors/wesalVoc';

export const VOC = WESAL_VOC_BASE_PATH;
/** Fixed so the data set is the same on every run. */
export const ANCHOR = new Date('2025-11-15T12:00:00Z');

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export function start(opts: SandboxOptions = {}): Promise<SandboxHandle> {
	return startSandbox({ port: 0, anchor: ANCHOR, ...opts });
}

export async function call(
	sb: SandboxHandle,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Reply> {
	const res = await fetch(sb.url + path, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export function loginBody(password = WESAL_VOC_PASSWORD) {
	return { company: WESAL_VOC_COMPANY_NAME, email: WESAL_VOC_EMAIL, password };
}

export async function login(sb: SandboxHandle, password = WESAL_VOC_PASSWORD): Promise<string> {
	const r = await call(sb, 'POST', `${VOC}/auth/login`, loginBody(password), {
		'X-Client-Id': WESAL_VOC_CLIENT_ID,
	});
	if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
	return r.json.token as string;
}

export function searchBody(overrides: Record<string, unknown> = {}) {
	return {
		startDate: '2025-01-01T00:00:00',
		endDate: '2025-12-31T23:59:59',
		agents: [],
		queues: [],
		answers: {},
		companyId: WESAL_VOC_COMPANY_ID,
		page: 1,
		...overrides,
	};
}

export function search(sb: SandboxHandle, token: string, overrides: Record<string, unknown> = {}) {
	return call(sb, 'POST', `${VOC}/survey/queries/surveys`, searchBody(overrides), {
		Authorization: token,
	});
}

/** Every page until an empty one, as a node must do (it does not know the page size). */
export async function searchAll(
	sb: SandboxHandle,
	token: string,
	overrides: Record<string, unknown> = {},
) {
	const surveys: WesalVocSurvey[] = [];
	const totals = new Set<number>();
	for (let page = 1; ; page++) {
		const r = await search(sb, token, { ...overrides, page });
		expect(r.status).toBe(200);
		totals.add(r.json.total);
		expect(r.json.pageTotal).toBe(r.json.surveys.length);
		if (r.json.surveys.length === 0) break;
		surveys.push(...r.json.surveys);
	}
	expect(totals.size).toBe(1);
	return { surveys, total: [...totals][0] };
}

export async function groundTruth(sb: SandboxHandle): Promise<WesalVocSurvey[]> {
	const r = await call(sb, 'GET', '/__control/wesal-voc/surveys');
	return r.json.surveys;
}
