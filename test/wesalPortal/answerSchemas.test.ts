import type { INodeParameters } from 'n8n-workflow';

import { testCredential } from '../harness';
import { COMPANY, ORGANIZATION, SEARCH, VENDOR, WesalPortalFixture } from './fixture';

/**
 * Answers of another shape than the doc's, for the login, the organization, the questions, the
 * survey search and the queue reads: each is refused as "an unexpected shape" (a read after its
 * 4 attempts), the field the schema found named in the description, never passed on as if it
 * were the record. Output stays Simplified (the default), where every documented field is checked.
 */
let fx: WesalPortalFixture;
beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const QUESTIONS = `/survey/queries/questions/${COMPANY.id}`;
const SUMMARY = '/analytics/runtime/queues/summary';
const ACTIVITY = '/analytics/runtime/queues/activity';
const PERFORMANCE = '/analytics/queues/performance';

/** Serves `body` (HTTP 200) for the next `count` requests; Retry-After 0 keeps read retries quick. */
async function serve(path: string, body: unknown, count = 4): Promise<void> {
	await fx.emulator.fault({
		vendor: VENDOR,
		path,
		kind: 'status',
		status: 200,
		body,
		headers: { 'retry-after': '0' },
		count,
	});
}

/** The run failed with the unexpected-shape error of a read, `found` named in the description. */
async function expectRefused(
	parameters: INodeParameters,
	path: string,
	operation: string,
	found: string,
): Promise<void> {
	const run = await fx.run(parameters);
	expect(run.items).toEqual([]);
	expect(run.error?.message).toBe(
		`Wesal Portal answered "${operation}" in an unexpected shape (HTTP 200)`,
	);
	expect(run.error?.description).toBe(
		`The answer did not have the documented shape (${found}). It was tried 4 times. Check that the Base URL in the "Wesal Portal API" credential points at the API.`,
	);
	expect(await fx.emulator.requests(VENDOR, { path })).toHaveLength(4);
}

describe('the login answer must carry an access token', () => {
	it.each([
		['without an access token', { success: true, data: { token_type: 'Bearer' } }],
		['with an empty access token', { success: true, data: { access_token: '' } }],
		['with an access token that is a number', { success: true, data: { access_token: 42 } }],
	])('is refused %s in the credential test, before the test request', async (_name, body) => {
		await serve('/auth/login', body, 1);
		const result = await testCredential(fx.store, 'wesalPortalApi', fx.credentialData());
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wesal Portal did not accept the login: the login answer has no access token at "data.access_token". Check Email, Password and Client ID.',
		});
		expect((await fx.emulator.requests(VENDOR)).map((request) => request.path)).toEqual([
			'/auth/login',
		]);
	});
});

describe('Organization → Get: { data: { organization: { id, name }, companies: [{ id, name }] } }', () => {
	const organization = { id: 7, name: 'Hadef', region: 'me' };
	it.each<[string, unknown, string]>([
		[
			'a company without an id',
			{ success: true, data: { organization, companies: [{ id: 100301 }, { name: 'Acme' }] } },
			'Invalid input at "data.companies.1.id"',
		],
		[
			'companies that are text',
			{ success: true, data: { organization, companies: 'none' } },
			'Expected array, received string at "data.companies"',
		],
		[
			'an organization name that is a number',
			{ success: true, data: { organization: { id: 7, name: 42 }, companies: [] } },
			'Expected string, received number at "data.organization.name"',
		],
	])('refuses %s', async (_name, body, found) => {
		await serve(ORGANIZATION, body);
		await expectRefused(
			{ resource: 'organization', operation: 'get' },
			ORGANIZATION,
			'Organization: Get',
			found,
		);
	});
});

describe('Question → Get Many: { data: { questions: [{ id, name, answers: [{ id, title, value }] }] } }', () => {
	const parameters: INodeParameters = {
		resource: 'question',
		operation: 'getAll',
		company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
		returnAll: true,
	};
	it.each<[string, unknown, string]>([
		[
			'a question without an id',
			{ success: true, data: { questions: [{ name: 'Satisfaction', answers: [] }] } },
			'Invalid input at "data.questions.0.id"',
		],
		[
			'an answer whose title is a number',
			{
				success: true,
				data: { questions: [{ id: 1, name: 'NPS', answers: [{ id: 1, title: 5, value: 5 }] }] },
			},
			'Expected string, received number at "data.questions.0.answers.0.title"',
		],
		['no questions at all', { success: true, data: {} }, 'Required at "data.questions"'],
	])('refuses %s', async (_name, body, found) => {
		await serve(QUESTIONS, body);
		await expectRefused(parameters, QUESTIONS, 'Question: Get Many', found);
	});
});

describe('Survey → Get Many (Simplified): every documented field of each survey', () => {
	const parameters: INodeParameters = {
		resource: 'survey',
		operation: 'getAll',
		company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
		startDate: '2025-11-12T00:00:00Z',
		endDate: '2025-11-15T00:00:00Z',
		returnAll: true,
	};
	const page = (survey: unknown) => ({
		success: true,
		data: { surveys: [survey], pagination: { totalItems: 1 } },
	});
	const answer = { id: 1, questionId: 3, answerValue: 5, createdAt: '2025-11-13T10:00:00' };
	it.each<[string, unknown, string]>([
		[
			'an answer without a questionId',
			page({ id: 'S1', answers: [{ id: 1, answerTitle: 'Good', answerValue: 5 }] }),
			'Invalid input at "data.surveys.0.answers.0.questionId"',
		],
		[
			'a conversation whose queueName is a number',
			page({ id: 'S1', conversation: { id: 'c1', queueName: 7 }, answers: [answer] }),
			'Expected string, received number at "data.surveys.0.conversation.queueName"',
		],
	])('refuses %s', async (_name, body, found) => {
		await serve(SEARCH, body);
		await expectRefused(parameters, SEARCH, 'Survey: Get Many', found);
	});
});

describe('Queue reads: { data: { result: [...] } }, each entry as the doc shows it', () => {
	const queueIds = ['q-1'];
	const result = (entry: unknown) => ({ success: true, data: { success: true, result: [entry] } });
	const performance: INodeParameters = {
		resource: 'queue',
		operation: 'getPerformance',
		queueIds,
		start: '2024-01-28T09:00:00Z',
		end: '2024-01-28T10:00:00Z',
		partial: false,
	};
	it.each<[string, string, INodeParameters, string, unknown, string]>([
		[
			'a summary whose queue name is a number',
			SUMMARY,
			{ resource: 'queue', operation: 'getSummary', queueIds },
			'Queue: Get Summary',
			result({ id: 'q-1', name: 9, memberCount: 3 }),
			'Expected string, received number at "data.result.0.name"',
		],
		[
			'an activity whose data is text',
			ACTIVITY,
			{ resource: 'queue', operation: 'getActivity', queueIds },
			'Queue: Get Activity',
			result({ queueId: 'q-1', success: true, data: 'none' }),
			'Expected array, received string at "data.result.0.data"',
		],
		[
			'an activity count whose qualifier is a number',
			ACTIVITY,
			{ resource: 'queue', operation: 'getActivity', queueIds },
			'Queue: Get Activity',
			result({ queueId: 'q-1', success: true, data: [{ qualifier: 5, count: 2 }] }),
			'Expected string, received number at "data.result.0.data.0.qualifier"',
		],
		[
			'a performance whose success is text',
			PERFORMANCE,
			performance,
			'Queue: Get Performance',
			result({ queryId: 'q-1', success: 'yes', data: [] }),
			'Expected boolean, received string at "data.result.0.success"',
		],
		[
			'a performance block whose metrics are text',
			PERFORMANCE,
			performance,
			'Queue: Get Performance',
			result({ queryId: 'q-1', success: true, data: [{ interval: 'x/y', metrics: 'none' }] }),
			'Expected object, received string at "data.result.0.data.0.metrics"',
		],
	])('refuses %s', async (_name, path, parameters, operation, body, found) => {
		await serve(path, body);
		await expectRefused(parameters, path, operation, found);
	});
});
