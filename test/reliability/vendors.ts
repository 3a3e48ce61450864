import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { WeCleverApi } from '../../credentials/WeCleverApi.credentials';
import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { WesalPortalApi } from '../../credentials/WesalPortalApi.credentials';
import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';
import { WeClever } from '../../nodes/WeClever/WeClever.node';
import { WeCleverTrigger } from '../../nodes/WeClever/WeCleverTrigger.node';
import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { WelcorpTrigger } from '../../nodes/Welcorp/WelcorpTrigger.node';
import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import { WesalVocTrigger } from '../../nodes/WesalVoc/WesalVocTrigger.node';
import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { WolkvoxTrigger } from '../../nodes/Wolkvox/WolkvoxTrigger.node';
import { WECLEVER_PASSWORD } from '../../sandbox/vendors/weClever';
import {
	CredentialStore,
	Poller,
	runNode,
	type RunNodeOptions,
	type RunNodeResult,
} from '../harness';
import { Emulator } from '../helpers/emulator';
import {
	ANCHOR as WECLEVER_ANCHOR,
	credentialData as weCleverCredential,
} from '../weClever/helpers';
import { WelcorpFixture } from '../welcorp/fixture';
import { WesalPortalFixture } from '../wesalPortal/fixture';
import { WesalVocFixture } from '../wesalVoc/fixture';
import { WolkvoxFixture } from '../wolkvox/fixture';

/**
 * One running emulator and one credential for a vendor, whatever its own test fixture looks
 * like. Everything in test/reliability talks to vendors through this.
 */
export interface VendorSession {
	readonly emulator: Emulator;
	readonly store: CredentialStore;
	readonly credentialId: string;
	/** Seed data again, no faults, empty request log, a fresh credential (no session token). */
	reset(): Promise<void>;
	run(parameters: INodeParameters, options?: Partial<RunNodeOptions>): Promise<RunNodeResult>;
	poller(parameters: INodeParameters): Poller;
	/** Every credential value that must never be seen (static ones; session tokens are read from the store). */
	secrets(): string[];
	/** Makes the vendor forget every session token it issued (vendors with a login only). */
	expireTokens?(): Promise<void>;
	close(): Promise<void>;
}

export interface VendorUnderTest {
	/** Folder name in nodes/ and test/, e.g. "WesalVoc". */
	key: string;
	/** Vendor name in the emulator (request log, faults, control routes). */
	emulatorName: string;
	/** How errors name the vendor. */
	displayName: string;
	credentialType: ICredentialType;
	/** The action node. */
	node: INodeType;
	/** A cheap read that logs the credential in (vendors with a login). */
	warmUp?: INodeParameters;
	/**
	 * The credential checks its fixed secret (a token, a password) once before use and again after
	 * a 401: a 401 the check then passes is recovered from, one it fails ends the run clearly.
	 */
	rechecksCredential?: boolean;
	start(): Promise<VendorSession>;
}

type Fixture = {
	emulator: Emulator;
	store: CredentialStore;
	credentialId: string;
	run(parameters: INodeParameters, options?: Partial<RunNodeOptions>): Promise<RunNodeResult>;
	secrets(): string[];
	close(): Promise<void>;
};

/** A vendor test fixture seen as a session; `reset` and the trigger are what differ. */
function fromFixture(
	fixture: Fixture,
	credentialName: string,
	trigger: RunNodeOptions['nodeType'],
	reset: () => Promise<void>,
	expireTokens?: () => Promise<void>,
): VendorSession {
	return {
		emulator: fixture.emulator,
		get store() {
			return fixture.store;
		},
		get credentialId() {
			return fixture.credentialId;
		},
		reset,
		run: (parameters, options) => fixture.run(parameters, options),
		poller: (parameters) =>
			new Poller({
				nodeType: trigger,
				parameters,
				store: fixture.store,
				credentials: { [credentialName]: fixture.credentialId },
			}),
		secrets: () => fixture.secrets(),
		expireTokens,
		close: () => fixture.close(),
	};
}

/** WeClever's test helpers are functions over a sandbox handle rather than a fixture class. */
async function weCleverSession(): Promise<VendorSession> {
	const emulator = await Emulator.start({ anchor: WECLEVER_ANCHOR });
	const credentials = () =>
		weCleverCredential({ url: emulator.url } as never) as ICredentialDataDecryptedObject;
	const session = {
		emulator,
		store: new CredentialStore([WeCleverApi]),
		credentialId: '',
		async reset() {
			await emulator.reset();
			session.store = new CredentialStore([WeCleverApi]);
			session.credentialId = session.store.add({ type: 'weCleverApi', data: credentials() });
		},
		run: (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
			runNode({
				nodeType: WeClever,
				parameters,
				store: session.store,
				credentials: { weCleverApi: session.credentialId },
				...options,
			}),
		poller: (parameters: INodeParameters) =>
			new Poller({
				nodeType: WeCleverTrigger,
				parameters,
				store: session.store,
				credentials: { weCleverApi: session.credentialId },
			}),
		secrets: () => [WECLEVER_PASSWORD],
		expireTokens: async () => void (await emulator.control('POST', 'weclever/expire-tokens')),
		close: () => emulator.close(),
	};
	await session.reset();
	return session;
}

export const VENDORS: VendorUnderTest[] = [
	{
		key: 'WesalVoc',
		emulatorName: 'wesal-voc',
		displayName: 'Wesal VoC',
		credentialType: new WesalVocApi(),
		node: new WesalVoc(),
		// The login also brings the question schema that answer filters are checked against.
		warmUp: { resource: 'company', operation: 'getQuestionSchema' },
		async start() {
			const fx = await WesalVocFixture.start();
			await fx.reset();
			return fromFixture(
				fx,
				'wesalVocApi',
				WesalVocTrigger,
				() => fx.reset(),
				async () => void (await fx.emulator.control('POST', 'wesal-voc/expire-tokens')),
			);
		},
	},
	{
		key: 'WesalPortal',
		emulatorName: 'wesal-portal',
		displayName: 'Wesal Portal',
		credentialType: new WesalPortalApi(),
		node: new WesalPortal(),
		warmUp: { resource: 'organization', operation: 'get' },
		async start() {
			const fx = await WesalPortalFixture.start();
			await fx.reset();
			return fromFixture(
				fx,
				'wesalPortalApi',
				WesalPortalTrigger,
				() => fx.reset(),
				() => fx.expireTokens(),
			);
		},
	},
	{
		key: 'WeClever',
		emulatorName: 'weclever',
		displayName: 'WeClever',
		credentialType: new WeCleverApi(),
		node: new WeClever(),
		warmUp: {
			resource: 'lead',
			operation: 'getFinalized',
			startDate: '2000-01-01T00:00:00Z',
			endDate: '2000-01-01T00:00:00Z',
			returnAll: true,
		},
		start: weCleverSession,
	},
	{
		key: 'Wolkvox',
		rechecksCredential: true,
		emulatorName: 'wolkvox',
		displayName: 'Wolkvox',
		credentialType: new WolkvoxApi(),
		node: new Wolkvox(),
		async start() {
			const fx = await WolkvoxFixture.start();
			await fx.reset();
			return fromFixture(fx, 'wolkvoxApi', WolkvoxTrigger, () => fx.reset());
		},
	},
	{
		key: 'Welcorp',
		rechecksCredential: true,
		emulatorName: 'welcorp',
		displayName: 'Welcorp',
		credentialType: new WelcorpApi(),
		node: new Welcorp(),
		async start() {
			const fx = await WelcorpFixture.start();
			// An admin may use every operation (a plain user may not create or update users).
			await fx.reset('admin');
			return fromFixture(fx, 'welcorpApi', WelcorpTrigger, () => fx.reset('admin'));
		},
	},
];

export function vendor(key: string): VendorUnderTest {
	const found = VENDORS.find((candidate) => candidate.key === key);
	if (!found) throw new Error(`No vendor ${key} in test/reliability/vendors.ts`);
	return found;
}

/**
 * Every value of the credential a user must never see again: password fields, hidden tokens
 * the vendor issued (read from the store, so a token renewed during the run counts too) and the
 * fixture's own list.
 */
export function credentialSecrets(session: VendorSession, type: ICredentialType): string[] {
	const secretFields = type.properties
		.filter((property) => property.typeOptions?.password === true)
		.map((property) => property.name);
	const data = session.store.get(session.credentialId).data as IDataObject;
	return [
		...session.secrets(),
		...secretFields
			.map((field) => data[field])
			.filter((value): value is string => typeof value === 'string'),
	];
}
