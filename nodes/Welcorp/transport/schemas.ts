import { z } from 'zod';

import { recordWithId } from '../../shared/recordCheck';

/** Answer shapes as documented; anything else the API sends is kept. */
const id = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const jobRowSchema = z
	.object({
		job_id: id,
		job_status: z.string().nullish(),
		job_type: z.string().nullish(),
		start_date: z.string().nullish(),
		complete_date: z.string().nullish(),
	})
	.passthrough();

export type JobRow = z.infer<typeof jobRowSchema>;

/** The Laravel paginator block of GET jobs and GET users. */
function pageSchema<T extends z.ZodTypeAny>(item: T) {
	return z
		.object({
			data: z.array(item),
			current_page: z.coerce.number().optional(),
			last_page: z.coerce.number().optional(),
			total: z.coerce.number().optional(),
			next_page_url: z.string().nullish(),
		})
		.passthrough();
}

export const jobPageSchema = pageSchema(jobRowSchema);

export type JobPage = z.infer<typeof jobPageSchema>;

/**
 * Only each job's `job_id`; the rest is passed on as the API sent it. For Raw output of a bulk
 * read, checking and copying every field was most of the node's own CPU.
 */
export const jobIdsPageSchema = pageSchema(
	recordWithId<JobRow>('job_id', (jobId) => id.safeParse(jobId).success),
) as unknown as z.ZodType<JobPage>;

export const jobDetailSchema = z
	.object({ data: z.object({ job_id: id }).passthrough() })
	.passthrough();

const userSchema = z
	.object({
		user_id: id,
		user_code: z.string().nullish(),
		company_id: id.nullish(),
		company: z
			.object({ company_id: id.nullish(), name: z.string().nullish() })
			.passthrough()
			.nullish(),
	})
	.passthrough();

export type UserRow = z.infer<typeof userSchema>;

/** A plain user gets their own record instead of a page: read it as a page of one. */
export const userListSchema = z.union([
	pageSchema(userSchema),
	z
		.object({ data: userSchema })
		.passthrough()
		.transform((answer) => ({
			...answer,
			data: [answer.data],
			current_page: 1,
			last_page: 1,
			single: true,
		})),
]);

export const userDetailSchema = z.object({ data: userSchema }).passthrough();

/** Job and user writes answer `{ status: 200, data: <id> }`. */
export const idAnswerSchema = z
	.object({ status: z.coerce.number().optional(), data: id })
	.passthrough();

/** The 2FA calls answer `{ status: 200, data: 'message sent' | 'valid' | 'invalid' }`. */
export const textAnswerSchema = z
	.object({ status: z.coerce.number().optional(), data: z.string() })
	.passthrough();
