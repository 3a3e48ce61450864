import { WECLEVER_PASSWORD, WECLEVER_USERNAME } from '../../sandbox/vendors/weClever';
import { engineLogs, testCredential } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { addFault, credentialData, groundTruth, WeCleverSetup } from './helpers';

const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const basicOf = (password: string) =>
	Buffer.from(`${WECLEVER_USERNAME}:${password}`).toString('base64');

it('never shows the password, the Basic authorization or the token in output, errors or logs', async () => {
	engineLogs().clear();
	const scanner = new SecretScanner();
	scanner.addSecrets(
		WECLEVER_PASSWORD,
		basicOf(WECLEVER_PASSWORD),
		'Wr0ng-S3cret',
		basicOf('Wr0ng-S3cret'),
	);
	const [lead] = await groundTruth(setup.sb);
	const range = {
		startDate: '2025-11-08T00:00:00Z',
		endDate: '2025-11-09T00:00:00Z',
		returnAll: true,
	};
	const runs = [
		await setup.run({
			resource: 'lead',
			operation: 'get',
			leadId: String(lead.weclever_lead_id),
			options: {},
		}),
		await setup.run({
			resource: 'lead',
			operation: 'getFinalized',
			...range,
			output: 'raw',
			options: { includeDetails: true },
		}),
	];
	scanner.addSecrets(setup.store.get(setup.credentialId).data.token);
	await addFault(setup.sb, {
		path: '^/lead/find/finalized/',
		kind: 'status',
		status: 400,
		body: { message: 'bad request' },
	});
	runs.push(
		await setup.run(
			{ resource: 'lead', operation: 'getFinalized', ...range },
			{ continueOnFail: true },
		),
	);
	runs.push(await setup.run({ resource: 'lead', operation: 'get', leadId: '999', options: {} }));

	const wrong = setup.store.add({
		type: 'weCleverApi',
		data: credentialData(setup.sb, { password: 'Wr0ng-S3cret' }),
	});
	runs.push(
		await setup.run(
			{ resource: 'lead', operation: 'getFinalized', ...range },
			{ credentials: { weCleverApi: wrong } },
		),
	);
	const tested = await testCredential(
		setup.store,
		'weCleverApi',
		credentialData(setup.sb, { password: 'Wr0ng-S3cret' }),
	);

	const trigger = setup.poller({ options: { includeDetails: true } });
	await trigger.activate();
	const manual = await trigger.manual();

	for (const [index, run] of runs.entries()) {
		scanner.scan(`run ${index} output`, run.items);
		scanner.scan(`run ${index} error`, run.error ?? '');
		scanner.scan(`run ${index} error description`, run.error?.description ?? '');
		scanner.scan(`run ${index} execution`, run.run.data.resultData);
	}
	scanner.scan('credential test', tested);
	scanner.scan('trigger sample', manual);
	scanner.scan('trigger state', trigger.savedStaticData);
	for (const line of engineLogs().lines) scanner.scan('log line', line);

	expect(runs.filter((run) => run.error).length).toBe(2);
	expect(runs[2].items[0].json.error).toMatch(/HTTP 400/);
	expect(tested.status).toBe('Error');
	expect(scanner.scanned).toBeGreaterThan(20);
	expect(scanner.found).toEqual([]);
});
