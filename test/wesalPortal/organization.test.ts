import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { listSearch } from '../harness';
import { COMPANY, ORGANIZATION, VENDOR, WesalPortalFixture } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

describe('Organization → Get', () => {
	it('returns the organization and its companies as the API gives them', async () => {
		const { items, error } = await fx.run({ resource: 'organization', operation: 'get' });
		expect(error).toBeUndefined();
		const truth = await fx.emulator.control('GET', 'wesal-portal/organization');
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(truth);
	});
});

describe('Question → Get Many', () => {
	const company = WESAL_PORTAL_COMPANIES[1];
	const questionsOf = (id: number) => fx.api('GET', `/survey/queries/questions/${id}`);

	it('returns one item per question of the chosen company, with its answers', async () => {
		const { items, error } = await fx.run({
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'list', value: String(company.id) },
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(
			await fx.emulator.requests(VENDOR, { path: `/survey/queries/questions/${company.id}` }),
		).toHaveLength(1);
		const truth = (await questionsOf(company.id)).json as { data: { questions: unknown[] } };
		expect(items.map((item) => item.json)).toEqual(truth.data.questions);
	});

	it('honours the limit', async () => {
		const { items } = await fx.run({
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
			returnAll: false,
			limit: 2,
		});
		expect(items.map((item) => item.json.id)).toEqual(
			COMPANY.questions.slice(0, 2).map((question) => question.id),
		);
	});

	it('reports an unknown company with the X004 code explained', async () => {
		const { error } = await fx.run({
			resource: 'question',
			operation: 'getAll',
			company: { __rl: true, mode: 'id', value: '42' },
			returnAll: true,
		});
		expect(error?.message).toBe(
			'Wesal Portal Question: Get Many failed: HTTP 400 – X004 (the request is invalid): Unknown companyId 42',
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
			const some = await listSearch({
				nodeType,
				method: 'searchCompanies',
				filter: 'retail',
				store: fx.store,
				credentials: { wesalPortalApi: fx.credentialId },
			});
			expect(some.results.map((result) => result.value)).toEqual([
				String(WESAL_PORTAL_COMPANIES[1].id),
			]);
			expect(
				(await fx.emulator.requests(VENDOR, { path: ORGANIZATION })).length,
			).toBeGreaterThanOrEqual(2);
		},
	);

	it('has a list mode and an ID mode for expressions', () => {
		const field = new WesalPortal().description.properties.find(
			(property) => property.name === 'company',
		)!;
		expect(field.type).toBe('resourceLocator');
		expect(field.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
	});
});
