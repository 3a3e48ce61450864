import type { IDataObject } from 'n8n-workflow';

import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { listSearch } from '../harness';
import { COMPANY, ORGANIZATION, scoreFieldOf, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

interface OrganizationTruth {
	organization: { id: number; name: string; region: string; organizationId: string };
	companies: Array<{ id: number; name: string }>;
}

describe('Organization → Get', () => {
	const organization = (extra: IDataObject = {}) =>
		fx.run({ resource: 'organization', operation: 'get', ...extra });

	it('Output → Raw returns the organization and its companies as the API gives them', async () => {
		const { items, error } = await organization({ output: 'raw' });
		expect(error).toBeUndefined();
		const truth = await fx.emulator.control('GET', 'wesal-portal/organization');
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(truth);
	});

	it('Output → Simplified (the default) gives one flat item per company', async () => {
		const { items, error } = await organization();
		expect(error).toBeUndefined();
		const truth = await fx.emulator.control<OrganizationTruth>('GET', 'wesal-portal/organization');
		expect(items.map((item) => item.json)).toEqual(
			truth.companies.map((company) => ({
				companyId: company.id,
				company: company.name,
				organizationId: truth.organization.id,
				organization: truth.organization.name,
				region: truth.organization.region,
				organizationUuid: truth.organization.organizationId,
			})),
		);
	});

	it('Output → Selected Fields returns only the chosen fields', async () => {
		const { items } = await organization({ output: 'selected', fields: ['companyId', 'company'] });
		expect(items.map((item) => item.json)).toEqual(
			WESAL_PORTAL_COMPANIES.map((company) => ({ companyId: company.id, company: company.name })),
		);
	});
});

describe('Question → Get Many', () => {
	const company = WESAL_PORTAL_COMPANIES[1];
	const questionsOf = async (id: number) =>
		(
			(await fx.api('GET', `/survey/queries/questions/${id}`)).json as {
				data: { questions: Array<{ id: number; name: string; answers: IDataObject[] }> };
			}
		).data.questions;
	const questions = (extra: IDataObject = {}) =>
		fx.run({
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'list', value: String(company.id) },
			returnAll: true,
			...extra,
		});

	it('Output → Raw returns one item per question of the chosen company, with its answers', async () => {
		const { items, error } = await questions({ output: 'raw' });
		expect(error).toBeUndefined();
		expect(
			await fx.emulator.requests(VENDOR, { path: `/survey/queries/questions/${company.id}` }),
		).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual(await questionsOf(company.id));
	});

	it('Output → Simplified (the default) names the score field each question gets in survey results', async () => {
		const { items, error } = await questions();
		expect(error).toBeUndefined();
		const truth = await questionsOf(company.id);
		expect(items.map((item) => item.json)).toEqual(
			truth.map((question) => {
				const values = question.answers.map((answer) => Number(answer.value));
				return {
					questionId: question.id,
					question: question.name,
					scoreField: scoreFieldOf(question.name),
					answerCount: question.answers.length,
					answers: question.answers
						.map((answer) => `${String(answer.value)} = ${String(answer.title)}`)
						.join(', '),
					lowestValue: Math.min(...values),
					highestValue: Math.max(...values),
				};
			}),
		);
		expect(items[0].json.answers).toBe('1 = high, 2 = middle, 3 = low');
	});

	it('Output → Selected Fields returns only the chosen fields', async () => {
		const { items } = await questions({ output: 'selected', fields: ['question', 'scoreField'] });
		expect(items.map((item) => item.json)).toEqual(
			company.questions.map((question) => ({
				question: question.name,
				scoreField: scoreFieldOf(question.name),
			})),
		);
	});

	it('honours the limit', async () => {
		const { items } = await fx.run({
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
			returnAll: false,
			limit: 2,
		});
		expect(items.map((item) => item.json.questionId)).toEqual(
			COMPANY.questions.slice(0, 2).map((question) => question.id),
		);
	});

	it('reports an unknown company with the X004 code explained', async () => {
		const { error } = await questions({ company: { __rl: true, mode: 'id', value: '42' } });
		expect(error?.message).toBe(
			'Wesal Portal refused "Question: Get Many" (HTTP 400): X004 (the request is invalid): Unknown companyId 42',
		);
	});
});

describe('company list (resource locator)', () => {
	it.each([
		['action node', WesalPortal],
		['trigger', WesalPortalTrigger],
	])(
		'lists the companies of Get Organization in the %s, searchable by name',
		async (_name, nodeType) => {
			const all = await listSearch({
				nodeType,
				method: 'searchCompanies',
				store: fx.store,
				credentials: { wesalPortalApi: fx.credentialId },
			});
			expect(all.results).toEqual(
				WESAL_PORTAL_COMPANIES.map((company) => ({
					name: `${company.name} (${company.id})`,
					value: String(company.id),
				})),
			);
			expect(all.paginationToken).toBeUndefined();
			const some = await listSearch({
				nodeType,
				method: 'searchCompanies',
				filter: 'RETAIL',
				store: fx.store,
				credentials: { wesalPortalApi: fx.credentialId },
			});
			expect(some.results.map((result) => result.value)).toEqual([
				String(WESAL_PORTAL_COMPANIES[1].id),
			]);
			const none = await listSearch({
				nodeType,
				method: 'searchCompanies',
				filter: 'no such company',
				store: fx.store,
				credentials: { wesalPortalApi: fx.credentialId },
			});
			expect(none.results).toEqual([]);
			expect(
				(await fx.emulator.requests(VENDOR, { path: ORGANIZATION })).length,
			).toBeGreaterThanOrEqual(3);
		},
	);

	it('has a list mode and an ID mode for expressions, on every operation that reads a company', () => {
		for (const nodeType of [new WesalPortal(), new WesalPortalTrigger()]) {
			const fields = nodeType.description.properties.filter(
				(property) => property.name === 'company',
			);
			expect(fields.length).toBeGreaterThanOrEqual(1);
			for (const field of fields) {
				expect(field.type).toBe('resourceLocator');
				expect(field.default).toEqual({ mode: 'list', value: '' });
				expect(field.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			}
		}
	});
});
