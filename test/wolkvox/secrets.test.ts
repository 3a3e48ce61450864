import { engineLogs, testCredential } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { getAllParameters, REPORT, VENDOR, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;

beforeAll(async () => (fx = await WolkvoxFixture.start()));
afterAll(async () => await fx.close());

it('never shows the token in output, errors, error descriptions, poll state or logs', async () => {
	await fx.reset();
	const scanner = new SecretScanner();
	scanner.addSecrets(...fx.secrets(), 'wrong-token-123456');
	const range = getAllParameters('2025-11-01T00:00:00Z', '2025-11-02T00:00:00Z');
	const runs = [await fx.run(range), await fx.run({ ...range, options: { simplify: true } })];
	await fx.emulator.fault({ vendor: VENDOR, path: REPORT, kind: 'status', status: 500, count: 4 });
	runs.push(await fx.run(range, { continueOnFail: true }));
	await fx.hold(5000);
	runs.push(await fx.run(range));
	await fx.emulator.reset();
	const wrong = fx.store.add({
		type: 'wolkvoxApi',
		data: fx.credentialData({ token: 'wrong-token-123456' }),
	});
	runs.push(await fx.run(range, { credentials: { wolkvoxApi: wrong } }));
	const tested = await testCredential(
		fx.store,
		'wolkvoxApi',
		fx.credentialData({ token: 'wrong-token-123456' }),
	);

	const trigger = fx.poller();
	await trigger.activate();
	await fx.add([{ date: new Date().toISOString().slice(0, 19).replace('T', ' ') }]);
	const polled = await trigger.poll();
	const manual = await trigger.manual();

	for (const [index, run] of runs.entries()) {
		scanner.scan(`run ${index} output`, run.items);
		scanner.scan(`run ${index} error`, run.error ?? '');
		scanner.scan(`run ${index} error description`, run.error?.description ?? '');
	}
	scanner.scan('credential test', tested);
	scanner.scan('trigger items', polled.items);
	scanner.scan('trigger sample', manual.items);
	scanner.scan('trigger state', trigger.savedStaticData);
	for (const line of engineLogs().lines) scanner.scan('log line', line);

	expect(runs.filter((run) => run.error).length).toBe(2);
	expect(runs[2].items[0].json.error).toContain('HTTP 500');
	expect(polled.items).toHaveLength(1);
	expect(scanner.scanned).toBeGreaterThan(15);
	expect(scanner.found).toEqual([]);
});
