import type { IDataObject } from 'n8n-workflow';

import { Rng } from '../../sandbox/core/prng';
import { CredentialStore, Poller, type PollResult } from '../harness';
import { sim, WeCleverWindowProbe, type SimLead } from './windowProbe';

/**
 * The WeClever trigger's window read (leads.ts readWindow) over the real cursor engine and n8n's
 * PollContext, with a simulated clock: ten hours of polls every minute, with late arrivals, two
 * stops of n8n and a quiet spell. Every lead must come out exactly once, and the saved state must
 * stay within the leads of one late-arrival window, whatever the backlog.
 */
const MINUTE = 60_000;
const LOOKBACK = 10 * MINUTE;
const T0 = Date.UTC(2026, 0, 5, 8);
const store = new CredentialStore([]);

/** The poll cursor the engine saved: its time (ms) and how many lead ids it remembers. */
function savedCursor(saved: IDataObject): { cursor: number; ids: number } {
	const states = Object.values(
		saved as Record<string, { pollCursor?: { cursor: number; seen: object } }>,
	)
		.map((node) => node?.pollCursor)
		.filter((state) => state !== undefined);
	expect(states).toHaveLength(1);
	return { cursor: states[0]!.cursor, ids: Object.keys(states[0]!.seen).length };
}

let nextId = 1;
function add(at: number, visibleAt = at): SimLead {
	const lead = { id: nextId++, at, visibleAt };
	sim.leads.push(lead);
	return lead;
}

beforeEach(() => {
	Object.assign(sim, {
		leads: [],
		now: T0,
		lookbackMs: LOOKBACK,
		startFrom: undefined,
		searches: [],
	});
	nextId = 1;
});

describe('WeClever trigger window over a simulated day', () => {
	it('emits every lead exactly once; the state holds the leads of a lookback window or two, never the backlog', async () => {
		const rng = new Rng(20261105);
		const emitted = new Map<number, number>();
		const polls: Array<{
			minute: number;
			searches: number;
			items: number;
			ids: number;
			bound: number;
			window: number;
		}> = [];
		let trigger = new Poller({ nodeType: WeCleverWindowProbe, store });

		const record = (minute: number, result: PollResult, searchesBefore: number) => {
			expect(result.error).toBeUndefined();
			for (const item of result.items) {
				const id = Number(item.json.weclever_lead_id);
				emitted.set(id, (emitted.get(id) ?? 0) + 1);
				expect(sim.leads.find((lead) => lead.id === id)!.visibleAt).toBeLessThanOrEqual(sim.now);
			}
			const { cursor, ids } = savedCursor(trigger.savedStaticData);
			// A lead is remembered for one window after the poll that read it, and that poll read it at
			// most one window (and a poll) after it was listed: the leads of two windows at most.
			const bound =
				sim.leads.filter(
					(lead) =>
						lead.visibleAt >= cursor - 2 * LOOKBACK - 2 * MINUTE && lead.visibleAt <= cursor,
				).length + 1;
			const window = sim.leads.filter(
				(lead) => lead.at >= sim.now - LOOKBACK - 3000 && lead.visibleAt <= sim.now,
			).length;
			polls.push({
				minute,
				searches: sim.searches.length - searchesBefore,
				items: result.items.length,
				ids,
				bound,
				window,
			});
		};
		const poll = async (minute: number, restart = false) => {
			sim.now = T0 + minute * MINUTE + 500;
			const before = sim.searches.length;
			record(minute, restart ? await trigger.restart() : await trigger.poll(), before);
		};
		/** Leads finalized during minute `minute`, a tenth of them listed by the API only minutes later. */
		const arrive = (minute: number, count: number) => {
			for (let n = 0; n < count; n++) {
				const at = T0 + (minute - 1) * MINUTE + rng.int(1, MINUTE);
				add(at, rng.bool(0.1) ? at + rng.int(1, 4) * MINUTE : at);
			}
		};

		sim.now = T0;
		expect((await trigger.activate()).result).toBeNull();
		let backlog = 0;
		for (let minute = 1; minute <= 600; minute++) {
			const stopped = (minute >= 120 && minute < 240) || (minute >= 430 && minute < 500);
			if (minute >= 120 && minute < 240)
				arrive(minute, 20); // stopped: the backlog
			else if (minute >= 430 && minute < 480)
				arrive(minute, 30); // stopped again, then nothing
			else if (minute === 400)
				add(T0 + 399 * MINUTE + 30_000); // the end of the quiet spell
			else if (minute < 300 || (minute > 400 && minute < 430) || minute > 500)
				arrive(minute, rng.int(0, 3));
			if (stopped) {
				if (minute === 120 || minute === 430) trigger.deactivate();
				continue;
			}
			if (minute === 240 || minute === 500) {
				backlog =
					sim.leads.filter((lead) => lead.visibleAt <= T0 + minute * MINUTE + 500).length -
					emitted.size;
				// n8n starts again: the workflow is activated from the saved state and polls at once.
				trigger = new Poller({ nodeType: WeCleverWindowProbe, store }, trigger.savedStaticData);
				sim.now = T0 + minute * MINUTE + 500;
				const before = sim.searches.length;
				record(minute, await trigger.activate('init'), before);
				const catchUp = polls.at(-1)!;
				expect(catchUp.items).toBe(backlog);
				expect(catchUp.searches).toBe(2);
				// Right after it: the leads of the last lookback window (and one more when it had none).
				expect(catchUp.ids).toBeLessThanOrEqual(catchUp.window + 1);
				expect(catchUp.ids).toBeLessThan(backlog / 10);
				continue;
			}
			await poll(minute);
		}
		for (let n = 0; n < 3; n++) await poll(600 + 5 + n);

		// Nothing lost, nothing twice.
		expect(sim.leads.every((lead) => lead.visibleAt <= sim.now)).toBe(true);
		expect([...emitted.keys()].sort((a, b) => a - b)).toEqual(sim.leads.map((lead) => lead.id));
		expect([...emitted.values()].every((count) => count === 1)).toBe(true);

		// State: never more than two windows' leads (the 2,400-lead backlog never stays in it).
		for (const entry of polls) expect(entry.ids).toBeLessThanOrEqual(entry.bound);
		expect(Math.max(...polls.map((entry) => entry.ids))).toBeLessThan(200);

		// Requests: one per poll, two only when a window longer than twice the lookback holds leads.
		expect(polls.every((entry) => entry.searches === 1 || entry.searches === 2)).toBe(true);
		const quiet = polls.filter((entry) => entry.minute > 300 && entry.minute < 400);
		expect(quiet).toHaveLength(99);
		expect(quiet.every((entry) => entry.searches === 1 && entry.items === 0)).toBe(true);
		const steady = polls.filter(
			(entry) =>
				(entry.minute > 1 && entry.minute < 120) || (entry.minute > 500 && entry.minute <= 600),
		);
		expect(steady.every((entry) => entry.searches === 1)).toBe(true);
		// The first lead after the quiet spell: the window went back to the last lead before it.
		expect(polls.find((entry) => entry.minute === 400)).toMatchObject({ searches: 2 });
	}, 60_000);

	it('after a pause whose last lookback window had no lead, remembers one lead and reads the next window once', async () => {
		const trigger = new Poller({ nodeType: WeCleverWindowProbe, store });
		sim.now = T0;
		await trigger.activate();
		for (let n = 1; n <= 500; n++) add(T0 + n * 12_000); // over 100 minutes
		sim.now = T0 + 120 * MINUTE;
		const catchUp = await trigger.poll();
		expect(catchUp.items.map((item) => item.json.weclever_lead_id)).toHaveLength(500);
		expect(new Set(catchUp.items.map((item) => item.json.weclever_lead_id)).size).toBe(500);
		expect(sim.searches).toHaveLength(3); // activation, then the two parts
		expect(savedCursor(trigger.savedStaticData)).toEqual({ cursor: sim.now, ids: 1 });

		sim.now += MINUTE;
		const next = await trigger.poll();
		expect(next.result).toBeNull();
		expect(sim.searches).toHaveLength(4);
		expect(sim.searches[3]).toEqual([T0 + 120 * MINUTE - LOOKBACK, sim.now]);
	});

	it('leads around where the window is split come out once', async () => {
		const trigger = new Poller({ nodeType: WeCleverWindowProbe, store });
		sim.now = T0;
		await trigger.activate();
		const until = T0 + 60 * MINUTE;
		// Around the start of the recent part (until - lookback - 2 s) and of the next poll's window.
		const edge = [-3500, -2500, -2001, -2000, -1999, -1000, -1, 0, 1, 999, 1000].map((offset) =>
			add(until - LOOKBACK + offset),
		);
		add(T0 + 5 * MINUTE);
		sim.now = until;
		const first = await trigger.poll();
		expect(first.items).toHaveLength(edge.length + 1);
		for (let minute = 1; minute <= 12; minute++) {
			sim.now = until + minute * MINUTE;
			expect((await trigger.poll()).result).toBeNull();
		}
	});

	it('Start From two days back: the backlog once (late arrivals too), nothing older, then every new lead once', async () => {
		const rng = new Rng(20261106);
		sim.startFrom = T0 - 24 * 60 * MINUTE;
		// 48 hours of leads before activation; a tenth listed by the API up to 4 minutes late.
		for (let n = 0; n < 2000; n++) {
			const at = T0 - rng.int(1, 48 * 60 * MINUTE);
			add(at, rng.bool(0.1) ? at + rng.int(1, 4 * MINUTE) : at);
		}
		const emitted = new Map<number, number>();
		const count = (result: PollResult) => {
			expect(result.error).toBeUndefined();
			for (const item of result.items) {
				const id = Number(item.json.weclever_lead_id);
				emitted.set(id, (emitted.get(id) ?? 0) + 1);
			}
		};
		const trigger = new Poller({ nodeType: WeCleverWindowProbe, store });
		sim.now = T0;
		count(await trigger.activate());
		const firstPoll = emitted.size;
		expect(sim.searches).toHaveLength(2);
		// Right after it, the state holds the leads of the last lookback window (and one more).
		const lastWindow = sim.leads.filter(
			(lead) => lead.at >= T0 - LOOKBACK - 3000 && lead.visibleAt <= T0,
		).length;
		expect(savedCursor(trigger.savedStaticData).ids).toBeLessThanOrEqual(lastWindow + 1);

		for (let minute = 1; minute <= 60; minute++) {
			for (let n = rng.int(0, 3); n > 0; n--) {
				const at = T0 + (minute - 1) * MINUTE + rng.int(1, MINUTE);
				add(at, rng.bool(0.1) ? at + rng.int(1, 4) * MINUTE : at);
			}
			sim.now = T0 + minute * MINUTE + 500;
			count(await trigger.poll());
		}
		for (let n = 1; n <= 5; n++) {
			sim.now = T0 + (60 + n * 5) * MINUTE;
			count(await trigger.poll());
		}

		const wanted = sim.leads.filter((lead) => lead.at >= sim.startFrom!).map((lead) => lead.id);
		expect([...emitted.keys()].sort((a, b) => a - b)).toEqual(wanted.sort((a, b) => a - b));
		expect([...emitted.values()].every((times) => times === 1)).toBe(true);
		expect(firstPoll).toBeGreaterThan(900);
	}, 60_000);
});
