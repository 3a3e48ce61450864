import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { CallScope, FeedbackRecord, Page, ReadLimit, RequestContext } from '../shared';
import {
	callEndpoint,
	collectCountedPages,
	FEEDBACK_FIELDS,
	feedbackRecord,
	flattenFeedback,
	formatForVendor,
	parseVendorDate,
	score,
	RETURN_ALL,
	streamCountedPages,
} from '../shared';
import {
	searchAnswerSchema,
	searchIdsAnswerSchema,
	WESAL_VOC,
	type Question,
	type Survey,
} from './transport';

export type { Survey } from './transport';

/** Pages read at the same time after the first one. */
const PAGE_CONCURRENCY = 4;

export interface SurveyFilters {
	agents: string[];
	queues: string[];
	interactionTypes: string[];
	/** questionId -> accepted answers */
	answers: Record<string, string[]>;
}

export const NO_FILTERS: SurveyFilters = {
	agents: [],
	queues: [],
	interactionTypes: [],
	answers: {},
};

export interface SurveyWindow {
	start: Date;
	end: Date;
}

export function searchBody(
	window: SurveyWindow,
	filters: SurveyFilters,
	page: number,
): IDataObject {
	const answers: IDataObject = { ...filters.answers };
	if (filters.interactionTypes.length) answers.interactionType = filters.interactionTypes;
	return {
		startDate: formatForVendor(window.start, 'isoLocal'),
		endDate: formatForVendor(window.end, 'isoLocal'),
		agents: filters.agents,
		queues: filters.queues,
		answers,
		page,
		// companyId is added by the credential, from the login answer.
	};
}

/**
 * Reads one page of the search; the server chooses the page size and reports the `total`.
 * `checkFields` false: only each survey's `_id` is checked (Raw output).
 */
function surveyPages(
	context: RequestContext,
	operation: string,
	window: SurveyWindow,
	filters: SurveyFilters,
	scope?: CallScope,
	checkFields = true,
) {
	let pageSize: number | undefined;
	const schema = checkFields ? searchAnswerSchema : searchIdsAnswerSchema;
	return async (page: number): Promise<Page<Survey, number>> => {
		const answer = await callEndpoint(context, WESAL_VOC, 'searchSurveys', {
			operation,
			scope,
			body: searchBody(window, filters, page),
			schema,
		});
		const items = answer.surveys;
		if (page === 1) pageSize = items.length;
		// Surveys up to the end of this page, when every page before it was full.
		const through = (page - 1) * (pageSize ?? items.length) + items.length;
		const more = items.length > 0 && (answer.total === undefined || through < answer.total);
		return { items, next: more ? page + 1 : undefined, total: answer.total };
	};
}

const PAGING = { concurrency: PAGE_CONCURRENCY, cursorAt: (index: number) => index + 1 };

/**
 * Every survey of the window, or the first `limit`: the pages after the first a few at a time.
 * `checkFields` false: only each survey's `_id` is checked, for Raw output.
 */
export async function searchSurveys(
	context: RequestContext,
	operation: string,
	window: SurveyWindow,
	filters: SurveyFilters,
	limit: ReadLimit,
	scope?: CallScope,
	checkFields = true,
): Promise<Survey[]> {
	const fetchPage = surveyPages(context, operation, window, filters, scope, checkFields);
	return await collectCountedPages(1, fetchPage, limit, PAGING);
}

/** The same requests as searchSurveys with Return All, each page handed on and let go (Get Summary). */
export async function streamSurveys(
	context: RequestContext,
	operation: string,
	read: { window: SurveyWindow; filters: SurveyFilters; scope?: CallScope },
	onPage: (surveys: Survey[]) => void,
	afterFirstPage: () => Promise<void>,
): Promise<void> {
	const fetchPage = surveyPages(context, operation, read.window, read.filters, read.scope);
	let first = true;
	const thenPrepare = async (page: number) => {
		const answer = await fetchPage(page);
		if (first) await afterFirstPage();
		first = false;
		return answer;
	};
	await streamCountedPages(1, thenPrepare, RETURN_ALL, PAGING, onPage);
}

/** `surveyDate` has no zone in the doc; it is read as UTC. */
export function surveyTime(survey: Survey): Date | undefined {
	return parseVendorDate(survey.surveyDate);
}

/** The shared feedback record, each answer named after its question in the company's schema. */
export function feedbackOf(survey: Survey, questions: Question[]): FeedbackRecord {
	const answers = survey.answers ?? {};
	const known = new Set(questions.map((question) => question.id));
	const scores = [
		...questions
			.filter((question) => question.id in answers)
			.map((question) => score(question.id, question.name, answers[question.id])),
		...Object.keys(answers)
			.filter((id) => !known.has(id))
			.map((id) => score(id, id, answers[id])),
	];
	return feedbackRecord({
		source: 'wesalVoc',
		surveyId: survey._id,
		interactionId: survey.interactionId ?? null,
		date: surveyTime(survey)?.toISOString() ?? null,
		channel: survey.type ?? null,
		direction: survey.direction ?? null,
		agent: survey.agent ?? null,
		queue: survey.queue ?? null,
		customerNumber: survey.number ?? null,
		scores,
	});
}

/** Simplified output: one flat row per survey, one `score_<question>` field per answered question. */
export function simplifySurvey(survey: Survey, questions: Question[]): IDataObject {
	return flattenFeedback(feedbackOf(survey, questions));
}

/** The API has no IDs, sentiment or comment for agents, queues and customers: those stay null. */
const ALWAYS_EMPTY = new Set([
	'agentId',
	'queueId',
	'customerId',
	'customerName',
	'customerEmail',
	'comment',
	'sentiment',
]);

export const SURVEY_FIELDS: INodePropertyOptions[] = FEEDBACK_FIELDS.filter(
	(field) => !ALWAYS_EMPTY.has(String(field.value)),
);
