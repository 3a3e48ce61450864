import type { IDataObject } from 'n8n-workflow';
import type { z } from 'zod';

import type { Page, ReadLimit, RequestContext } from '../shared';
import { collectPages } from '../shared';
import type { Endpoint } from './transport';
import { welcorpRequest } from './transport';

/** The doc names no maximum page size; the server may serve fewer than asked, which paging copes with. */
export const MAX_PAGE_SIZE = 100;

interface LaravelAnswer<T> {
	data: T[];
	current_page?: number;
	last_page?: number;
	next_page_url?: string | null;
}

/** Reads a Laravel-paged list (page / page_size) with Return All / Limit. */
export async function readPages<A extends LaravelAnswer<unknown>>(
	context: RequestContext,
	endpoint: Endpoint,
	request: {
		operation: string;
		qs: IDataObject;
		schema: z.ZodType<A, z.ZodTypeDef, unknown>;
		itemIndex?: number;
		timeoutMs?: number;
	},
	limit: ReadLimit,
	onAnswer?: (answer: A) => void,
): Promise<Array<A['data'][number]>> {
	// The page size must stay the same on every page, or page numbers would overlap.
	const pageSize = limit.returnAll
		? MAX_PAGE_SIZE
		: Math.min(MAX_PAGE_SIZE, Math.max(1, limit.limit));
	const fetchPage = async (page: number): Promise<Page<A['data'][number], number>> => {
		const answer = await welcorpRequest(context, endpoint, {
			...request,
			qs: { ...request.qs, page, page_size: pageSize },
		});
		onAnswer?.(answer);
		const current = answer.current_page ?? page;
		const more =
			answer.last_page !== undefined ? current < answer.last_page : Boolean(answer.next_page_url);
		return { items: answer.data, next: more ? current + 1 : undefined };
	};
	return await collectPages(1, fetchPage, limit);
}
