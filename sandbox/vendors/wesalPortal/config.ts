import { z } from 'zod';

import {
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
	WESAL_PORTAL_PASSWORD,
	WESAL_PORTAL_PHONE,
} from './constants';

/** The emulator's options (startSandbox({ vendors: { 'wesal-portal': … } })) and their defaults. */
export interface WesalPortalConfig {
	clientId: string;
	otherDomainClientId: string;
	email: string;
	password: string;
	phone: string;
	tokenTtlMs: number;
	/** HTTP status of an X003 answer: 401 (default, as most APIs do), or 200/400 as some gateways do. */
	tokenErrorStatus: 200 | 400 | 401;
	spanDays: number;
	/** Overrides the generated survey count of the first company (tests use small data sets). */
	surveyCount?: number;
}

export const WESAL_PORTAL_DEFAULTS: Readonly<WesalPortalConfig> = Object.freeze({
	clientId: WESAL_PORTAL_CLIENT_ID,
	otherDomainClientId: WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID,
	email: WESAL_PORTAL_EMAIL,
	password: WESAL_PORTAL_PASSWORD,
	phone: WESAL_PORTAL_PHONE,
	tokenTtlMs: 3_600_000,
	tokenErrorStatus: 401,
	spanDays: 180,
});

export type WesalPortalOptions = Partial<WesalPortalConfig> & { seed?: number };

export const optionsSchema = z
	.object({
		clientId: z.string().min(1),
		otherDomainClientId: z.string().min(1),
		email: z.string().min(1),
		password: z.string().min(1),
		phone: z.string().min(1),
		tokenTtlMs: z.number().int().min(1),
		tokenErrorStatus: z.union([z.literal(200), z.literal(400), z.literal(401)]),
		spanDays: z.number().min(0),
		surveyCount: z.number().int().min(0),
		seed: z.number().int(),
	})
	.partial()
	.strict();

/** What POST /__control/wesal-portal/config may change. */
export const configSchema = z
	.object({
		tokenTtlMs: z.number().int().min(1).optional(),
		tokenErrorStatus: z.union([z.literal(200), z.literal(400), z.literal(401)]).optional(),
	})
	.strict();
