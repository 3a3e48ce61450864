import type { INodeListSearchResult } from 'n8n-workflow';

import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { WelcorpTrigger } from '../../nodes/Welcorp/WelcorpTrigger.node';
import { DIST1_USERS } from '../../sandbox/vendors/welcorp';
import { listSearch } from '../harness';
import { LOGINS, WelcorpFixture, type Login } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

async function search(
	method: string,
	filter?: string,
	paginationToken?: unknown,
	nodeType: typeof Welcorp | typeof WelcorpTrigger = Welcorp,
): Promise<INodeListSearchResult> {
	return await listSearch({
		nodeType,
		method,
		filter,
		paginationToken: paginationToken as string | undefined,
		store: fx.store,
		credentials: { welcorpApi: fx.credentialId },
	});
}

/** Every page of a From List, following its tokens. */
async function allPages(method: string, filter?: string) {
	const pages: INodeListSearchResult[] = [];
	let token: unknown;
	do {
		pages.push(await search(method, filter, token));
		token = pages[pages.length - 1].paginationToken;
	} while (token !== undefined && pages.length < 20);
	return pages;
}

/** The users a login sees, as the API lists them (the emulator's answer, not the node's). */
async function visibleUsers(login: Login) {
	const users: Array<Record<string, any>> = [];
	for (let page = 1; ; page++) {
		const { json } = await fx.api('GET', `/users?page=${page}&page_size=100`, login);
		users.push(...(json.data as Array<Record<string, any>>));
		if (page >= (json.last_page as number)) return users;
	}
}

const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

describe('Job ID: From List', () => {
	it('lists the newest jobs page by page, and searches the name', async () => {
		const truth = await fx.truthJobs(LOGINS.user.user_id);
		const first = await search('searchJobs');
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: `${truth[0].job_id} ${truth[0].job_name} (${truth[0].job_type}, au/testuser, ${minute(truth[0].startMs)})`,
			value: String(truth[0].job_id),
		});
		expect(first.results.map((result) => result.value)).toEqual(
			truth.slice(0, 100).map((job) => String(job.job_id)),
		);
		expect(first.paginationToken).toBe(2);
		const second = await search('searchJobs', undefined, first.paginationToken);
		expect(second.results.map((result) => result.value)).toEqual(
			truth.slice(100, 200).map((job) => String(job.job_id)),
		);
		const log = await fx.requests({ path: '/jobs' });
		expect(log.map((entry) => entry.query)).toEqual([
			{ page: '1', page_size: '100' },
			{ page: '2', page_size: '100' },
		]);

		const reminders = await search('searchJobs', 'schedule-REMINDER');
		const expected = truth.slice(0, 100).filter((job) => job.job_name === 'Schedule-Reminder');
		expect(expected.length).toBeGreaterThan(3);
		expect(reminders.results.map((result) => result.value)).toEqual(
			expected.map((job) => String(job.job_id)),
		);
		expect(reminders.paginationToken).toBe(2);
	});

	it('gets the job chosen from the list, typed as an ID, or given by an expression', async () => {
		const [newest] = await fx.truthJobs(LOGINS.user.user_id);
		const id = String(newest.job_id);
		for (const jobId of [
			{ mode: 'list', value: id, cachedResultName: 'the newest job' },
			{ mode: 'id', value: id },
			'={{ $json.job }}',
		]) {
			const { items, error } = await fx.run(
				{ resource: 'job', operation: 'get', jobId, output: 'selected', fields: ['jobId'] },
				{ items: [{ json: { job: newest.job_id } }] },
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([{ jobId: newest.job_id }]);
		}
	});
});

describe('User ID: From List', () => {
	it('pages through the users an admin sees, and searches login and name', async () => {
		fx.useLogin('admin');
		const truth = await visibleUsers('admin');
		await fx.emulator.clearRequests();
		const pages = await allPages('searchUsers');
		// 457 users, 100 a page.
		expect(pages.map((page) => page.results.length)).toEqual([100, 100, 100, 100, 57]);
		expect(pages.map((page) => page.paginationToken)).toEqual([2, 3, 4, 5, undefined]);
		const listed = pages.flatMap((page) => page.results);
		expect(listed).toHaveLength(DIST1_USERS);
		expect(listed.map((result) => result.value)).toEqual(truth.map((u) => String(u.user_id)));
		expect(listed.find((result) => result.value === '421')).toEqual({
			name: 'au/testuser (Jane Smith)',
			value: '421',
		});

		const smiths = (await allPages('searchUsers', 'SMITH')).flatMap((page) => page.results);
		const expected = truth.filter((u) =>
			`${u.user_code} (${u.first_name} ${u.last_name})`.toLowerCase().includes('smith'),
		);
		expect(expected.length).toBeGreaterThan(5);
		expect(smiths.map((result) => result.value)).toEqual(expected.map((u) => String(u.user_id)));
	});

	it('shows a plain user only themselves', async () => {
		const page = await search('searchUsers');
		expect(page).toEqual({ results: [{ name: 'au/testuser (Jane Smith)', value: '421' }] });
	});

	it("filters the trigger's jobs by the user chosen from the list", async () => {
		fx.useLogin('admin');
		const page = await search('searchUsers', 'au/agent', undefined, WelcorpTrigger);
		expect(page.results.map((result) => result.value)).toContain('91');
		const poller = fx.poller({
			event: 'newJob',
			filters: { userId: { mode: 'list', value: '421', cachedResultName: 'au/testuser' } },
		});
		await poller.activate();
		const log = await fx.requests({ path: '/jobs' });
		expect(log.length).toBeGreaterThan(0);
		expect(log.every((entry) => entry.query.user_id === '421')).toBe(true);
	});
});

describe('Company ID: From List', () => {
	it('lists the companies of the visible users, each once across pages', async () => {
		fx.useLogin('admin');
		const truth = new Map<string, string>();
		for (const user of await visibleUsers('admin'))
			truth.set(String(user.company_id), `${user.company.name} (${user.company_id})`);
		const pages = await allPages('searchCompanies');
		expect(pages).toHaveLength(5);
		const listed = pages.flatMap((page) => page.results);
		expect(new Set(listed.map((result) => result.value)).size).toBe(listed.length);
		expect(new Map(listed.map((result) => [result.value, result.name]))).toEqual(truth);
		expect(listed[0]).toEqual({ name: 'Generic Computer Corp (1)', value: '1' });

		const generic = (await allPages('searchCompanies', 'generic')).flatMap((page) => page.results);
		expect(generic).toEqual([{ name: 'Generic Computer Corp (1)', value: '1' }]);
	});

	it('joins the company chosen from the list when creating a user', async () => {
		fx.useLogin('admin');
		const [company] = (await search('searchCompanies', 'generic')).results;
		const { items } = await fx.run({
			resource: 'user',
			operation: 'create',
			userCode: 'au/listed',
			password: 'pass-word',
			firstName: 'L',
			lastName: 'S',
			email: 'l@s.co',
			companyMode: 'existing',
			companyId: { mode: 'list', value: company.value, cachedResultName: company.name },
		});
		const created = await fx.api('GET', `/users/${items[0].json.user_id}`, 'admin');
		expect(created.json.data.company_id).toBe(1);
	});
});
