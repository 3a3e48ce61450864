import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	WECLEVER_BASE_PATH,
	WECLEVER_PASSWORD,
	WECLEVER_PLATFORM_ID,
	WECLEVER_USERNAME,
} from '../../sandbox/vendors/weClever';
import { WELCORP_BASE_PATH, WELCORP_LOGINS } from '../../sandbox/vendors/welcorp';
import {
	WESAL_PORTAL_BASE_PATH,
	WESAL_PORTAL_CLIENT_ID,
	WESAL_PORTAL_EMAIL,
	WESAL_PORTAL_PASSWORD,
} from '../../sandbox/vendors/wesalPortal';
import {
	WESAL_VOC_API_TOKEN,
	WESAL_VOC_BASE_PATH,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
} from '../../sandbox/vendors/wesalVoc';
import { WOLKVOX_BASE_PATH, WOLKVOX_SERVER, WOLKVOX_TOKEN } from '../../sandbox/vendors/wolkvox';
import { CredentialStore } from '../../test/harness';
import type { RemoteEmulator } from './emulator';
import { credentialFromDist, fromDist } from './package';

/** Each vendor's built node, trigger and credential, and credential data for the emulator. */
export const VENDORS = {
	wesalPortal: {
		emulatorName: 'wesal-portal',
		node: 'nodes/WesalPortal/WesalPortal.node',
		trigger: 'nodes/WesalPortal/WesalPortalTrigger.node',
		credential: 'WesalPortalApi.credentials',
		credentialType: 'wesalPortalApi',
		data: (emulator: RemoteEmulator) => ({
			baseUrl: emulator.vendorUrl(WESAL_PORTAL_BASE_PATH),
			clientId: WESAL_PORTAL_CLIENT_ID,
			email: WESAL_PORTAL_EMAIL,
			password: WESAL_PORTAL_PASSWORD,
		}),
	},
	wesalVoc: {
		emulatorName: 'wesal-voc',
		node: 'nodes/WesalVoc/WesalVoc.node',
		trigger: 'nodes/WesalVoc/WesalVocTrigger.node',
		credential: 'WesalVocApi.credentials',
		credentialType: 'wesalVocApi',
		data: (emulator: RemoteEmulator) => ({
			baseUrl: emulator.vendorUrl(WESAL_VOC_BASE_PATH),
			clientId: WESAL_VOC_CLIENT_ID,
			company: WESAL_VOC_COMPANY_NAME,
			email: WESAL_VOC_EMAIL,
			authMode: 'apiToken',
			apiToken: WESAL_VOC_API_TOKEN,
		}),
	},
	welcorp: {
		emulatorName: 'welcorp',
		node: 'nodes/Welcorp/Welcorp.node',
		trigger: 'nodes/Welcorp/WelcorpTrigger.node',
		credential: 'WelcorpApi.credentials',
		credentialType: 'welcorpApi',
		data: (emulator: RemoteEmulator) => ({
			username: WELCORP_LOGINS.user.user_code,
			password: WELCORP_LOGINS.user.password,
			baseUrl: emulator.vendorUrl(WELCORP_BASE_PATH),
			timeZone: 'Australia/Sydney',
		}),
	},
	weClever: {
		emulatorName: 'weclever',
		node: 'nodes/WeClever/WeClever.node',
		trigger: 'nodes/WeClever/WeCleverTrigger.node',
		credential: 'WeCleverApi.credentials',
		credentialType: 'weCleverApi',
		data: (emulator: RemoteEmulator) => ({
			environment: 'custom',
			customUrl: emulator.vendorUrl(WECLEVER_BASE_PATH),
			platformId: WECLEVER_PLATFORM_ID,
			username: WECLEVER_USERNAME,
			password: WECLEVER_PASSWORD,
			time: 3600,
		}),
	},
	wolkvox: {
		emulatorName: 'wolkvox',
		node: 'nodes/Wolkvox/Wolkvox.node',
		trigger: 'nodes/Wolkvox/WolkvoxTrigger.node',
		credential: 'WolkvoxApi.credentials',
		credentialType: 'wolkvoxApi',
		data: (emulator: RemoteEmulator) => ({
			server: WOLKVOX_SERVER,
			token: WOLKVOX_TOKEN,
			baseUrl: emulator.vendorUrl(WOLKVOX_BASE_PATH),
		}),
	},
} as const;

export type VendorKey = keyof typeof VENDORS;

/** A fresh credential store (n8n's credentials DB) holding one credential of the vendor. */
export function credentialFor(
	vendor: VendorKey,
	emulator: RemoteEmulator,
	overrides: ICredentialDataDecryptedObject = {},
) {
	const spec = VENDORS[vendor];
	const store = new CredentialStore([credentialFromDist(spec.credential)]);
	const id = store.add({
		type: spec.credentialType,
		data: { ...spec.data(emulator), ...overrides },
	});
	return { store, credentials: { [spec.credentialType]: id }, id };
}

export const nodeOf = (vendor: VendorKey) => fromDist(VENDORS[vendor].node);
export const triggerOf = (vendor: VendorKey) => fromDist(VENDORS[vendor].trigger);
