import { z } from 'zod';

/** The answers WeClever documents; numbers sent as text are read as numbers, extra fields kept. */

const wholeNumber = z.union([z.number().int(), z.string().trim().regex(/^\d+$/).transform(Number)]);

const count = z
	.union([
		z.number(),
		z
			.string()
			.trim()
			.regex(/^\d+(\.\d+)?$/)
			.transform(Number),
	])
	.nullish();

export const tokenAnswerSchema = z.object({ token: z.string().min(1) }).passthrough();

export const listEntrySchema = z
	.object({
		weclever_lead_id: wholeNumber,
		mapped_status: z.string().nullish(),
		client_lead_id: z.union([z.string(), z.number(), z.null()]).optional(),
	})
	.passthrough();

/** One lead of the finalized list: `{ weclever_lead_id, mapped_status, client_lead_id }`. */
export type LeadEntry = z.infer<typeof listEntrySchema>;

export const listAnswerSchema = z.object({ leads: z.array(listEntrySchema) }).passthrough();

const messageSchema = z
	.object({
		id_chat: z.union([z.number(), z.string()]).nullish(),
		body: z.string().nullish(),
		date_created: z.string().nullish(),
		direction: z.string().nullish(),
	})
	.passthrough();

export type LeadMessage = z.infer<typeof messageSchema>;

const DOCUMENTED_LEAD_FIELDS = [
	'email',
	'name',
	'phone',
	'state',
	'regional',
	'chats',
	'feelings',
	'csat',
	'status',
] as const;

export const leadSchema = z
	.object({
		email: z.string().nullish(),
		name: z.string().nullish(),
		phone: z.string().nullish(),
		state: z.string().nullish(),
		regional: z.string().nullish(),
		chats: z
			.object({
				metrics: z
					.object({ date_difference: z.string().nullish(), total_messages: count })
					.passthrough()
					.nullish(),
				messages: z.array(messageSchema).nullish(),
			})
			.passthrough()
			.nullish(),
		feelings: z
			.object({
				total_messages: count,
				positive_feeling: count,
				neutral_feeling: count,
				negative_feeling: count,
			})
			.passthrough()
			.nullish(),
		csat: z
			.object({
				message: z.string().nullish(),
				rating: z.union([z.string(), z.number()]).nullish(),
			})
			.passthrough()
			.nullish(),
		status: z.string().nullish(),
	})
	.passthrough()
	// A found lead comes with HTTP 500: an error body must not pass for an empty lead.
	.refine((lead) => DOCUMENTED_LEAD_FIELDS.some((field) => lead[field] !== undefined), {
		message: 'the lead has none of the documented fields',
	});

export type Lead = z.infer<typeof leadSchema>;

export const leadAnswerSchema = z.object({ lead: leadSchema }).passthrough();
