import type { VendorContext } from '../../core/types';
import type { WesalPortalConfig } from './config';

/** Counters the control API reports (GET stats). */
export interface PortalStats {
	logins: number;
	failedLogins: number;
	tokenRejections: number;
	surveyPages: number;
	logouts: number;
}

export const freshStats = (): PortalStats => ({
	logins: 0,
	failedLogins: 0,
	tokenRejections: 0,
	surveyPages: 0,
	logouts: 0,
});

/** What the areas (auth, surveys, queues) share; the emulator replaces config and stats on reset. */
export interface PortalState {
	readonly ctx: VendorContext;
	/** The emulator's seed (option `seed`, else the sandbox's). */
	readonly seed: number;
	config: WesalPortalConfig;
	stats: PortalStats;
}
