import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { WELCORP_BASE_PATH, WELCORP_LOGINS } from '../../sandbox/vendors/welcorp';
import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { Poller } from '../../test/harness';
import { RemoteEmulator } from '../lib/emulator';
import { num, table } from '../lib/measure';
import { RawClient } from '../lib/rawClient';
import type { BenchContext, Goal, Section } from '../lib/report';
import { credentialFor, triggerOf, VENDORS, type VendorKey } from '../lib/vendors';

/**
 * The backlog arrives at a steady rate while n8n is stopped, so N sets how long it was down (at
 * least a minute): 1,000 items are 20 minutes, 100,000 almost 35 hours. The cursor engine keeps the
 * ids of one late-arrival window (10 minutes: 500 items at this rate), so its state follows the
 * rate, not N.
 */
const ITEMS_PER_MINUTE = 50;
const LOOKBACK_MINUTES = 10;
const downtimeFor = (backlog: number) => Math.max(60_000, (backlog / ITEMS_PER_MINUTE) * 60_000);
const CHUNK = 10_000;

interface Case {
	vendor: VendorKey;
	label: string;
	parameters: INodeParameters;
	/** The largest page the API serves (undefined: one answer holds everything). */
	pageSize?: number;
	/** Requests the poll after a pause of `downtimeMs` sends besides its pages (0 when not given). */
	catchUpExtra?: (downtimeMs: number) => number;
	/** Why the state can grow with N for this trigger (shown when that goal is missed). */
	stateNote?: string;
	/** Adds `count` items dated evenly over (from, to]. */
	add(emulator: RemoteEmulator, count: number, from: number, to: number): Promise<void>;
}

const spread = (count: number, from: number, to: number) =>
	Array.from({ length: count }, (_, i) => new Date(from + ((to - from) * (i + 1)) / count));
const chunks = <T>(list: T[]) =>
	Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) =>
		list.slice(i * CHUNK, (i + 1) * CHUNK),
	);
const seconds = (date: Date) => date.toISOString().slice(0, 19);

export const CASES: Case[] = [
	{
		vendor: 'wesalPortal',
		label: 'Wesal Portal Trigger (New Survey)',
		parameters: {
			event: 'newSurvey',
			company: { __rl: true, mode: 'list', value: String(WESAL_PORTAL_COMPANIES[0].id) },
		},
		pageSize: 100,
		add: async (emulator, count, from, to) => {
			for (const dates of chunks(spread(count, from, to)))
				await emulator.control('POST', 'wesal-portal/surveys', {
					surveys: dates.map((date) => ({ createdAt: date.toISOString() })),
				});
		},
	},
	{
		vendor: 'wesalVoc',
		label: 'Wesal VoC Trigger (New Survey)',
		parameters: { event: 'newSurvey' },
		pageSize: 25,
		add: async (emulator, count, from, to) => {
			for (const dates of chunks(spread(count, from, to)))
				await emulator.control('POST', 'wesal-voc/surveys', {
					surveys: dates.map((date) => ({ surveyDate: seconds(date) })),
				});
		},
	},
	{
		vendor: 'wolkvox',
		label: 'Wolkvox Trigger (New Survey Response)',
		parameters: { event: 'newSurveyResponse' },
		add: async (emulator, count, from, to) => {
			for (const dates of chunks(spread(count, from, to)))
				await emulator.control('POST', 'wolkvox/surveys', {
					surveys: dates.map((date) => ({ date: seconds(date).replace('T', ' ') })),
				});
		},
	},
	{
		vendor: 'weClever',
		label: 'WeClever Trigger (New Finalized Lead)',
		parameters: { event: 'newFinalizedLead' },
		// The list gives no finalization time: a window longer than twice the lookback is read again
		// from one lookback before the poll, so that the older leads need not be remembered (see Findings).
		catchUpExtra: (downtimeMs) =>
			downtimeMs + LOOKBACK_MINUTES * 60_000 > 2 * LOOKBACK_MINUTES * 60_000 + 2_000 ? 1 : 0,
		stateNote:
			'the WeClever list gives no finalization time: the trigger dates the leads of the last lookback window of a long read with the poll time and remembers them (see Findings)',
		add: async (emulator, count, from, to) => {
			for (const dates of chunks(spread(count, from, to)))
				await emulator.control('POST', 'weclever/leads', {
					leads: dates.map((date) => ({ finalizedAt: date.toISOString() })),
				});
		},
	},
	{
		vendor: 'welcorp',
		label: 'Welcorp Trigger (New Job)',
		parameters: { event: 'newJob' },
		pageSize: 100,
		// Jobs are dated by the API when they are submitted: the emulator's clock is moved back to
		// `from` and forward as the jobs go in, a minute per ITEMS_PER_MINUTE jobs, then put back.
		add: async (emulator, count, from, to) => {
			const client = new RawClient();
			const { user_code, password } = WELCORP_LOGINS.user;
			const authorization = `Basic ${Buffer.from(`${user_code}:${password}`).toString('base64')}`;
			const offset = async () =>
				(await emulator.control<{ offsetMs: number }>('GET', 'clock')).offsetMs;
			const startOffset = await offset();
			const moveClockTo = async (instant: number) =>
				emulator.control('POST', 'clock', { advanceMs: instant - (Date.now() + (await offset())) });
			try {
				for (let i = 0; i < count; i++) {
					if (i % ITEMS_PER_MINUTE === 0) await moveClockTo(from + ((to - from) * i) / count);
					await client.post(
						`${emulator.vendorUrl(WELCORP_BASE_PATH)}/jobs`,
						{
							job_type: 'sms',
							message: 'Hello',
							recipients: [{ destination: `+614${String(10_000_000 + i).slice(-8)}` }],
						},
						{ authorization },
					);
				}
			} finally {
				client.close();
				await emulator.control('POST', 'clock', { advanceMs: startOffset - (await offset()) });
			}
		},
	},
];

/** Every saved poll cursor ({ cursor, seen }) moved back by `ms`: as if n8n had been stopped that long. */
function rewind(saved: IDataObject, ms: number): IDataObject {
	const shift = (value: unknown): void => {
		if (typeof value !== 'object' || value === null) return;
		const record = value as Record<string, unknown>;
		if (typeof record.cursor === 'number' && typeof record.seen === 'object') record.cursor -= ms;
		Object.values(record).forEach(shift);
	};
	const copy = JSON.parse(JSON.stringify(saved)) as IDataObject;
	shift(copy);
	return copy;
}

interface PollFigures {
	requests: number;
	logins: number;
	items: number;
	written: boolean;
	stateBytes: number;
	/** Item ids remembered in the saved poll state. */
	ids: number;
}

const idsIn = (saved: IDataObject) =>
	Object.values(saved as Record<string, { pollCursor?: { seen: object } }>).reduce(
		(sum, node) => sum + Object.keys(node.pollCursor?.seen ?? {}).length,
		0,
	);

export async function measure(emulator: RemoteEmulator, testCase: Case, backlog: number) {
	await emulator.reset();
	const { store, credentials } = credentialFor(testCase.vendor, emulator);
	const newPoller = (saved?: IDataObject) =>
		new Poller(
			{ nodeType: triggerOf(testCase.vendor), parameters: testCase.parameters, store, credentials },
			saved,
		);
	let trigger = newPoller();
	const vendor = VENDORS[testCase.vendor].emulatorName;
	const once = async (
		poll: () => Promise<{ items: unknown[]; saved: boolean; error?: Error }>,
	): Promise<PollFigures> => {
		await emulator.clearRequests();
		store.resetStats();
		const before = JSON.stringify(trigger.staticData);
		const result = await poll();
		if (result.error) throw result.error;
		return {
			requests: (await emulator.requests(vendor)).length,
			logins: store.stats.preAuthentications,
			items: result.items.length,
			// n8n's __dataChanged flag stays set until a save, so compare the data itself.
			written: result.saved || JSON.stringify(trigger.staticData) !== before,
			stateBytes: JSON.stringify(trigger.savedStaticData).length,
			ids: idsIn(trigger.savedStaticData),
		};
	};
	const activation = await once(() => trigger.activate());
	const firstPoll = await once(() => trigger.poll());
	const idle = await once(() => trigger.poll());
	// n8n stops; the backlog arrives over the downtime; n8n starts again and polls at once.
	const now = Date.now();
	const rewound = rewind(trigger.savedStaticData, downtimeFor(backlog));
	// The emulator's own data ends a day ago (ANCHOR): a downtime longer than that reaches into it,
	// and those items are new to the rewound cursor too. A throwaway poller counts them first.
	trigger = newPoller(rewound);
	const seeded = (await once(() => trigger.activate('init'))).items;
	trigger = newPoller(rewound);
	await testCase.add(emulator, backlog, now - downtimeFor(backlog), now);
	const afterBacklog = await once(() => trigger.activate('init'));
	const next = await once(() => trigger.poll());
	return { activation, firstPoll, idle, seeded, afterBacklog, next };
}

/** `items`: the backlog plus the emulator's own items inside the downtime. */
const expectedCatchUp = (testCase: Case, backlog: number, items: number) =>
	(testCase.pageSize ? Math.ceil(items / testCase.pageSize) : 1) +
	(testCase.catchUpExtra?.(downtimeFor(backlog)) ?? 0);

export async function polling(ctx: BenchContext): Promise<Section> {
	const sizes = ctx.smoke ? [10, 200] : [10, 1_000, 100_000];
	const rows: Array<Array<string | number>> = [];
	const goals: Goal[] = [];
	const emulator = await RemoteEmulator.start();
	try {
		for (const testCase of CASES) {
			const results = [];
			for (const size of sizes) {
				ctx.log(`polling: ${testCase.label}, backlog ${size}`);
				const r = await measure(emulator, testCase, size);
				results.push({ size, ...r });
				const expected = expectedCatchUp(testCase, size, size + r.seeded);
				rows.push([
					testCase.label,
					num(size),
					`${r.idle.requests} / ${r.idle.logins} / ${r.idle.written ? 'yes' : 'no'}${r.firstPoll.written ? ' (first poll after activation: written)' : ''}`,
					`${num(r.afterBacklog.requests)} (expected ${num(expected)})`,
					r.seeded
						? `${num(r.afterBacklog.items)} (N + ${num(r.seeded)} of the emulator's own)`
						: num(r.afterBacklog.items),
					`${num(r.afterBacklog.stateBytes)} / ${num(r.afterBacklog.ids)}`,
					`${num(r.next.requests)} / ${num(r.next.items)}`,
				]);
			}
			const idleOk = results.every(
				(r) => r.idle.requests === 1 && r.idle.logins === 0 && !r.idle.written,
			);
			goals.push({
				goal: `${testCase.label}: idle poll = 1 request, 0 logins, no state written`,
				measured: results.map(
					(r) =>
						`${r.idle.requests} req / ${r.idle.logins} logins / ${r.idle.written ? 'written' : 'not written'}`,
				)[0],
				met: idleOk,
			});
			const backlogOk = results.every(
				(r) =>
					r.afterBacklog.requests === expectedCatchUp(testCase, r.size, r.size + r.seeded) &&
					r.afterBacklog.items === r.size + r.seeded,
			);
			goals.push({
				goal: `${testCase.label}: backlog of N costs ceil(N / ${testCase.pageSize ?? '∞ (unpaged)'}) requests (N: every item new to the cursor)${testCase.catchUpExtra ? ' (+1 after a pause longer than the lookback)' : ''}`,
				measured: results
					.map(
						(r) =>
							`N=${num(r.size)}: ${num(r.afterBacklog.requests)} req, ${num(r.afterBacklog.items)} items`,
					)
					.join('; '),
				met: backlogOk,
			});
			const windowIds = ITEMS_PER_MINUTE * LOOKBACK_MINUTES;
			const bounded = results.every((r) => r.afterBacklog.ids <= windowIds * 1.1 + 1);
			goals.push({
				goal: `${testCase.label}: static data does not grow with N (at most the ids of one late-arrival window, ${num(windowIds)} at ${ITEMS_PER_MINUTE} items/min)`,
				measured: results
					.map(
						(r) =>
							`N=${num(r.size)}: ${num(r.afterBacklog.stateBytes)} B, ${num(r.afterBacklog.ids)} ids`,
					)
					.join('; '),
				met: bounded,
				note: bounded ? undefined : testCase.stateNote,
			});
		}
	} finally {
		await emulator.stop();
	}
	const body = [
		`Each row: a fresh emulator state and credential; the workflow is activated (first poll: baseline), then two scheduled polls with nothing new; the second is the **idle** steady state (the first is noted when it changed the static data). Then n8n is stopped (the saved poll cursor is moved back by as long) while the backlog of N items arrives at ${ITEMS_PER_MINUTE} items per minute (N / ${ITEMS_PER_MINUTE} minutes, at least one), n8n starts again and the activation poll reads the **backlog**; then one more scheduled poll (**next**). Requests are every request the emulator logged for the vendor during the poll (logins included); logins are preAuthentication calls of n8n's credential store; "written" means the poll changed the workflow's static data; state is the saved static data as JSON and the item ids it remembers (the shared cursor engine keeps the ids of the last late-arrival window, all of them and nothing older: its size follows the arrival rate times the window, not N). The next poll reads the lookback window (10 min by default) again, so right after a backlog it re-reads what arrived in the last 10 minutes. Counts, not times: one run each (they are deterministic).`,
		'',
		table(
			[
				'Trigger',
				'Backlog N',
				'Idle: requests / logins / written',
				'Backlog poll: requests',
				'Items emitted',
				'State after: bytes / ids',
				'Next poll: requests / items',
			],
			rows,
		),
	].join('\n');
	return { title: 'Polling steady state', body, goals };
}
