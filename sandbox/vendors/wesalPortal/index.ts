// The Wesal Portal emulator: what sandbox/vendors/index.ts, the tests and the benchmarks import.
import type { VendorModule } from '../../core/types';
import type { WesalPortalOptions } from './config';
import { WESAL_PORTAL_BASE_PATH, WESAL_PORTAL_NAME } from './constants';
import { WesalPortalEmulator } from './emulator';

export * from './constants';
export { WESAL_PORTAL_DEFAULTS, type WesalPortalConfig, type WesalPortalOptions } from './config';
export { WESAL_PORTAL_COMPANIES, WESAL_PORTAL_QUEUES } from './seed';
export type { WesalPortalAnswer, WesalPortalSurvey } from './types';
export { WesalPortalEmulator };

export const wesalPortalVendor: VendorModule<WesalPortalOptions> = {
	name: WESAL_PORTAL_NAME,
	basePath: WESAL_PORTAL_BASE_PATH,
	create: (options, ctx) => new WesalPortalEmulator(options, ctx),
};
