import {
	collectCountedPages,
	collectPages,
	nextOffset,
	type Page,
	type ReadLimit,
} from '../../nodes/shared';

/**
 * collectCountedPages against collectPages over the same offset-paged "API": same requests (offset
 * and size), same items in the same order, same error; only the pages after the first overlap.
 */
const PAGE = 10;
const returnAll: ReadLimit = { returnAll: true, limit: 0 };

interface Api {
	items: number[];
	/** Answer of a request, by the order requests were sent (0 is the first). */
	fail?: Map<number, Error>;
	/** Called when the page at `offset` is answered, before it is cut: may change `items` (data changing during the read). */
	onAnswer?: (offset: number) => void;
	reportTotal?: boolean;
	/** Delay of the answer to the request for this offset (ms, default 1 + offset % 3). */
	delayMs?: (offset: number) => number;
}

function apiOf(api: Api) {
	const requests: Array<[number, number]> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetchPage = async (
		offset: number,
		wanted: number | undefined,
	): Promise<Page<number, number>> => {
		const size = Math.min(PAGE, wanted ?? PAGE);
		requests.push([offset, size]);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		try {
			await new Promise((resolve) =>
				setTimeout(resolve, api.delayMs?.(offset) ?? 1 + ((offset / PAGE) % 3)),
			);
			api.onAnswer?.(offset);
			const error = api.fail?.get(offset);
			if (error) throw error;
			const items = api.items.slice(offset, offset + size);
			const total = api.reportTotal === false ? undefined : api.items.length;
			return { items, next: nextOffset(offset, size, items.length, total), total };
		} finally {
			inFlight--;
		}
	};
	return { fetchPage, requests, maxInFlight: () => maxInFlight };
}

const range = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => from + index);
const counted = (concurrency = 4) => ({
	concurrency,
	cursorAt: (index: number, pageSize: number) => index * pageSize,
});

/** Both readers over fresh copies of the same API; returns what each did. */
async function both(make: () => Api, limit: ReadLimit, concurrency = 4) {
	const sequential = apiOf(make());
	const parallel = apiOf(make());
	const run = async (promise: Promise<number[]>) => {
		try {
			return { items: await promise };
		} catch (error) {
			return { error };
		}
	};
	return {
		sequential: {
			...(await run(collectPages(0, sequential.fetchPage, limit))),
			requests: sequential.requests,
			maxInFlight: sequential.maxInFlight(),
		},
		parallel: {
			...(await run(collectCountedPages(0, parallel.fetchPage, limit, counted(concurrency)))),
			requests: parallel.requests,
			maxInFlight: parallel.maxInFlight(),
		},
	};
}

const sorted = (requests: Array<[number, number]>) => [...requests].sort((a, b) => a[0] - b[0]);

describe('collectCountedPages', () => {
	it.each([
		['Return All, pages all full', 100, returnAll],
		['Return All, a short last page', 95, returnAll],
		['Return All, one page', 7, returnAll],
		['Return All, nothing', 0, returnAll],
		['a limit within the first page', 95, { returnAll: false, limit: 4 }],
		['a limit on a page boundary', 95, { returnAll: false, limit: 30 }],
		['a limit within a later page', 95, { returnAll: false, limit: 34 }],
		['a limit above the total', 95, { returnAll: false, limit: 500 }],
	])('%s: the requests, items and order of collectPages', async (_name, count, limit) => {
		const { sequential, parallel } = await both(
			() => ({ items: range(count) }),
			limit as ReadLimit,
		);
		expect(parallel.items).toEqual(sequential.items);
		expect(sorted(parallel.requests)).toEqual(sequential.requests);
	});

	it('reads the pages after the first at most `concurrency` at a time, the first one alone', async () => {
		const api = apiOf({ items: range(200) });
		const items = await collectCountedPages(0, api.fetchPage, returnAll, counted(4));
		expect(items).toEqual(range(200));
		expect(api.maxInFlight()).toBe(4);
		expect(api.requests[0]).toEqual([0, PAGE]);
		expect(api.requests.map(([offset]) => offset)).toEqual(range(20).map((page) => page * PAGE));

		const one = apiOf({ items: range(50) });
		await collectCountedPages(0, one.fetchPage, returnAll, counted(1));
		expect(one.maxInFlight()).toBe(1);
		await expect(collectCountedPages(0, one.fetchPage, returnAll, counted(0))).rejects.toThrow(
			RangeError,
		);
	});

	it('keeps the page order whatever order the answers come in', async () => {
		const api = apiOf({ items: range(120), delayMs: (offset) => (offset % 40 === 10 ? 15 : 1) });
		expect(await collectCountedPages(0, api.fetchPage, returnAll, counted(4))).toEqual(range(120));
	});

	it('without a total in the answer, reads one page after the other', async () => {
		const { sequential, parallel } = await both(
			() => ({ items: range(45), reportTotal: false }),
			returnAll,
		);
		expect(parallel.items).toEqual(range(45));
		expect(parallel.requests).toEqual(sequential.requests);
		expect(parallel.maxInFlight).toBe(1);
	});

	it('throws the error of the first failing page in page order, and starts no page after a failure', async () => {
		const fail = () =>
			new Map([
				[70, new Error('page 8 failed')],
				[40, new Error('page 5 failed')],
			]);
		// Page 8 answers first (page 5 is slow): the error is still page 5's, as when reading in turn.
		const { sequential, parallel } = await both(
			() => ({ items: range(200), fail: fail(), delayMs: (offset) => (offset === 40 ? 30 : 1) }),
			returnAll,
		);
		expect((sequential as { error: Error }).error.message).toBe('page 5 failed');
		expect((parallel as { error: Error }).error.message).toBe('page 5 failed');
		// Started: the first page, then pages in order until the failure stopped new ones (at most 4 at a time).
		expect(parallel.requests.length).toBeLessThan(5 + 4 + 4);
		expect(parallel.requests.map(([offset]) => offset)).toEqual(
			range(parallel.requests.length).map((page) => page * PAGE),
		);
	});

	it('ignores the failure of a page read ahead when an earlier page ends the read', async () => {
		// The data shrinks after the first page: page 2 says so, page 3 is short, page 5 fails (past the end).
		const make = (): Api => {
			const api: Api = { items: range(100), fail: new Map([[40, new Error('past the end')]]) };
			api.onAnswer = (offset) => {
				if (offset === 10) api.items = range(25);
			};
			return api;
		};
		const { sequential, parallel } = await both(make, returnAll);
		expect(sequential.items).toEqual(range(25));
		expect(parallel.items).toEqual(range(25));
		expect(parallel.requests.map(([offset]) => offset)).toContain(40);
	});

	it('when the total changes during the read, drops the pages read ahead and goes on one page at a time', async () => {
		// Five items are inserted at the start while page 3 (offset 20) is answered; page 4 was answered before.
		const make = (): Api => {
			const api: Api = { items: range(60, 100), delayMs: (offset) => (offset === 20 ? 20 : 1) };
			api.onAnswer = (offset) => {
				if (offset === 20) api.items = [...range(5), ...range(60, 100)];
			};
			return api;
		};
		const { sequential, parallel } = await both(make, returnAll);
		// Nothing is lost (the shifted items may come twice: callers de-duplicate). Taking page 4 as
		// it was answered, before the insertion, would have lost the five items shifted into it.
		expect(new Set(sequential.items)).toEqual(new Set(range(60, 100)));
		expect(new Set(parallel.items)).toEqual(new Set(range(60, 100)));
		expect(parallel.items).toEqual(sequential.items);
	});

	it('continues in turn when the last announced page says there is more', async () => {
		const make = (): Api => {
			const api: Api = { items: range(40), delayMs: (offset) => (offset === 30 ? 10 : 1) };
			api.onAnswer = (offset) => {
				if (offset === 30) api.items = range(55);
			};
			return api;
		};
		const { parallel } = await both(make, returnAll);
		expect(parallel.items).toEqual(range(55));
		expect(sorted(parallel.requests).map(([offset]) => offset)).toEqual([0, 10, 20, 30, 40, 50]);
	});
});
