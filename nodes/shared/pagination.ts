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

/** Every item: triggers' backlog reads and summaries. */
export const RETURN_ALL: ReadLimit = { returnAll: true, limit: 0 };

type FetchPage<T, C> = (cursor: C, wanted: number | undefined) => Promise<Page<T, C>>;

/**
 * Hands pages to `onPage` while keeping count against the limit: the last page is cut to it.
 * Returns whether the limit is reached.
 */
function pageSink<T>(limit: ReadLimit, onPage: (items: T[]) => void) {
	let seen = 0;
	return {
		/** How many items a request may still ask for (undefined: as many as there are). */
		wanted: (before = seen) => (limit.returnAll ? undefined : limit.limit - before),
		/** What is left of the limit, for reading on from a cursor. */
		rest: (): ReadLimit =>
			limit.returnAll ? limit : { returnAll: false, limit: limit.limit - seen },
		take(items: T[]): boolean {
			const room = limit.returnAll ? items.length : limit.limit - seen;
			const taken = items.length > room ? items.slice(0, room) : items;
			seen += taken.length;
			onPage(taken);
			return !limit.returnAll && seen >= limit.limit;
		},
	};
}

/**
 * Every page in turn from `first`, each handed to `onPage` and then let go, until a last or empty
 * page or the limit (the request for a page asks only for what the limit still wants).
 */
export async function streamPages<T, C>(
	first: C | undefined,
	fetchPage: FetchPage<T, C>,
	limit: ReadLimit,
	onPage: (items: T[]) => void,
): Promise<void> {
	const sink = pageSink(limit, onPage);
	let cursor = first;
	while (cursor !== undefined) {
		const page = await fetchPage(cursor, sink.wanted());
		if (sink.take(page.items)) return;
		cursor = page.items.length > 0 ? page.next : undefined;
	}
}

/** Return All / Limit, one page after another. */
export async function collectPages<T, C>(
	first: C,
	fetchPage: FetchPage<T, C>,
	limit: ReadLimit,
): Promise<T[]> {
	const collected: T[] = [];
	await streamPages(first, fetchPage, limit, (items) => {
		for (const item of items) collected.push(item);
	});
	return collected;
}

export interface CountedPaging<C> {
	/** At most this many pages are read at the same time after the first one. */
	concurrency: number;
	/** Where page `index` (0 is the first) starts when every page before it holds `pageSize` items. */
	cursorAt(index: number, pageSize: number): C;
}

type Outcome<T, C> = { page: Page<T, C> } | { error: unknown };

/**
 * streamPages for APIs whose every answer reports the total (`Page.total`) or the number of pages
 * (`Page.pageCount`): the first page is read alone, the pages it announces are then read
 * `concurrency` at a time, and each is handed on in page order and let go (at most `concurrency`
 * pages are held, so a summary over any number of pages keeps its memory flat). The outcome is the
 * sequential one: the same requests (with the same `wanted`), the items in page order, Return All
 * / Limit unchanged, and an error only from the first page, in page order, that fails (no page
 * after it is started; the ones already running are awaited, never left running). Whenever a page
 * is not what the first answer announced (short or empty, another next cursor, another total: the
 * data changed during the read) the pages read ahead are dropped and reading goes on one page at a
 * time from that page's `next`.
 */
export async function streamCountedPages<T, C>(
	first: C,
	fetchPage: FetchPage<T, C>,
	limit: ReadLimit,
	paging: CountedPaging<C>,
	onPage: (items: T[]) => void,
): Promise<void> {
	const { concurrency } = paging;
	if (!Number.isInteger(concurrency) || concurrency < 1) {
		throw new RangeError(`Concurrency limit must be a positive integer, got ${concurrency}`);
	}
	const sink = pageSink(limit, onPage);
	const head = await fetchPage(first, sink.wanted());
	if (sink.take(head.items) || head.items.length === 0 || head.next === undefined) return;
	const pageSize = head.items.length;
	const { total, pageCount } = head;
	let pages = pageCount ?? (total === undefined ? 1 : Math.ceil(total / pageSize));
	if (!limit.returnAll) pages = Math.min(pages, Math.ceil(limit.limit / pageSize));
	const planned = Array.from({ length: Math.max(0, pages - 1) }, (_, index) =>
		paging.cursorAt(index + 1, pageSize),
	);
	if (planned.length === 0 || planned[0] !== head.next) {
		return await streamPages(head.next, fetchPage, sink.rest(), onPage);
	}

	const running: Array<Promise<Outcome<T, C>>> = [];
	let started = 0;
	const startNext = () => {
		const index = started++;
		running.push(
			fetchPage(planned[index], sink.wanted((index + 1) * pageSize)).then(
				(page) => ({ page }),
				(error: unknown) => ({ error }),
			),
		);
	};
	const settle = async () => void (await Promise.all(running));
	while (started < planned.length && running.length < concurrency) startNext();
	for (let index = 0; index < planned.length; index++) {
		const outcome = await running.shift()!;
		if ('error' in outcome) {
			await settle();
			throw outcome.error;
		}
		const { page } = outcome;
		const done = sink.take(page.items);
		if (done || page.items.length === 0 || page.next === undefined) return await settle();
		const asAnnounced =
			page.items.length === pageSize &&
			page.total === total &&
			page.pageCount === pageCount &&
			index + 1 < planned.length &&
			page.next === planned[index + 1];
		if (!asAnnounced) {
			await settle();
			return await streamPages(page.next, fetchPage, sink.rest(), onPage);
		}
		if (started < planned.length) startNext();
	}
}

/** streamCountedPages, collected: Return All / Limit with the pages after the first read concurrently. */
export async function collectCountedPages<T, C>(
	first: C,
	fetchPage: FetchPage<T, C>,
	limit: ReadLimit,
	paging: CountedPaging<C>,
): Promise<T[]> {
	const collected: T[] = [];
	await streamCountedPages(first, fetchPage, limit, paging, (items) => {
		for (const item of items) collected.push(item);
	});
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
