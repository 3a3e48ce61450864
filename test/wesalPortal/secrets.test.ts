import type { INodeParameters } from 'n8n-workflow';

import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { WESAL_PORTAL_EMAIL } from '../../sandbox/vendors/wesalPortal';
import { engineLogs, Poller, testCredential } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import {
	COMPANY,
	ORGANIZATION,
	SEARCH,
	surveyParameters,
	VENDOR,
	WesalPortalFixture,
} from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
afterAll(async () => await fx.close());

it('never shows a credential value or token in output, errors, error descriptions or logs', async () => {
	await fx.reset();
	engineLogs().clear();
	const scanner = new SecretScanner();
	// Credential values only: n8n itself attaches the node and its typed parameters (such as a new
	// password being set) to every node error.
	scanner.addSecrets(...fx.secrets(), 'wrong-secret-123');
	const tokens: string[] = [];
	const runs = [
		await fx.run(
			surveyParameters('2025-11-14T00:00:00Z', '2025-11-15T00:00:00Z', {
				returnAll: false,
				limit: 3,
				options: { extended: true },
			}),
		),
		await fx.run({ resource: 'organization', operation: 'get' }),
		await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
		}),
		await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: WESAL_PORTAL_EMAIL,
			otp: 'nope',
			newPassword: 'Brand-new-Pa55',
		}),
	];
	tokens.push(fx.token());

	// Renewal on X003 in every status the API may use, then failures of every kind.
	for (const tokenErrorStatus of [200, 400, 401]) {
		await fx.config({ tokenErrorStatus });
		await fx.expireTokens();
		runs.push(await fx.run({ resource: 'organization', operation: 'get' }));
		tokens.push(fx.token());
	}
	await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'status', status: 500, count: 4 });
	runs.push(
		await fx.run(surveyParameters('2025-11-14T00:00:00Z', '2025-11-15T00:00:00Z'), {
			continueOnFail: true,
		}),
	);
	await fx.emulator.fault({
		vendor: VENDOR,
		path: ORGANIZATION,
		kind: 'status',
		status: 400,
		body: { success: false, code: 'X003', message: 'Unknown or invalid user token' },
		count: 3,
	});
	runs.push(await fx.run({ resource: 'organization', operation: 'get' }));
	runs.push(await fx.run({ resource: 'account', operation: 'logout' }));

	const wrong = fx.store.add({
		type: 'wesalPortalApi',
		data: fx.credentialData({ password: 'wrong-secret-123' }),
	});
	runs.push(
		await fx.run(
			{ resource: 'organization', operation: 'get' },
			{ credentials: { wesalPortalApi: wrong } },
		),
	);
	const tested = await testCredential(
		fx.store,
		'wesalPortalApi',
		fx.credentialData({ password: 'wrong-secret-123' }),
	);

	const trigger = new Poller({
		nodeType: WesalPortalTrigger,
		parameters: {
			event: 'newSurvey',
			company: { __rl: true, mode: 'id', value: String(COMPANY.id) },
		} as INodeParameters,
		store: fx.store,
		credentials: { wesalPortalApi: fx.credentialId },
	});
	await trigger.activate();
	await fx.addSurveys({ count: 1, createdAt: new Date(Date.now() - 60_000).toISOString() });
	const manual = await trigger.manual();
	tokens.push(fx.token());
	scanner.addSecrets(...tokens);

	for (const [index, run] of runs.entries()) {
		scanner.scan(`run ${index} output`, run.items);
		scanner.scan(`run ${index} error`, run.error ?? '');
		scanner.scan(`run ${index} error description`, run.error?.description ?? '');
	}
	scanner.scan('credential test', tested);
	scanner.scan('trigger sample', manual.items);
	scanner.scan('trigger state', trigger.savedStaticData);
	for (const line of engineLogs().lines) scanner.scan('log line', line);

	expect(JSON.stringify(runs[3].items)).not.toContain('Brand-new-Pa55');
	expect(runs[3].error?.message).not.toContain('Brand-new-Pa55');
	expect(new Set(tokens).size).toBeGreaterThanOrEqual(4);
	expect(manual.items).toHaveLength(1);
	expect(runs.filter((run) => run.error).length).toBeGreaterThanOrEqual(3);
	expect(scanner.scanned).toBeGreaterThan(30);
	expect(scanner.found).toEqual([]);
});
