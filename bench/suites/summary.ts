import { WesalPortalApi } from '../../credentials/WesalPortalApi.credentials';
import type { WesalPortal as WesalPortalNode } from '../../nodes/WesalPortal/WesalPortal.node';
import {
	WESAL_PORTAL_COMPANIES,
	WESAL_PORTAL_SURVEY_TOTAL,
} from '../../sandbox/vendors/wesalPortal';
import { CredentialStore, engineLogs, runNode } from '../../test/harness';
import { ANCHOR, RemoteEmulator } from '../lib/emulator';
import { num, ratios, rounds, showMs, showRatio, summarize, table } from '../lib/measure';
import type { BenchContext, Goal, Section } from '../lib/report';
import { VENDORS } from '../lib/vendors';

/**
 * Survey → Get Summary against Survey → Get Many on the same Wesal Portal data, side by side:
 * heap, wall time and requests; then Get Summary alone at 16 times the surveys (its heap must not
 * grow with them). Both run from the TypeScript sources (not dist/), on the same footing.
 */
// With the extension: Node would otherwise load WesalPortal.node.json (the codex) beside it.
const { WesalPortal } = require('../../nodes/WesalPortal/WesalPortal.node.ts') as {
	WesalPortal: typeof WesalPortalNode;
};
const COMPANY = WESAL_PORTAL_COMPANIES[0].id;
const START = new Date(ANCHOR.getTime() - 181 * 86_400_000).toISOString();
const END = ANCHOR.toISOString();

type Reader = (emulator: RemoteEmulator) => Promise<number>;

function reader(operation: 'getAll' | 'getSummary'): Reader {
	return async (emulator) => {
		const store = new CredentialStore([WesalPortalApi]);
		const id = store.add({ type: 'wesalPortalApi', data: VENDORS.wesalPortal.data(emulator) });
		const { items, error } = await runNode({
			nodeType: WesalPortal,
			store,
			credentials: { wesalPortalApi: id },
			parameters: {
				resource: 'survey',
				operation,
				company: { __rl: true, mode: 'list', value: String(COMPANY) },
				startDate: START,
				endDate: END,
				...(operation === 'getAll' ? { returnAll: true } : { groupBy: ['queue', 'day'] }),
			},
		});
		if (error) throw new Error(error.message);
		return operation === 'getAll'
			? items.length
			: items.reduce((sum, item) => sum + Number(item.json.responses), 0);
	};
}

const READERS = { getMany: reader('getAll'), getSummary: reader('getSummary') };

/**
 * The peak of the live heap above the one before the run: a full GC every 50 ms, then the heap in
 * use, so that garbage not yet collected does not count (a streamed read makes plenty of it).
 */
async function liveHeap<T>(fn: () => Promise<T>): Promise<{ value: T; heapMb: number }> {
	global.gc!();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	const sample = () => {
		global.gc!();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const timer = setInterval(sample, 50);
	try {
		const value = await fn();
		sample();
		return { value, heapMb: (peak - before) / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}

async function measure(emulator: RemoteEmulator, read: Reader) {
	await emulator.reset();
	// The harness records the engine's log lines: cleared so that they do not count.
	engineLogs().clear();
	const { value, heapMb } = await liveHeap(() => read(emulator));
	engineLogs().clear();
	const requests = (await emulator.requests('wesal-portal')).length;
	return { surveys: value, heapMb, requests };
}

export async function summary(ctx: BenchContext): Promise<Section> {
	const total = ctx.size(WESAL_PORTAL_SURVEY_TOTAL, 2_000);
	const large = total * 16;
	const emulator = await RemoteEmulator.start({ 'wesal-portal': { surveyCount: total } });
	let checked: Record<keyof typeof READERS, Awaited<ReturnType<typeof measure>>>;
	let samples: Awaited<ReturnType<typeof rounds<keyof typeof READERS>>>;
	try {
		checked = {
			getMany: await measure(emulator, READERS.getMany),
			getSummary: await measure(emulator, READERS.getSummary),
		};
		ctx.log(`summary ${total}: ${JSON.stringify(checked)}`);
		samples = await rounds(
			ctx.runs,
			{
				getMany: () => READERS.getMany(emulator),
				getSummary: () => READERS.getSummary(emulator),
			},
			async () => {
				engineLogs().clear();
				await emulator.reset();
			},
		);
	} finally {
		await emulator.stop();
	}
	const big = await RemoteEmulator.start({ 'wesal-portal': { surveyCount: large } });
	let bigSummary: Awaited<ReturnType<typeof measure>>;
	try {
		bigSummary = await measure(big, READERS.getSummary);
		ctx.log(`summary ${large}: ${JSON.stringify(bigSummary)}`);
	} finally {
		await big.stop();
	}

	const timeRatio = ratios(samples.getSummary, samples.getMany);
	const heapRatio = checked.getSummary.heapMb / checked.getMany.heapMb;
	const growth = bigSummary.heapMb / checked.getSummary.heapMb;
	const goals: Goal[] = [
		{
			goal: `Get Summary heap growth ≤ 1/10 of Get Many's (Wesal Portal, ${num(total)} surveys)`,
			measured: `${num(checked.getSummary.heapMb, 1)} MB vs ${num(checked.getMany.heapMb, 1)} MB (${num(heapRatio, 3)}×)`,
			met: heapRatio <= 0.1,
		},
		{
			goal: "Get Summary wall time ≤ Get Many's",
			measured: `${showRatio(timeRatio)} of Get Many's, per round`,
			met: summarize(timeRatio).median <= 1,
		},
		{
			goal: "Get Summary sends Get Many's requests",
			measured: `${checked.getSummary.requests} vs ${checked.getMany.requests} (the one more is the questions list, read for the answer scales)`,
			met: checked.getSummary.requests === checked.getMany.requests + 1,
		},
		{
			goal: `Get Summary heap flat at 16× the surveys (${num(large)})`,
			measured: `${num(bigSummary.heapMb, 1)} MB at ${num(large)} vs ${num(checked.getSummary.heapMb, 1)} MB at ${num(total)} (${num(growth, 2)}×), ${bigSummary.requests} requests`,
			met: growth <= 1.5,
		},
	];
	const body = [
		`Wesal Portal emulator, one company, ${num(total)} surveys over 180 days; Get Many with Return All`,
		'(Simplified) against Get Summary grouped by queue and day, run in turn in each round. Live heap is',
		'the peak of the heap in use above the heap before the run, after a full GC every 50 ms (in a',
		'run of its own, not timed): what the read keeps, not the garbage it leaves.',
		'',
		table(
			['Read', 'Surveys', 'Requests', 'Live heap', 'Wall time'],
			[
				[
					'Get Many',
					num(checked.getMany.surveys),
					checked.getMany.requests,
					`${num(checked.getMany.heapMb, 1)} MB`,
					showMs(samples.getMany),
				],
				[
					'Get Summary',
					num(checked.getSummary.surveys),
					checked.getSummary.requests,
					`${num(checked.getSummary.heapMb, 1)} MB`,
					showMs(samples.getSummary),
				],
				[
					`Get Summary, 16×`,
					num(bigSummary.surveys),
					bigSummary.requests,
					`${num(bigSummary.heapMb, 1)} MB`,
					'(one run)',
				],
			],
		),
	].join('\n');
	return { title: 'Get Summary (Wesal Portal)', body, goals };
}
