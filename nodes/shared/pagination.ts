/**
 * Return All / Limit over any paging scheme, as n8n's own nodes do: with Return All every page
 * is read; with a limit, reading stops as soon as enough items are in and the result is cut to it.
 */
export interface Page<T, C> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
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

/** Page-number paging where the answer tells the total; the page size may be unknown to us. */
export function nextPageNumber(page: number, seenSoFar: number, total: number | undefined, pageItems: number): number | undefined {
	if (pageItems === 0) return undefined;
	if (total !== undefined && seenSoFar >= total) return undefined;
	return page + 1;
}

/** Offset/limit paging: the next offset, or undefined when the page was short or the total is reached. */
export function nextOffset(offset: number, pageSize: number, pageItems: number, total?: number): number | undefined {
	const next = offset + pageItems;
	if (pageItems < pageSize) return undefined;
	if (total !== undefined && next >= total) return undefined;
	return next;
}
