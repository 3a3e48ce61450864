import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { recordWithId } from '../../shared/recordCheck';

/** The answer shapes of the Wesal Portal API doc; fields it does not name are kept as sent. */

const idSchema = z.union([z.string(), z.number()]);

/** `{ data: ..., success: true }`, the envelope of every answer with data. */
export function envelope<T extends z.ZodTypeAny>(data: T) {
	return z.object({ data, success: z.boolean().optional() }).passthrough();
}

/** `{ success: true }` answers of the account calls; other fields pass through. */
export const successSchema = z
	.object({ success: z.boolean().optional() })
	.passthrough() as unknown as z.ZodType<IDataObject>;

const NO_TOKEN = 'the login answer has no access token';

export const loginSchema = envelope(
	z
		.object({
			access_token: z
				.string({ required_error: NO_TOKEN, invalid_type_error: NO_TOKEN })
				.min(1, NO_TOKEN),
		})
		.passthrough(),
);

const companySchema = z.object({ id: idSchema, name: z.string().nullish() }).passthrough();

export const organizationSchema = envelope(
	z
		.object({
			organization: z.object({ id: idSchema.nullish(), name: z.string().nullish() }).passthrough(),
			companies: z.array(companySchema),
		})
		.passthrough(),
);

export type Organization = z.infer<typeof organizationSchema>['data'];
export type Company = Organization['companies'][number];

const questionSchema = z
	.object({
		id: idSchema,
		name: z.string().nullish(),
		answers: z
			.array(
				z
					.object({
						id: idSchema.nullish(),
						title: z.string().nullish(),
						value: z.union([z.string(), z.number()]).nullish(),
					})
					.passthrough(),
			)
			.nullish(),
	})
	.passthrough();

export type Question = z.infer<typeof questionSchema>;

export const questionsSchema = envelope(
	z.object({ questions: z.array(questionSchema) }).passthrough(),
);

const answerSchema = z
	.object({
		id: idSchema.nullish(),
		questionId: idSchema,
		questionName: z.string().nullish(),
		answerTitle: z.string().nullish(),
		answerValue: z.union([z.number(), z.string()]).nullish(),
		createdAt: z.string().nullish(),
	})
	.passthrough();

/** What the doc shows for a survey; anything extra (extended details) is kept as sent. */
export const surveySchema = z
	.object({
		id: idSchema,
		conversation: z
			.object({
				id: z.string().nullish(),
				queueName: z.string().nullish(),
				agentName: z.string().nullish(),
				url: z.string().nullish(),
				callerId: z.string().nullish(),
				mediaType: z.string().nullish(),
				createdAt: z.string().nullish(),
				queueId: z.string().nullish(),
				agentId: z.string().nullish(),
				direction: z.string().nullish(),
			})
			.passthrough()
			.nullish(),
		answers: z.array(answerSchema).nullish(),
	})
	.passthrough();

export type Survey = z.infer<typeof surveySchema>;

/** A page of the search: the documented shape, with each survey as `survey` checks it. */
function pageSchema<S extends z.ZodTypeAny>(survey: S) {
	return envelope(
		z
			.object({
				surveys: z.array(survey),
				pagination: z.object({ totalItems: z.coerce.number().optional() }).passthrough().nullish(),
			})
			.passthrough(),
	);
}

/** Every documented field of every survey: for readers of the fields (Simplified, the trigger). */
export const surveyPageSchema = pageSchema(surveySchema);

export type SurveyPage = z.infer<typeof surveyPageSchema>;

/**
 * Only each survey's `id` (what paging and de-duplication read); the rest is passed on as sent.
 * For a bulk read that returns the raw surveys, checking every field was most of the node's CPU.
 */
export const surveyIdsPageSchema = pageSchema(
	recordWithId<Survey>('id', (id) => typeof id === 'string' || typeof id === 'number'),
) as unknown as z.ZodType<SurveyPage>;

/** `{ data: { success, result: [...] }, success }`: one result per queue asked for. */
function queueResultSchema<T extends z.ZodTypeAny>(entry: T) {
	return envelope(
		z.object({ success: z.boolean().optional(), result: z.array(entry) }).passthrough(),
	);
}

export const queueSummarySchema = queueResultSchema(
	z
		.object({ id: idSchema.nullish(), name: z.string().nullish(), success: z.boolean().nullish() })
		.passthrough(),
);

export type QueueSummary = z.infer<typeof queueSummarySchema>['data']['result'][number];

export const queueActivitySchema = queueResultSchema(
	z
		.object({
			queueId: idSchema.nullish(),
			success: z.boolean().nullish(),
			data: z
				.array(
					z
						.object({
							qualifier: z.string().nullish(),
							count: z.union([z.number(), z.string()]).nullish(),
						})
						.passthrough(),
				)
				.nullish(),
		})
		.passthrough(),
);

export type QueueActivity = z.infer<typeof queueActivitySchema>['data']['result'][number];

export const queuePerformanceSchema = queueResultSchema(
	z
		.object({
			queryId: idSchema.nullish(),
			queueId: idSchema.nullish(),
			success: z.boolean().nullish(),
			data: z
				.array(
					z
						.object({ interval: z.string().nullish(), metrics: z.record(z.unknown()).nullish() })
						.passthrough(),
				)
				.nullish(),
		})
		.passthrough(),
);

export type QueuePerformance = z.infer<typeof queuePerformanceSchema>['data']['result'][number];
