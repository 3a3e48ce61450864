import { engineLogs, testCredential } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { getAllParameters, SEARCH, VENDOR, WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
afterAll(async () => await fx.close());

it('never shows a credential value in output, errors, error descriptions or logs', async () => {
	await fx.reset();
	const scanner = new SecretScanner();
	scanner.addSecrets(...fx.secrets(), 'wrong-secret-123');
	const token = () => fx.store.get(fx.credentialId).data.sessionToken;
	const runs = [
		await fx.run(
			getAllParameters('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', {
				returnAll: false,
				limit: 3,
			}),
		),
		await fx.run(
			getAllParameters('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', {
				returnAll: false,
				limit: 3,
				output: 'raw',
			}),
		),
		await fx.run({ resource: 'company', operation: 'getQuestionSchema' }),
		await fx.run({
			resource: 'account',
			operation: 'sendResetCode',
			method: 'email',
			email: 'ops@acme.test',
		}),
		await fx.run({
			resource: 'account',
			operation: 'resetPassword',
			method: 'email',
			email: 'ops@acme.test',
			otp: '0',
			newPassword: 'Brand-new-1',
		}),
	];
	scanner.addSecrets(token());
	await fx.emulator.fault({ vendor: VENDOR, path: SEARCH, kind: 'status', status: 500, count: 4 });
	runs.push(
		await fx.run(getAllParameters('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z'), {
			continueOnFail: true,
		}),
	);
	runs.push(await fx.run({ resource: 'account', operation: 'logout' }));

	const wrong = fx.store.add({
		type: 'wesalVocApi',
		data: fx.credentialData({ authMode: 'userAccount', password: 'wrong-secret-123' }),
	});
	runs.push(
		await fx.run(
			{ resource: 'company', operation: 'getQuestionSchema' },
			{ credentials: { wesalVocApi: wrong } },
		),
	);
	const tested = await testCredential(
		fx.store,
		'wesalVocApi',
		fx.credentialData({ authMode: 'userAccount', password: 'wrong-secret-123' }),
	);

	const trigger = fx.poller();
	await trigger.activate();
	const manual = await trigger.manual();

	for (const [index, run] of runs.entries()) {
		scanner.scan(`run ${index} output`, run.items);
		scanner.scan(`run ${index} error`, run.error ?? '');
		scanner.scan(`run ${index} error description`, run.error?.description ?? '');
	}
	scanner.scan('credential test', tested);
	scanner.scan('trigger sample', manual.items);
	scanner.scan('trigger state', trigger.savedStaticData);
	for (const line of engineLogs().lines) scanner.scan('log line', line);

	expect(runs.filter((run) => run.error).length).toBeGreaterThanOrEqual(2);
	expect(scanner.scanned).toBeGreaterThan(20);
	expect(scanner.found).toEqual([]);
});
