/** The Laravel paginator block the Welcorp list calls answer with. */
export interface PageLink {
	url: string | null;
	label: string;
	active: boolean;
}

export interface LaravelPage<T> {
	current_page: number;
	data: T[];
	first_page_url: string;
	from: number | null;
	last_page: number;
	last_page_url: string;
	links: PageLink[];
	next_page_url: string | null;
	path: string;
	per_page: number;
	prev_page_url: string | null;
	to: number | null;
	total: number;
	status: 200;
}

const ON_EACH_SIDE = 3;

/** Laravel's UrlWindow: all pages when few, else first/last two around a slider with "..." gaps. */
function pageWindow(current: number, last: number): Array<number | '...'> {
	const range = (from: number, to: number) =>
		Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
	if (last < ON_EACH_SIDE * 2 + 8) return range(1, last);
	const window = ON_EACH_SIDE + 4;
	if (current <= window) return [...range(1, window + ON_EACH_SIDE), '...', last - 1, last];
	if (current > last - window)
		return [1, 2, '...', ...range(last - (window + ON_EACH_SIDE - 1), last)];
	return [
		1,
		2,
		'...',
		...range(current - ON_EACH_SIDE, current + ON_EACH_SIDE),
		'...',
		last - 1,
		last,
	];
}

/** `query` is the request's own query (kept in every link, as Laravel's appends() does). */
export function laravelPage<T>(
	all: T[],
	page: number,
	perPage: number,
	path: string,
	query: Record<string, string>,
): LaravelPage<T> {
	const total = all.length;
	const last = Math.max(1, Math.ceil(total / perPage));
	const urlFor = (n: number) => {
		const params = new URLSearchParams({ ...query });
		params.delete('page');
		params.append('page', String(n));
		return `${path}?${params.toString()}`;
	};
	const data = all.slice((page - 1) * perPage, page * perPage);
	const links: PageLink[] = [
		{ url: page > 1 ? urlFor(page - 1) : null, label: '« Previous', active: false },
	];
	for (const entry of pageWindow(page, last)) {
		links.push(
			entry === '...'
				? { url: null, label: '...', active: false }
				: { url: urlFor(entry), label: String(entry), active: entry === page },
		);
	}
	links.push({ url: page < last ? urlFor(page + 1) : null, label: 'Next »', active: false });
	return {
		current_page: page,
		data,
		first_page_url: urlFor(1),
		from: data.length ? (page - 1) * perPage + 1 : null,
		last_page: last,
		last_page_url: urlFor(last),
		links,
		next_page_url: page < last ? urlFor(page + 1) : null,
		path,
		per_page: perPage,
		prev_page_url: page > 1 ? urlFor(page - 1) : null,
		to: data.length ? (page - 1) * perPage + data.length : null,
		total,
		status: 200,
	};
}
