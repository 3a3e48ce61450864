import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { FeedbackRecord, Page, ReadLimit, RequestContext } from '../shared';
import { collectPages, feedbackRecord, formatForVendor, parseVendorDate, score } from '../shared';
import { wesalVocRequest } from './transport';

/** What the API documents for a survey; anything extra is kept as the vendor sent it. */
export const surveySchema = z
	.object({
		_id: z.string(),
		interactionId: z.string().nullish(),
		surveyDate: z.string().nullish(),
		type: z.string().nullish(),
		number: z.string().nullish(),
		direction: z.string().nullish(),
		queue: z.string().nullish(),
		agent: z.string().nullish(),
		answers: z.record(z.union([z.string(), z.number(), z.null()])).nullish(),
	})
	.passthrough();

export type Survey = z.infer<typeof surveySchema>;

const searchAnswerSchema = z
	.object({
		surveys: z.array(surveySchema),
		total: z.coerce.number().optional(),
		pageTotal: z.coerce.number().optional(),
	})
	.passthrough();

export interface Question {
	id: string;
	name: string;
	type?: string;
	minAnswer?: number;
	maxAnswer?: number;
}

export interface SurveyFilters {
	agents: string[];
	queues: string[];
	interactionTypes: string[];
	/** questionId -> accepted answers */
	answers: Record<string, string[]>;
}

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

/** Pages through a search; the page size is the server's choice, so `total` says when to stop. */
export async function searchSurveys(
	this: RequestContext,
	operation: string,
	window: SurveyWindow,
	filters: SurveyFilters,
	limit: ReadLimit,
	options: { itemIndex?: number; timeoutMs?: number } = {},
): Promise<Survey[]> {
	let seen = 0;
	const fetchPage = async (page: number): Promise<Page<Survey, number>> => {
		const answer = await wesalVocRequest(this, 'searchSurveys', {
			operation,
			body: searchBody(window, filters, page),
			schema: searchAnswerSchema,
			...options,
		});
		seen += answer.surveys.length;
		const more = answer.surveys.length > 0 && (answer.total === undefined || seen < answer.total);
		return { items: answer.surveys, next: more ? page + 1 : undefined };
	};
	return await collectPages(1, fetchPage, limit);
}

export function surveyTime(survey: Survey): Date | undefined {
	return parseVendorDate(survey.surveyDate);
}

export function simplifySurvey(survey: Survey, questions: Question[]): FeedbackRecord {
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
