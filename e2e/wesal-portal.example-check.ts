/**
 * Ground-truth check for examples/wesal-portal-queue-performance-digest.json, for
 * e2e/examples.checks.ts (spread `wesalPortalExampleChecks` into `exampleChecks`). The expected
 * metrics are read from the emulator's API at run time, for the interval the execution used.
 */
import type { ExampleCheck, ExampleContext } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const VENDOR = 'wesal-portal';
const BASE_PATH = '/wesal-portal/api/v1';
const PERFORMANCE_NODE = 'Performance of the last 24 hours';
const SUMMARY_NODE = 'Summary per queue';
const HOUR = 3_600_000;

function items(run: any, nodeName: string): any[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return (runs[0].data?.main?.[0] ?? []).map((item: any) => item.json);
}

/** The emulator's own answer to the same question, with a fresh login of the emulator account. */
export async function wesalPortalPerformance(
	control: any,
	queues: string[],
	interval: string,
	partial: boolean,
): Promise<any[]> {
	const base = `${control.url}${BASE_PATH}`;
	const account = await control.vendor(VENDOR).get('account');
	const login = await fetch(`${base}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-client-id': account.clientId },
		body: JSON.stringify({ email: account.email, password: account.password }),
	});
	const token = ((await login.json()) as any).data.access_token;
	const answer = await fetch(`${base}/analytics/queues/performance`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify({ queues, interval, partial }),
	});
	return ((await answer.json()) as any).data.result;
}

/** The example's Code node, written again from its description. */
function summarize(
	blocks: Array<{ queueId: string; interval: string; metrics: Record<string, number> }>,
) {
	const rows = new Map<string, any>();
	for (const block of blocks) {
		const [start, end] = block.interval.split('/');
		const m = block.metrics;
		const row = rows.get(block.queueId) ?? {
			queueId: block.queueId,
			from: start,
			to: end,
			offered: 0,
			answered: 0,
			abandoned: 0,
			metSla: 0,
			waitMs: 0,
			handleMs: 0,
			busiest: null,
		};
		row.offered += m.Offer;
		row.answered += m.Answer;
		row.abandoned += m.Abandon;
		row.metSla += m.MetSLA;
		row.waitMs += m.ASA * m.Answer;
		row.handleMs += m.AHT * m.Answer;
		if (start < row.from) row.from = start;
		if (end > row.to) row.to = end;
		if (!row.busiest || m.Offer > row.busiest.offered)
			row.busiest = { interval: block.interval, offered: m.Offer };
		rows.set(block.queueId, row);
	}
	const percent = (part: number, whole: number) =>
		whole ? Math.round((1000 * part) / whole) / 10 : null;
	const seconds = (ms: number, calls: number) => (calls ? Math.round(ms / calls / 100) / 10 : null);
	return [...rows.values()].map((row) => ({
		queueId: row.queueId,
		from: row.from,
		to: row.to,
		offered: row.offered,
		answered: row.answered,
		abandoned: row.abandoned,
		abandonRate: percent(row.abandoned, row.offered),
		serviceLevel: percent(row.metSla, row.answered),
		asaSeconds: seconds(row.waitMs, row.answered),
		ahtSeconds: seconds(row.handleMs, row.answered),
		busiestBlock: row.busiest?.interval ?? null,
		busiestOffered: row.busiest?.offered ?? 0,
	}));
}

export const wesalPortalExampleChecks: Record<string, ExampleCheck> = {
	'wesal-portal-queue-performance-digest.json': {
		check: async ({ run, control }: ExampleContext) => {
			const blocks = items(run, PERFORMANCE_NODE);
			const { queues } = await control.vendor(VENDOR).get('queues');
			const queueIds: string[] = queues.map((queue: any) => queue.id);

			// The last 24 hours ending on the hour, whatever hour `$now` was in.
			const start = blocks.map((block) => block.start).sort()[0];
			const end = blocks
				.map((block) => block.end)
				.sort()
				.at(-1);
			expect(Date.parse(end) - Date.parse(start)).toBe(24 * HOUR);
			expect(Date.parse(end) % HOUR).toBe(0);
			expect(Math.abs(Date.parse(run.startedAt) - Date.parse(end))).toBeLessThan(HOUR + 60_000);

			const truth = await wesalPortalPerformance(control, queueIds, `${start}/${end}`, true);
			const expectedBlocks = truth.flatMap((queue: any) =>
				queue.data.map((block: any) => ({
					queueId: queue.queryId,
					interval: block.interval,
					start: block.interval.split('/')[0],
					end: block.interval.split('/')[1],
					metrics: block.metrics,
				})),
			);
			expect(expectedBlocks).toHaveLength(queueIds.length * 48);
			expect(blocks).toEqual(expectedBlocks);
			expect(items(run, SUMMARY_NODE)).toEqual(summarize(expectedBlocks));
		},
	},
};
