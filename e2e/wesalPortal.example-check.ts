/**
 * Ground-truth check for examples/wesal-portal-queue-performance-digest.json, for
 * e2e/examples.checks.ts (spread `wesalPortalExampleChecks` into `exampleChecks`). The expected
 * metrics are read from the emulator's API at run time, for the interval the execution used: the
 * totals of the whole interval, its 30-minute blocks, and the busiest block of each queue.
 */
import type { ExampleCheck, ExampleContext } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const VENDOR = 'wesal-portal';
const BASE_PATH = '/wesal-portal/api/v1';
const TOTALS_NODE = 'Totals of the last 24 hours';
const BLOCKS_NODE = 'Half hours of the last 24 hours';
const DIGEST_NODE = 'Digest per queue';
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

const rate = (part: number, whole: number) =>
	whole ? Math.round((1000 * part) / whole) / 10 : null;

/** The fields the example picks from the node's simplified output, written from the doc's metrics (times in ms). */
function totalsRow(queueId: string, interval: string, m: Record<string, number>) {
	const [start, end] = interval.split('/');
	return {
		queueId,
		start,
		end,
		offered: m.Offer,
		answered: m.Answer,
		abandoned: m.Abandon,
		abandonRate: rate(m.Abandon, m.Offer),
		serviceLevel: rate(m.MetSLA, m.Answer),
		asaSeconds: m.ASA / 1000,
		ahtSeconds: m.AHT / 1000,
	};
}

/** Each queue's busiest half hour: the most calls offered, the earliest block on a tie. */
function busiest(blocks: Array<{ queueId: string; start: string; end: string; offered: number }>) {
	const best = new Map<string, (typeof blocks)[number]>();
	for (const block of blocks) {
		const known = best.get(block.queueId);
		if (!known || block.offered > known.offered) best.set(block.queueId, block);
	}
	return best;
}

export const wesalPortalExampleChecks: Record<string, ExampleCheck> = {
	'wesal-portal-queue-performance-digest.json': {
		check: async ({ run, control }: ExampleContext) => {
			const totals = items(run, TOTALS_NODE);
			const { queues } = await control.vendor(VENDOR).get('queues');
			const queueIds: string[] = queues.map((queue: any) => queue.id);

			// The last 24 hours ending on the hour, whatever hour `$now` was in.
			const { start, end } = totals[0];
			expect(Date.parse(end) - Date.parse(start)).toBe(24 * HOUR);
			expect(Date.parse(end) % HOUR).toBe(0);
			expect(Math.abs(Date.parse(run.startedAt) - Date.parse(end))).toBeLessThan(HOUR + 60_000);
			const interval = `${start}/${end}`;

			const whole = await wesalPortalPerformance(control, queueIds, interval, false);
			expect(totals).toEqual(
				whole.map((queue: any) => totalsRow(queue.queryId, interval, queue.data[0].metrics)),
			);

			const parts = await wesalPortalPerformance(control, queueIds, interval, true);
			const expectedBlocks = parts.flatMap((queue: any) =>
				queue.data.map((block: any) => ({
					queueId: queue.queryId,
					start: block.interval.split('/')[0],
					end: block.interval.split('/')[1],
					offered: block.metrics.Offer,
				})),
			);
			expect(expectedBlocks).toHaveLength(queueIds.length * 48);
			expect(items(run, BLOCKS_NODE)).toEqual(expectedBlocks);

			const top = busiest(expectedBlocks);
			expect(items(run, DIGEST_NODE)).toEqual(
				totals.map((row: any) => ({
					...row,
					busiestBlockStart: top.get(row.queueId)!.start,
					busiestBlockEnd: top.get(row.queueId)!.end,
					busiestOffered: top.get(row.queueId)!.offered,
				})),
			);
		},
	},
};
