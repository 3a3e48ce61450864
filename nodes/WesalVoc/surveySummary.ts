import type { IDataObject } from 'n8n-workflow';

import type { RequestContext, Scale, SummaryScope } from '../shared';
import { FeedbackSummary } from '../shared';
import { loadQuestions } from './company';
import { feedbackOf, streamSurveys, type SurveyFilters, type SurveyWindow } from './survey';
import type { Question } from './transport';

/** Each question's scale as the company's schema gives it (minAnswer to maxAnswer, higher is better). */
export function scalesOf(questions: Question[]): (questionId: string) => Scale | undefined {
	const scales = new Map<string, Scale>();
	for (const { id, minAnswer, maxAnswer } of questions) {
		if (minAnswer !== undefined && maxAnswer !== undefined && minAnswer < maxAnswer)
			scales.set(id, { min: minAnswer, max: maxAnswer, higherIsBetter: true });
	}
	return (questionId) => scales.get(questionId);
}

export type SummaryRequest = { window: SurveyWindow; filters: SurveyFilters } & SummaryScope;

/**
 * Survey → Get Summary: the surveys of the window as Get Many reads them (the same requests), added
 * to the summary page by page. The schema comes with the login of the first page, so it is read
 * (from the credential, without a request) before that page is counted.
 */
export async function summarizeSurveys(
	context: RequestContext,
	operation: string,
	request: SummaryRequest,
): Promise<IDataObject[]> {
	let questions: Question[] = [];
	let summary: FeedbackSummary | undefined;
	await streamSurveys(
		context,
		operation,
		request,
		(surveys) => {
			for (const survey of surveys) summary!.add(feedbackOf(survey, questions));
		},
		async () => {
			questions = await loadQuestions(context, operation, request.scope);
			summary = new FeedbackSummary({
				groupBy: request.groupBy,
				questions: questions.map(({ id, name }) => ({ id, name })),
				scaleOf: scalesOf(questions),
				timezone: request.timezone,
				fields: {
					from: request.window.start.toISOString(),
					to: request.window.end.toISOString(),
				},
			});
		},
	);
	return summary!.rows();
}
