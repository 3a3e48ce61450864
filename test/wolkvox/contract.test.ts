/**
 * What Wolkvox's transport and trigger promise, pinned in Wolkvox's own fast suite (mutation
 * testing runs a vendor's code against its own tests only): the server name the credential takes,
 * the answers that count as Wolkvox's refusals, the hint on a busy token, and the trigger as the
 * node panel shows it. Expected values are written from the Wolkvox doc and the README.
 */
import type { ICredentialDataDecryptedObject, INodePropertyOptions } from 'n8n-workflow';

import { WolkvoxTrigger } from '../../nodes/Wolkvox/WolkvoxTrigger.node';
import { WOLKVOX } from '../../nodes/Wolkvox/transport';
import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';

const baseUrlOf = (fields: ICredentialDataDecryptedObject) => WOLKVOX.baseUrl(fields);

describe('Wolkvox credential → base URL', () => {
	it.each([
		['0002', 'https://wv0002.wolkvox.com/api/v2'],
		['wv0002', 'https://wv0002.wolkvox.com/api/v2'],
		[' WV0002 ', 'https://wv0002.wolkvox.com/api/v2'],
		// only a leading "wv" is the address prefix
		['0002wv', 'https://wv0002wv.wolkvox.com/api/v2'],
		['co-1', 'https://wvco-1.wolkvox.com/api/v2'],
	])('server %j → %s', (server, url) => {
		expect(baseUrlOf({ server })).toBe(url);
	});

	it('a Base URL override wins over the server', () => {
		expect(baseUrlOf({ server: '0002', baseUrl: 'http://127.0.0.1:4010/wolkvox' })).toBe(
			'http://127.0.0.1:4010/wolkvox',
		);
	});

	it.each([
		['00 02', 'Invalid "Server" in the Wolkvox credential: "00 02" is not a server nomenclature'],
		['wv0002.wolkvox.com', 'is not a server nomenclature'],
		['', 'Invalid "Server" in the Wolkvox credential: it is required'],
		['wv', 'it is required'],
		// a credential saved before the field existed
		[undefined, 'Invalid "Server" in the Wolkvox credential: it is required'],
	])('server %j is refused, saying what to type', (server, message) => {
		let thrown: (Error & { hint?: string }) | undefined;
		try {
			baseUrlOf(server === undefined ? {} : { server });
		} catch (error) {
			thrown = error as Error & { hint?: string };
		}
		expect(thrown?.message).toContain(message);
		expect(thrown?.hint).toBe(
			"Use the digits of your operation's address, e.g. 0002 for https://wv0002.wolkvox.com.",
		);
	});
});

describe("Wolkvox answers: what counts as the vendor's refusal", () => {
	const failure = WOLKVOX.bodyFailure!;

	it.each([
		[{ code: 200, data: [] }],
		[{ code: '200', data: [] }],
		[{ code: 201 }],
		[{ code: 299 }],
		[{ data: [] }],
		[{ code: null }],
		[{ code: '' }],
		[{ code: 'ok' }],
		[[{ agent_id: '1' }]],
	])('%j is an answer, not a refusal', (body) => {
		expect(failure(body)).toBeUndefined();
	});

	it.each([
		[{ code: 300, msg: 'Moved' }, 'Moved'],
		[{ code: 400, msg: null, error: 'Invalid date range' }, 'Invalid date range'],
		[{ code: '401', error: 'token invalid' }, 'token invalid'],
		[{ code: 500 }, 'the answer says code 500'],
		[{ code: 199 }, 'the answer says code 199'],
	])('%j is a refusal: %s', (body, text) => {
		expect(failure(body)).toBe(text);
	});

	it("the vendor's words are taken from msg, error or message", () => {
		expect(WOLKVOX.errorText!({ msg: 'from msg' })).toBe('from msg');
		expect(WOLKVOX.errorText!({ error: 'from error' })).toBe('from error');
		expect(WOLKVOX.errorText!({ message: 'from message' })).toBe('from message');
	});

	it('a busy token (HTTP 429) gets a hint on what to do; other failures none', () => {
		const hint = WOLKVOX.failureHint!({ status: 429 } as never);
		expect(hint).toContain('one request per token at a time');
		expect(hint).toContain('Give this workflow its own token');
		expect(WOLKVOX.failureHint!({ status: 500 } as never)).toBeUndefined();
		expect(WOLKVOX.failureHint!({ status: 401 } as never)).toBeUndefined();
	});

	it('an answer that is neither rows nor { code, data } is refused by the schema, saying so', () => {
		const { schema } = WOLKVOX.endpoints.surveyReport;
		expect(schema.safeParse([]).success).toBe(true);
		expect(schema.safeParse({ code: 200 }).success).toBe(true);
		expect(schema.safeParse({ data: [] }).success).toBe(true);
		// the doc's cells are text (numbers and nulls tolerated), the rows a list
		expect(schema.safeParse([{ agent_id: { id: 1 } }]).success).toBe(false);
		expect(schema.safeParse({ code: 200, data: [{ date: ['2026-01-01'] }] }).success).toBe(false);
		expect(schema.safeParse({ code: 200, data: 'none' }).success).toBe(false);
		expect(schema.safeParse({ code: { value: 200 } }).success).toBe(false);
		const wrong = schema.safeParse({ rows: [] });
		expect(wrong.success).toBe(false);
		expect(JSON.stringify(wrong.error?.issues)).toContain(
			'neither a list of rows nor { code, data }',
		);
	});

	it('the survey report is GET /reports_manager.php?api=diagram_4, retried on transient failures', () => {
		const report = WOLKVOX.endpoints.surveyReport;
		expect([report.method, report.path, report.qs, report.idempotent]).toEqual([
			'GET',
			'/reports_manager.php',
			{ api: 'diagram_4' },
			true,
		]);
	});

	it("keeps its checked token in the credential's hidden expirable field", () => {
		expect(WOLKVOX.session).toEqual({ tokenField: 'tokenChecked' });
		const field = new WolkvoxApi().properties.find((p) => p.name === 'tokenChecked');
		expect(field?.type).toBe('hidden');
		expect(field?.typeOptions?.expirable).toBe(true);
	});
});

describe('Wolkvox Trigger as the node panel shows it', () => {
	const { description, methods } = new WolkvoxTrigger();

	it('is a polling trigger named and drawn as Wolkvox', () => {
		expect(description).toMatchObject({
			displayName: 'Wolkvox Trigger',
			name: 'wolkvoxTrigger',
			icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
			group: ['trigger'],
			subtitle: '={{"New survey response"}}',
			defaults: { name: 'Wolkvox Trigger' },
			polling: true,
			credentials: [{ name: 'wolkvoxApi', required: true }],
		});
	});

	it("opens with Wolkvox's advice on the poll interval, then the events", () => {
		const [notice, event] = description.properties;
		expect(notice).toMatchObject({ name: 'notice', type: 'notice', default: '' });
		expect(notice.displayName).toContain('at most once every 5 minutes');
		expect(event).toMatchObject({
			displayName: 'Event',
			name: 'event',
			type: 'options',
			default: 'newSurveyResponse',
		});
		const options = event.options as INodePropertyOptions[];
		expect(options.map((option) => option.value)).toEqual([
			'newSurveyResponse',
			'csatBelowThreshold',
		]);
		expect(options[0]).toEqual({
			name: 'New Survey Response',
			value: 'newSurveyResponse',
			description: 'A customer answered the intelligent survey',
		});
	});

	it('the output choice names Wolkvox, and agents and skills load as lists', () => {
		const output = description.properties.find((p) => p.name === 'output');
		expect(JSON.stringify(output)).toContain('Wolkvox');
		expect(Object.keys(methods?.loadOptions ?? {}).length).toBeGreaterThan(0);
	});
});
