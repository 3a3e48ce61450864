// Request bodies of the API (zod), and of the control API's POST surveys.
import { z } from 'zod';

import { parseIsoDate } from '../../core/dates';
import { WESAL_PORTAL_MAX_LIMIT } from './constants';

const isoDateTime = (field: string) =>
	z
		.string({ invalid_type_error: `${field} must be a date-time string` })
		.refine((value) => parseIsoDate(value) !== undefined, `${field} must be an ISO 8601 date-time`);

const companyIdSchema = z
	.number({ invalid_type_error: 'companyId must be a number' })
	.int('companyId must be an integer');

export const surveysSchema = z.object(
	{
		filters: z.array(
			z.object({
				dimension: z.string({ invalid_type_error: 'dimension must be a string' }),
				value: z.unknown(),
			}),
			{ invalid_type_error: 'filters must be an array' },
		),
		companyId: companyIdSchema,
		extended: z.boolean({ invalid_type_error: 'extended must be a boolean' }).optional(),
		offset: z
			.number({ invalid_type_error: 'offset must be a number' })
			.int('offset must be an integer')
			.min(0, 'offset must not be negative')
			.optional(),
		limit: z
			.number({ invalid_type_error: 'limit must be a number' })
			.int('limit must be an integer')
			.min(1, `limit must be between 1 and ${WESAL_PORTAL_MAX_LIMIT}`)
			.max(WESAL_PORTAL_MAX_LIMIT, `limit must be between 1 and ${WESAL_PORTAL_MAX_LIMIT}`)
			.optional(),
	},
	{ invalid_type_error: 'the body must be a JSON object' },
);

export const dateTimeFilterSchema = z.object(
	{ startTime: isoDateTime('startTime'), endTime: isoDateTime('endTime') },
	{ invalid_type_error: 'the dateTime filter value must be an object' },
);

export const queuesSchema = z.object(
	{
		queues: z.array(
			z
				.string({ invalid_type_error: 'queue ids must be strings' })
				.min(1, 'queue ids must not be empty'),
			{
				invalid_type_error: 'queues must be an array of queue ids',
			},
		),
	},
	{ invalid_type_error: 'the body must be a JSON object' },
);

export const performanceSchema = queuesSchema.extend({
	interval: z.string({ invalid_type_error: 'interval must be a string "start/end"' }),
	partial: z.boolean({ invalid_type_error: 'partial must be a boolean' }).optional(),
});

export const loginSchema = z.object({
	email: z.string({ invalid_type_error: 'email must be a string' }).min(1, 'email is required'),
	password: z
		.string({ invalid_type_error: 'password must be a string' })
		.min(1, 'password is required'),
});

const methodSchema = z.enum(['email', 'phone'], {
	errorMap: (issue) => ({
		message:
			issue.code === 'invalid_type' && issue.received === 'undefined'
				? 'Required'
				: 'method must be "email" or "phone"',
	}),
});

export const resetSchema = z.object({
	method: methodSchema,
	email: z.string().nullish(),
	phone: z.string().nullish(),
});

export const verifySchema = z.object({
	method: methodSchema,
	email: z.string({ invalid_type_error: 'email must be a string' }).min(1, 'email is required'),
	verifyCode: z.union([z.string(), z.number()]).nullish(),
	otp: z.union([z.string(), z.number()]).nullish(),
	password: z
		.string({ invalid_type_error: 'password must be a string' })
		.min(1, 'password is required'),
});

export const addSurveysSchema = z
	.object({
		companyId: z.number().int().optional(),
		count: z.number().int().min(1).max(10_000).optional(),
		/** When the surveys were answered (default: the emulator's now). */
		createdAt: z.string().optional(),
		surveys: z
			.array(
				z
					.object({
						id: z.string().min(1).optional(),
						createdAt: z.string().optional(),
						queueName: z.string().optional(),
						agentName: z.string().optional(),
					})
					.strict(),
			)
			.optional(),
	})
	.strict();
