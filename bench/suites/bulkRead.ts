import {
	WESAL_PORTAL_BASE_PATH,
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_PASSWORD,
	WESAL_PORTAL_SURVEY_TOTAL,
} from '../../sandbox/vendors/wesalPortal';
import { WELCORP_BASE_PATH, WELCORP_LOGINS, MAIN_USER_JOBS } from '../../sandbox/vendors/welcorp';
import {
	WESAL_VOC_API_TOKEN,
	WESAL_VOC_BASE_PATH,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
} from '../../sandbox/vendors/wesalVoc';
import { runNode } from '../../test/harness';
import { BarePortalReader, BareVocReader, BareWelcorpReader } from '../lib/bareNode';
import { ANCHOR, RemoteEmulator } from '../lib/emulator';
import {
	growth,
	num,
	peakMemory,
	ratios,
	rounds,
	show,
	showCpu,
	showGc,
	showMs,
	showRatio,
	summarize,
	table,
	type Sample,
} from '../lib/measure';
import { baseNode, unavailableReason, N8N_VERSION } from '../lib/n8nNodesBase';
import { RawClient } from '../lib/rawClient';
import type { BenchContext, Goal, Section } from '../lib/report';
import { credentialFor, nodeOf } from '../lib/vendors';
import { runChain } from '../lib/workflow';

const PAGE = 100;
const COMPANY = WESAL_PORTAL_COMPANIES[0].id;
/** Every seeded survey: they lie within the 180 days before the anchor. */
const START = new Date(ANCHOR.getTime() - 181 * 86_400_000).toISOString();
const END = ANCHOR.toISOString();
const searchBody = (offset: number) => ({
	filters: [{ dimension: 'dateTime', value: { startTime: START, endTime: END } }],
	companyId: COMPANY,
	extended: false,
	offset,
	limit: PAGE,
});

type Reader = (emulator: RemoteEmulator) => Promise<number>;

/** The floor: log in, then every page in turn on one keep-alive connection. */
const portalFloor: Reader = async (emulator) => {
	const client = new RawClient();
	const base = emulator.vendorUrl(WESAL_PORTAL_BASE_PATH);
	try {
		const login = await client.post(
			`${base}/auth/login`,
			{ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD },
			{ 'x-client-id': WESAL_PORTAL_CLIENT_ID },
		);
		const surveys: unknown[] = [];
		for (let offset = 0; ; offset += PAGE) {
			const page = await client.post(`${base}/survey/queries/surveys`, searchBody(offset), {
				authorization: login.data.access_token,
			});
			surveys.push(...page.data.surveys);
			if (page.data.surveys.length < PAGE || offset + PAGE >= page.data.pagination.totalItems)
				return surveys.length;
		}
	} finally {
		client.close();
	}
};

/** Our node: Survey → Get Many, Return All. */
const portalNode: Reader = async (emulator) => {
	const { store, credentials } = credentialFor('wesalPortal', emulator);
	const { items, error } = await runNode({
		nodeType: nodeOf('wesalPortal'),
		store,
		credentials,
		parameters: {
			resource: 'survey',
			operation: 'getAll',
			company: { __rl: true, mode: 'list', value: String(COMPANY) },
			startDate: START,
			endDate: END,
			returnAll: true,
			// the raw records, as the floor and the hand-built workflows return them
			output: 'raw',
		},
	});
	if (error) throw new Error(error.message);
	return items.length;
};

/** n8n's own cost: a bare node reading the same pages through httpRequestWithAuthentication. */
const portalBare: Reader = async (emulator) => {
	const { store, credentials } = credentialFor('wesalPortal', emulator);
	const body = searchBody(0) as Record<string, unknown>;
	delete body.offset;
	delete body.limit;
	const { items, error } = await runNode({
		nodeType: BarePortalReader,
		store,
		credentials,
		parameters: { body: JSON.stringify(body) },
	});
	if (error) throw new Error(error.message);
	return items.length;
};

/** What users build by hand: HTTP Request (login) → HTTP Request with pagination → Split Out. */
const portalByHand: Reader = async (emulator) => {
	const HttpRequest = baseNode('HttpRequest/HttpRequest.node', 'HttpRequest');
	const SplitOut = baseNode('Transform/SplitOut/SplitOut.node', 'SplitOut');
	const base = emulator.vendorUrl(WESAL_PORTAL_BASE_PATH);
	const post = (url: string, header: { name: string; value: string }, body: unknown) => ({
		method: 'POST',
		url,
		sendHeaders: true,
		headerParameters: { parameters: [header] },
		sendBody: true,
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: JSON.stringify(body),
	});
	const pagination = {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: {
			parameters: [{ type: 'body', name: 'offset', value: `={{ $pageCount * ${PAGE} }}` }],
		},
		paginationCompleteWhen: 'other',
		completeExpression: '={{ $response.body.data.pagination.nextPage === null }}',
		requestInterval: 0,
	};
	const { store } = credentialFor('wesalPortal', emulator);
	const items = await runChain(store, [
		{
			nodeType: HttpRequest,
			packageName: 'n8n-nodes-base',
			name: 'Login',
			typeVersion: 4.2,
			parameters: post(
				`${base}/auth/login`,
				{ name: 'X-Client-Id', value: WESAL_PORTAL_CLIENT_ID },
				{ email: WESAL_PORTAL_EMAIL, password: WESAL_PORTAL_PASSWORD },
			),
		},
		{
			nodeType: HttpRequest,
			packageName: 'n8n-nodes-base',
			name: 'Search Surveys',
			typeVersion: 4.2,
			parameters: {
				...post(
					`${base}/survey/queries/surveys`,
					{ name: 'Authorization', value: '={{ $json.data.access_token }}' },
					searchBody(0),
				),
				options: { pagination: { pagination } },
			},
		},
		{
			nodeType: SplitOut,
			packageName: 'n8n-nodes-base',
			name: 'Split Out',
			parameters: { fieldToSplitOut: 'data.surveys' },
		},
	]);
	return items.length;
};

const LATENCY_MS = 20;
/** A vendor that is not on this machine: every search waits LATENCY_MS in the emulator. */
const addLatency = (emulator: RemoteEmulator) =>
	emulator.control('POST', 'faults', {
		vendor: 'wesal-portal',
		path: '^/survey/queries/surveys$',
		kind: 'delay',
		delayMs: LATENCY_MS,
		count: 1_000_000,
	});

interface Checked {
	items: number;
	requests: number;
	heapMb: number;
	rssMb: number;
}

/** One run of each reader with its request count and peak memory (not timed). */
async function check(
	emulator: RemoteEmulator,
	vendor: string,
	readers: Record<string, Reader>,
): Promise<Record<string, Checked>> {
	const result: Record<string, Checked> = {};
	for (const [name, read] of Object.entries(readers)) {
		await emulator.reset();
		const { value, heapMb, rssMb } = await peakMemory(() => read(emulator));
		result[name] = {
			items: value,
			requests: (await emulator.requests(vendor)).length,
			heapMb,
			rssMb,
		};
	}
	return result;
}

async function portalAtSize(ctx: BenchContext, total: number, readers: Record<string, Reader>) {
	const emulator = await RemoteEmulator.start({ 'wesal-portal': { surveyCount: total } });
	try {
		const checked = await check(emulator, 'wesal-portal', readers);
		ctx.log(`wesal portal ${total}: ${JSON.stringify(checked)}`);
		const samples = await rounds(
			ctx.runs,
			Object.fromEntries(
				Object.entries(readers).map(([name, read]) => [name, () => read(emulator)]),
			),
			() => emulator.reset(),
		);
		return { checked, samples };
	} finally {
		await emulator.stop();
	}
}

async function portalLatency(ctx: BenchContext, total: number) {
	const emulator = await RemoteEmulator.start({ 'wesal-portal': { surveyCount: total } });
	try {
		const reset = async () => {
			await emulator.reset();
			await addLatency(emulator);
		};
		return await rounds(
			ctx.runs,
			{
				floor: () => portalFloor(emulator),
				bare: () => portalBare(emulator),
				node: () => portalNode(emulator),
			},
			reset,
		);
	} finally {
		await emulator.stop();
	}
}

/** Wesal VoC (page numbers, the server's page size) and Welcorp jobs: our node against the floor. */
async function otherReads(ctx: BenchContext) {
	const emulator = await RemoteEmulator.start();
	const voc = {
		floor: async () => {
			const client = new RawClient();
			const base = emulator.vendorUrl(WESAL_VOC_BASE_PATH);
			try {
				const login = await client.post(
					`${base}/auth/login`,
					{
						company: WESAL_VOC_COMPANY_NAME,
						email: WESAL_VOC_EMAIL,
						password: WESAL_VOC_API_TOKEN,
					},
					{ 'x-client-id': WESAL_VOC_CLIENT_ID },
				);
				const body = {
					startDate: START.slice(0, 19),
					endDate: END.slice(0, 19),
					companyId: login.user.company._id,
					agents: [],
					queues: [],
					answers: {},
				};
				const surveys: unknown[] = [];
				for (let page = 1; ; page++) {
					const answer = await client.post(
						`${base}/survey/queries/surveys`,
						{ ...body, page },
						{ authorization: login.token },
					);
					surveys.push(...answer.surveys);
					if (answer.surveys.length === 0 || surveys.length >= answer.total) return surveys.length;
				}
			} finally {
				client.close();
			}
		},
		bare: async () => {
			const { store, credentials } = credentialFor('wesalVoc', emulator);
			const body = {
				startDate: START.slice(0, 19),
				endDate: END.slice(0, 19),
				agents: [],
				queues: [],
				answers: {},
			};
			const { items, error } = await runNode({
				nodeType: BareVocReader,
				store,
				credentials,
				parameters: { body: JSON.stringify(body) },
			});
			if (error) throw new Error(error.message);
			return items.length;
		},
		node: async () => {
			const { store, credentials } = credentialFor('wesalVoc', emulator);
			const { items, error } = await runNode({
				nodeType: nodeOf('wesalVoc'),
				store,
				credentials,
				parameters: {
					resource: 'survey',
					operation: 'getAll',
					startDate: START,
					endDate: END,
					returnAll: true,
					output: 'raw',
				},
			});
			if (error) throw new Error(error.message);
			return items.length;
		},
	};
	const welcorp = {
		floor: async () => {
			const client = new RawClient();
			const { user_code, password } = WELCORP_LOGINS.user;
			const authorization = `Basic ${Buffer.from(`${user_code}:${password}`).toString('base64')}`;
			try {
				const jobs: unknown[] = [];
				for (let page = 1; ; page++) {
					const answer = await client.get(
						`${emulator.vendorUrl(WELCORP_BASE_PATH)}/jobs?page=${page}&page_size=${PAGE}`,
						{ authorization },
					);
					jobs.push(...answer.data);
					if (answer.current_page >= answer.last_page) return jobs.length;
				}
			} finally {
				client.close();
			}
		},
		bare: async () => {
			const { store, credentials } = credentialFor('welcorp', emulator);
			const { items, error } = await runNode({
				nodeType: BareWelcorpReader,
				store,
				credentials,
				parameters: {},
			});
			if (error) throw new Error(error.message);
			return items.length;
		},
		node: async () => {
			const { store, credentials } = credentialFor('welcorp', emulator);
			const { items, error } = await runNode({
				nodeType: nodeOf('welcorp'),
				store,
				credentials,
				parameters: { resource: 'job', operation: 'getAll', returnAll: true, output: 'raw' },
			});
			if (error) throw new Error(error.message);
			return items.length;
		},
	};
	try {
		const result = [];
		for (const [name, vendor, readers] of [
			['Wesal VoC Survey → Get Many (6,000 surveys, server page size)', 'wesal-voc', voc],
			[
				`Welcorp Job → Get Many (${num(MAIN_USER_JOBS)} jobs, page_size ${PAGE})`,
				'welcorp',
				welcorp,
			],
		] as const) {
			const checked = await check(emulator, vendor, readers);
			const samples = await rounds(ctx.runs, readers, () => emulator.reset());
			result.push({ name, checked, samples });
		}
		return result;
	} finally {
		await emulator.stop();
	}
}

const mb = (value: number) => `${num(value)} MB`;

export async function bulkRead(ctx: BenchContext): Promise<Section> {
	const total = ctx.size(WESAL_PORTAL_SURVEY_TOTAL, 1_000);
	const expectedRequests = Math.ceil(total / PAGE) + 1;
	const byHandMissing = unavailableReason();
	const readers: Record<string, Reader> = {
		floor: portalFloor,
		bare: portalBare,
		...(byHandMissing ? {} : { byHand: portalByHand }),
		node: portalNode,
	};
	const labels: Record<string, string> = {
		floor: 'Raw floor: node:http, one keep-alive connection, JSON.parse',
		bare: "n8n's own cost: bare node, `httpRequestWithAuthentication`, nothing else",
		byHand: `By hand: HTTP Request (login) → HTTP Request with pagination → Split Out (n8n-nodes-base ${N8N_VERSION})`,
		node: '**Wesal Portal node**: Survey → Get Many, Return All',
	};

	ctx.log(`bulk read: Wesal Portal ${total} surveys`);
	const main = await portalAtSize(ctx, total, readers);
	const floor = main.samples.floor;
	const rows = Object.keys(readers).map((name) => {
		const c = main.checked[name];
		const samples: Sample[] = main.samples[name];
		return [
			labels[name],
			num(c.items),
			num(c.requests),
			showMs(samples),
			showCpu(samples),
			showGc(samples),
			name === 'floor' ? '1' : showRatio(ratios(samples, floor)),
			mb(c.heapMb),
			mb(c.rssMb),
		];
	});

	ctx.log('bulk read: with latency');
	const latency = await portalLatency(ctx, total);

	ctx.log('bulk read: Wesal VoC and Welcorp');
	const others = await otherReads(ctx);

	ctx.log('bulk read: scaling');
	const scaling = [{ factor: 1, samples: main.samples, checked: main.checked }];
	for (const factor of [4, 16]) {
		const { samples, checked } = await portalAtSize(ctx, total * factor, {
			floor: portalFloor,
			node: portalNode,
		});
		scaling.push({ factor, samples, checked });
	}

	const nodeRatio = summarize(ratios(main.samples.node, floor));
	const cpu = (samples: Sample[]) => summarize(samples.map((s) => s.cpuMs)).median;
	const cause = `n8n's own request path (the bare node: a new TCP connection, axios and the credential's decryption and expressions for every request) is already ${show(summarize(ratios(main.samples.bare, floor)), '×', 2)} the floor here; the node adds ${num(cpu(main.samples.node) - cpu(main.samples.bare))} ms CPU on top of it (see Findings)`;
	const goals: Goal[] = [
		{
			goal: `Wesal Portal bulk read: exactly ${num(expectedRequests)} requests (${num(expectedRequests - 1)} pages of ${PAGE} + 1 login)`,
			measured: `${num(main.checked.node.requests)} requests, ${num(main.checked.node.items)} items`,
			met: main.checked.node.requests === expectedRequests && main.checked.node.items === total,
		},
		{
			goal: 'Wesal Portal bulk read: wall time ≤ 1.15× the raw floor',
			measured: `${showRatio(ratios(main.samples.node, floor))}; with ${LATENCY_MS} ms API latency ${showRatio(ratios(latency.node, latency.floor))}`,
			met: nodeRatio.median <= 1.15,
			note: nodeRatio.median <= 1.15 ? undefined : cause,
		},
		{
			goal: 'Wesal Portal bulk read: peak memory reported',
			measured: `${mb(main.checked.node.heapMb)} heap above baseline, ${mb(main.checked.node.rssMb)} RSS`,
			met: true,
		},
	];

	const perThousand = (samples: Sample[], items: number) =>
		show(summarize(samples.map((s) => (s.ms / items) * 1000)), 'ms', 1);
	const [first, , last] = scaling;
	const body = [
		`Wesal Portal Survey → Get Many over ${num(total)} surveys${total === WESAL_PORTAL_SURVEY_TOTAL ? " (the doc's total)" : ''}, pages of ${PAGE}, through the real engine (\`runNode\`).`,
		'Each round runs every variant once, one after the other (emulator reset before each); wall and CPU (this process) are median (min–max) of the rounds, the ratio is per round against the floor of the same round. Memory: one extra run per variant, heap in use above the heap before the run (sampled every 5 ms) and peak RSS of this process.',
		'',
		table(
			[
				'Variant',
				'Items',
				'Requests',
				'Wall',
				'CPU',
				'GC pauses',
				'Wall ÷ floor',
				'Peak heap',
				'Peak RSS',
			],
			rows,
		),
		byHandMissing ? `\nThe HTTP Request variant was not measured: ${byHandMissing}.` : '',
		'',
		`**With ${LATENCY_MS} ms API latency** (an emulator delay fault on every search, as for a vendor that is not on this machine): floor ${showMs(latency.floor)}; n8n's bare node ${showMs(latency.bare)}, ÷ floor ${showRatio(ratios(latency.bare, latency.floor))}; Wesal Portal node ${showMs(latency.node)}, ÷ floor ${showRatio(ratios(latency.node, latency.floor))}.`,
		'',
		"**Other vendors**, our node against the same floor (raw keep-alive client, same pages) and n8n's bare node (`httpRequestWithAuthentication` page after page, nothing else):",
		'',
		table(
			[
				'Read',
				'Items',
				'Requests (node / floor)',
				'Floor',
				"n8n's bare node ÷ floor",
				'Node',
				'Node ÷ floor',
				'Node CPU',
				'Bare node CPU',
				'Node peak heap',
			],
			others.map(({ name, checked, samples }) => [
				name,
				num(checked.node.items),
				`${num(checked.node.requests)} / ${num(checked.floor.requests)}`,
				showMs(samples.floor),
				showRatio(ratios(samples.bare, samples.floor)),
				showMs(samples.node),
				showRatio(ratios(samples.node, samples.floor)),
				showCpu(samples.node),
				showCpu(samples.bare),
				mb(checked.node.heapMb),
			]),
		),
		'',
		'**Scaling** (Wesal Portal, same measurement at 1×, 4×, 16× the surveys):',
		'',
		table(
			[
				'Size',
				'Surveys',
				'Requests',
				'Floor',
				'Floor per 1,000',
				'Node',
				'Node per 1,000',
				'Node GC pauses',
				'Node ÷ floor',
				'Node peak heap',
			],
			scaling.map(({ factor, samples, checked }) => [
				`${factor}×`,
				num(checked.node.items),
				num(checked.node.requests),
				showMs(samples.floor),
				perThousand(samples.floor, checked.floor.items),
				showMs(samples.node),
				perThousand(samples.node, checked.node.items),
				showGc(samples.node),
				showRatio(ratios(samples.node, samples.floor)),
				mb(checked.node.heapMb),
			]),
		),
		'',
		`Floor: ${growth({ samples: first.samples.floor, units: first.checked.floor.items }, { samples: last.samples.floor, units: last.checked.floor.items })}. Node: ${growth({ samples: first.samples.node, units: first.checked.node.items }, { samples: last.samples.node, units: last.checked.node.items })}. Requests grow exactly with the surveys (one per 100). Every survey stays in memory until the node returns (n8n passes a node's whole output on at once), so the live heap grows with the size and each major GC has more to trace.`,
	].join('\n');
	return { title: 'Bulk read', body, goals };
}
