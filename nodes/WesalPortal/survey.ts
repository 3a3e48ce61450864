import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ZodType } from 'zod';

import type { CallScope, Page, ReadLimit, RequestContext } from '../shared';
import {
	callEndpoint,
	collectCountedPages,
	formatForVendor,
	nextOffset,
	parseVendorDate,
	readDateRange,
	RETURN_ALL,
	streamCountedPages,
} from '../shared';
import {
	surveyIdsPageSchema,
	surveyPageSchema,
	WESAL_PORTAL,
	type Survey,
	type SurveyPage,
} from './transport';
import { readCompanyId } from './organization';

export type { Survey } from './transport';

/** The largest page the API allows. */
export const MAX_PAGE_SIZE = 100;
/** Pages after the first are read this many at a time (Survey → Get Many and the trigger's backlog). */
export const PAGE_CONCURRENCY = 4;

export const extendedOption: INodeProperties = {
	displayName: 'Extended Details',
	name: 'extended',
	type: 'boolean',
	default: false,
	description:
		'Whether to ask the API for more details on each survey (queue and agent IDs, direction, duration, wrap-up)',
};

export interface SurveyQuery {
	companyId: number;
	start: Date;
	end: Date;
	extended: boolean;
	/**
	 * Whether the caller reads the surveys' fields (Simplified output, the trigger's survey time):
	 * then every documented field is checked. Otherwise only the ids are, and the surveys must be
	 * passed on as they are.
	 */
	checkFields: boolean;
}

/** Company, Start Date, End Date and Options → Extended Details of Survey → Get Many and Get Summary. */
export function readSurveyQuery(
	context: IExecuteFunctions,
	itemIndex: number,
): Omit<SurveyQuery, 'checkFields'> {
	const companyId = readCompanyId(context, itemIndex);
	const range = readDateRange(context, itemIndex);
	return {
		companyId,
		start: range.start.toJSDate(),
		end: range.end.toJSDate(),
		extended: context.getNodeParameter('options.extended', itemIndex, false) === true,
	};
}

/**
 * The API takes whole seconds: the range is widened to them (start rounded down, end up), so that
 * a survey answered in the last fraction of a second is never outside the window the poll
 * cursor believes it has read.
 */
export function searchBody(query: SurveyQuery, offset: number, limit: number) {
	const endSecond = new Date(Math.ceil(query.end.getTime() / 1000) * 1000);
	return {
		filters: [
			{
				dimension: 'dateTime',
				value: {
					startTime: formatForVendor(query.start, 'isoLocal'),
					endTime: formatForVendor(endSecond, 'isoLocal'),
				},
			},
		],
		companyId: query.companyId,
		extended: query.extended,
		offset,
		limit,
	};
}

/** One page of the search at `offset`; every answer reports the total (`pagination.totalItems`). */
function surveyPages(
	context: RequestContext,
	operation: string,
	query: SurveyQuery,
	scope?: CallScope,
) {
	const schema: ZodType<SurveyPage> = query.checkFields ? surveyPageSchema : surveyIdsPageSchema;
	return async (offset: number, wanted: number | undefined): Promise<Page<Survey, number>> => {
		const size = Math.min(MAX_PAGE_SIZE, wanted ?? MAX_PAGE_SIZE);
		const answer = await callEndpoint(context, WESAL_PORTAL, 'searchSurveys', {
			operation,
			scope,
			body: searchBody(query, offset, size),
			schema,
		});
		const { surveys, pagination } = answer.data;
		const total = pagination?.totalItems;
		return { items: surveys, next: nextOffset(offset, size, surveys.length, total), total };
	};
}

const PAGING = {
	concurrency: PAGE_CONCURRENCY,
	cursorAt: (index: number, pageSize: number) => index * pageSize,
};

/** Offset paging with the largest page: after the first page the others a few at a time. */
export async function searchSurveys(
	context: RequestContext,
	operation: string,
	query: SurveyQuery,
	limit: ReadLimit,
	scope?: CallScope,
): Promise<Survey[]> {
	const fetchPage = surveyPages(context, operation, query, scope);
	const surveys = await collectCountedPages(0, fetchPage, limit, PAGING);
	// A survey that arrives while the pages are read shifts the offsets: never return one twice.
	const seen = new Set<string>();
	return surveys.filter((survey) => !seen.has(surveyId(survey)) && seen.add(surveyId(survey)));
}

/**
 * The same requests as searchSurveys with Return All, each page handed on and let go (Get
 * Summary). A survey arriving during the read shifts the offsets by a few: what the page before
 * already gave is skipped, so only one page of ids is kept.
 */
export async function streamSurveys(
	context: RequestContext,
	operation: string,
	query: SurveyQuery,
	onPage: (surveys: Survey[]) => void,
	scope?: CallScope,
): Promise<void> {
	let previous = new Set<string>();
	await streamCountedPages(
		0,
		surveyPages(context, operation, query, scope),
		RETURN_ALL,
		PAGING,
		(surveys) => {
			onPage(surveys.filter((survey) => !previous.has(surveyId(survey))));
			previous = new Set(surveys.map(surveyId));
		},
	);
}

export function surveyId(survey: Survey): string {
	return String(survey.id);
}

/** When the survey was answered (its newest answer), which is what the dateTime filter uses. */
export function surveyTime(survey: Survey): Date | undefined {
	let newest: Date | undefined;
	for (const answer of survey.answers ?? []) {
		const time = parseVendorDate(answer.createdAt);
		if (time && (!newest || time > newest)) newest = time;
	}
	return newest ?? parseVendorDate(survey.conversation?.createdAt);
}
