import { mapWithConcurrency } from './concurrency';

/**
 * Return All / Limit over any paging scheme, as n8n's own nodes do: with Return All every page
 * is read; with a limit, reading stops as soon as enough items are in and the result is cut to it.
 */
export interface Page<T, C> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
	/** How many items the whole read has, as this answer reports it (used by collectCountedPages). */
	total?: number;
	/** How many pages the whole read has, for APIs that report that instead of a total. */
	pageCount?: number;
}

export interface ReadLimit {
	returnAll: boolean;
	limit: number;
}

export async function collectPages<T, C>(
	first: C,
	fetchPage: (cursor: C, wanted: number | undefined) => Promise<Page<T, C>>,
	limit: ReadLimit,
	onPage?: (items: T[]) => void,
): Promise<T[]> {
	const collected: T[] = [];
	let cursor: C | undefined = first;
	while (cursor !== undefined) {
		const wanted = limit.returnAll ? undefined : limit.limit - collected.length;
		const page: Page<T, C> = await fetchPage(cursor, wanted);
		onPage?.(page.items);
		for (const item of page.items) collected.push(item);
		if (!limit.returnAll && collected.length >= limit.limit) return collected.slice(0, limit.limit);
		cursor = page.items.length > 0 ? page.next : undefined;
	}
	return collected;
}

export interface CountedPaging<C> {
	/** At most this many pages are read at the same time after the first one. */
	concurrency: number;
	/** Where page `index` (0 is the first) starts when every page before it holds `pageSize` items. */
	cursorAt(index: number, pageSize: number): C;
}

/**
 * collectPages for APIs whose every answer reports the total (`Page.total`) or the number of pages
 * (`Page.pageCount`): the first page is read
 * alone, the pages it announces are then read `concurrency` at a time. The outcome is the sequential one: the same
 * requests (with the same `wanted`), the items in page order, Return All / Limit unchanged, and
 * an error only from the first page, in page order, that fails (the pages after it are not
 * started and the ones already running are awaited, never left running). Whenever a page is not
 * what the first answer announced (short or empty, another next cursor, another total: the data
 * changed during the read) the pages read ahead are dropped and reading goes on one page at a
 * time from that page's `next`, as collectPages would.
 */
export async function collectCountedPages<T, C>(
	first: C,
	fetchPage: (cursor: C, wanted: number | undefined) => Promise<Page<T, C>>,
	limit: ReadLimit,
	paging: CountedPaging<C>,
): Promise<T[]> {
	const { concurrency } = paging;
	if (!Number.isInteger(concurrency) || concurrency < 1)
		throw new RangeError(`Concurrency limit must be a positive integer, got ${concurrency}`);
	const wantedAfter = (count: number) => (limit.returnAll ? undefined : limit.limit - count);
	const reachedLimit = (items: T[]) => !limit.returnAll && items.length >= limit.limit;
	/** The rest one page at a time, from `next` (collectPages counts the items already read). */
	const sequentialFrom = async (next: C | undefined, collected: T[]): Promise<T[]> => {
		if (next === undefined) return collected;
		const rest = await collectPages(
			next,
			fetchPage,
			limit.returnAll ? limit : { returnAll: false, limit: limit.limit - collected.length },
		);
		for (const item of rest) collected.push(item);
		return collected;
	};

	const head = await fetchPage(first, wantedAfter(0));
	const collected = [...head.items];
	if (reachedLimit(collected)) return collected.slice(0, limit.limit);
	if (head.items.length === 0 || head.next === undefined) return collected;
	const pageSize = head.items.length;
	const { total, pageCount } = head;
	let pages = pageCount ?? (total === undefined ? 1 : Math.ceil(total / pageSize));
	if (!limit.returnAll) pages = Math.min(pages, Math.ceil(limit.limit / pageSize));
	const planned = Array.from({ length: Math.max(0, pages - 1) }, (_, index) =>
		paging.cursorAt(index + 1, pageSize),
	);
	if (planned.length === 0 || planned[0] !== head.next)
		return await sequentialFrom(head.next, collected);

	type Outcome = { page: Page<T, C> } | { error: unknown };
	const outcomes = planned.map(() => {
		let settle!: (outcome: Outcome) => void;
		const promise = new Promise<Outcome>((resolve) => (settle = resolve));
		return { promise, settle };
	});
	/** Whether reading in turn would go on from this page to the next announced one. */
	const asAnnounced = (page: Page<T, C>, index: number) =>
		page.items.length === pageSize &&
		page.total === total &&
		page.pageCount === pageCount &&
		index + 1 < planned.length &&
		page.next === planned[index + 1];
	let stopped = false;
	// Pages start in order. A failed page, or one that is not as announced, ends the read or is
	// where reading goes on in turn: no later page is started (the remaining calls return at once).
	const running = mapWithConcurrency(planned, concurrency, async (cursor, index) => {
		if (stopped) return;
		try {
			const page = await fetchPage(cursor, wantedAfter((index + 1) * pageSize));
			if (!asAnnounced(page, index)) stopped = true;
			outcomes[index].settle({ page });
		} catch (error) {
			stopped = true;
			outcomes[index].settle({ error });
		}
	});
	const finish = async () => {
		stopped = true;
		await running;
	};

	for (let index = 0; index < planned.length; index++) {
		const outcome = await outcomes[index].promise;
		if ('error' in outcome) {
			await finish();
			throw outcome.error;
		}
		const { page } = outcome;
		for (const item of page.items) collected.push(item);
		if (reachedLimit(collected)) {
			await finish();
			return collected.slice(0, limit.limit);
		}
		if (page.items.length === 0 || page.next === undefined) {
			await finish();
			return collected;
		}
		if (!asAnnounced(page, index)) {
			await finish();
			return await sequentialFrom(page.next, collected);
		}
	}
	await running;
	return collected;
}

/** Offset/limit paging: the next offset, or undefined when the page was short or the total is reached. */
export function nextOffset(
	offset: number,
	pageSize: number,
	pageItems: number,
	total?: number,
): number | undefined {
	const next = offset + pageItems;
	if (pageItems < pageSize) return undefined;
	if (total !== undefined && next >= total) return undefined;
	return next;
}
