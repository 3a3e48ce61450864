/** Names, fixed ids and limits of the Wesal Portal API and of the emulator's account. */
export const WESAL_PORTAL_NAME = 'wesal-portal';
export const WESAL_PORTAL_BASE_PATH = '/wesal-portal/api/v1';
/** base64('wesal-portal-demo-client') */
export const WESAL_PORTAL_CLIENT_ID = 'd2VzYWwtcG9ydGFsLWRlbW8tY2xpZW50';
/** base64('wesal-portal-other-domain'): a real key, but for another domain (X002). */
export const WESAL_PORTAL_OTHER_DOMAIN_CLIENT_ID = 'd2VzYWwtcG9ydGFsLW90aGVyLWRvbWFpbg==';
export const WESAL_PORTAL_EMAIL = 'cx.lead@hadef.test';
export const WESAL_PORTAL_PASSWORD = 'Portal-Pa55!';
export const WESAL_PORTAL_PHONE = '+966500000001';
export const WESAL_PORTAL_USER_ID = 879987;
/** The doc's own total for one company. */
export const WESAL_PORTAL_SURVEY_TOTAL = 49_093;
export const WESAL_PORTAL_MAX_LIMIT = 100;
export const WESAL_PORTAL_DEFAULT_LIMIT = 10;
export const WESAL_PORTAL_MAX_INTERVAL_DAYS = 31;
export const WESAL_PORTAL_BLOCK_MS = 30 * 60_000;

export const WESAL_PORTAL_ORGANIZATION = { id: 1003, name: 'Hadef Group', region: 'ie' } as const;

export const WESAL_PORTAL_ERRORS = {
	X0000: 'Some parameters are missing',
	X001: 'Unknown or invalid secret_key',
	X002: 'Invalid secret_key for this domain',
	X003: 'Unknown or invalid user token',
	X004: 'Invalid request',
} as const;
export type WesalPortalCode = keyof typeof WESAL_PORTAL_ERRORS;
