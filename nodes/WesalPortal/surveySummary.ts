import type { IDataObject } from 'n8n-workflow';

import type { RequestContext, Scale, SummaryScope } from '../shared';
import { FeedbackSummary, numericAnswer } from '../shared';
import { getQuestions } from './question';
import { streamSurveys, type SurveyQuery } from './survey';
import { feedbackOf } from './surveyOutput';
import type { Question } from './transport';

/** Titles that read as the best answer ("high", "yes"…): the doc numbers them 1, the lowest value. */
const POSITIVE =
	/^(high|yes|excellent|very good|good|very satisfied|satisfied|agree|strongly agree)\b/i;

export const SCALE_NOTE =
	"Each question's scale is read from the company's questions list; where the best answer is numbered 1 (high, yes), lower is better.";

/**
 * A question's scale from its answers: the lowest to the highest value; the better end is the one
 * whose title reads positive (the doc's "1 = high, 3 = low"), higher values otherwise.
 */
export function scaleOf(question: Question): Scale | undefined {
	const answers = (question.answers ?? [])
		.map((answer) => ({ value: numericAnswer(answer.value), title: String(answer.title ?? '') }))
		.filter((answer): answer is { value: number; title: string } => answer.value !== null)
		.sort((a, b) => a.value - b.value);
	if (answers.length < 2) return undefined;
	const [lowest, highest] = [answers[0], answers[answers.length - 1]];
	const lowerIsBetter = POSITIVE.test(lowest.title.trim()) && !POSITIVE.test(highest.title.trim());
	return { min: lowest.value, max: highest.value, higherIsBetter: !lowerIsBetter };
}

export function scalesOf(questions: Question[]): (questionId: string) => Scale | undefined {
	const scales = new Map(questions.map((question) => [String(question.id), scaleOf(question)]));
	return (questionId) => scales.get(questionId);
}

export type SummaryRequest = Omit<SurveyQuery, 'checkFields'> & SummaryScope;

/**
 * Survey → Get Summary: the questions list (the scales), then the surveys with Get Many's
 * requests, counted page by page: only groups are kept, never the surveys.
 */
export async function summarizeSurveys(
	context: RequestContext,
	operation: string,
	request: SummaryRequest,
): Promise<IDataObject[]> {
	const { companyId, start, end, extended, scope } = request;
	const questions = await getQuestions(context, operation, companyId, scope);
	const summary = new FeedbackSummary({
		groupBy: request.groupBy,
		questions: questions.map((question) => ({
			id: String(question.id),
			name: question.name ?? String(question.id),
		})),
		scaleOf: scalesOf(questions),
		timezone: request.timezone,
		fields: { from: start.toISOString(), to: end.toISOString() },
	});
	const query = { companyId, start, end, extended, checkFields: true };
	await streamSurveys(
		context,
		operation,
		query,
		(surveys) => {
			for (const survey of surveys) summary.add(feedbackOf(survey));
		},
		scope,
	);
	return summary.rows();
}
