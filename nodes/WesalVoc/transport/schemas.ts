import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { recordWithId } from '../../shared/recordCheck';

/** What the doc lists for a survey; anything extra is kept as the API sent it. */
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

function searchAnswer<S extends z.ZodTypeAny>(survey: S) {
	return z
		.object({
			surveys: z.array(survey),
			total: z.coerce.number().optional(),
			pageTotal: z.coerce.number().optional(),
		})
		.passthrough();
}

/** `{ surveys, total, pageTotal, result }`; the page size is the server's choice. */
export const searchAnswerSchema = searchAnswer(surveySchema);

export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

/**
 * Only each survey's `_id`; the rest is passed on as the API sent it. For Raw output of a bulk
 * read, checking and copying every field was a large part of the node's own CPU.
 */
export const searchIdsAnswerSchema = searchAnswer(
	recordWithId<Survey>('_id', (id) => typeof id === 'string'),
) as unknown as z.ZodType<SearchAnswer>;

/** One entry of the company's `questionsSchema`, as the login answer carries it. */
export const questionSchema = z
	.object({
		id: z.coerce.string(),
		name: z.coerce.string().optional(),
		type: z.string().optional(),
		minAnswer: z.coerce.number().optional(),
		maxAnswer: z.coerce.number().optional(),
	})
	.passthrough();

export interface Question {
	id: string;
	name: string;
	type?: string;
	minAnswer?: number;
	maxAnswer?: number;
}

/** The login answer: the token, and the company (its id and question schema) inside the user. */
export const loginAnswerSchema = z
	.object({
		token: z
			.string({ required_error: 'the login answer has no token' })
			.min(1, 'the login answer has no token'),
		user: z
			.object({
				company: z
					.object({
						_id: z.union([z.string(), z.number()]).optional(),
						settings: z
							.object({ questionsSchema: z.array(z.unknown()).optional() })
							.passthrough()
							.optional(),
					})
					.passthrough()
					.optional(),
			})
			.passthrough()
			.optional(),
	})
	.passthrough();

/** `{ result, message }` answers of the account calls; other fields pass through. */
export const resultSchema = z
	.object({ result: z.string().optional(), message: z.string().optional() })
	.passthrough() as unknown as z.ZodType<IDataObject, z.ZodTypeDef, unknown>;
