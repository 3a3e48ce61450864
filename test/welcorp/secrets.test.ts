import { WelcorpCallbackTrigger } from '../../nodes/Welcorp/WelcorpCallbackTrigger.node';
import { WelcorpTrigger } from '../../nodes/Welcorp/WelcorpTrigger.node';
import { engineLogs, Poller, safeStringify, testCredential } from '../harness';
import { SecretScanner } from '../helpers/secrets';
import { LOGINS, WelcorpFixture } from './fixture';
import { callWebhook } from './webhookRunner';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());

it('never shows a password, the Basic auth value or the callback token in output, errors or logs', async () => {
	await fx.reset('admin');
	engineLogs().clear();
	const scanner = new SecretScanner();
	const basic = (user: string, password: string) =>
		Buffer.from(`${user}:${password}`).toString('base64');
	scanner.addSecrets(...fx.secrets(), 'wrong-secret-123', 'callback-secret-9876');
	// A new user's password is a node parameter, and n8n attaches the node (with its parameters)
	// to every error it records and logs: look for it everywhere except in that copy of the workflow.
	const typed = new SecretScanner();
	typed.addSecrets('N3w-user-pass');
	const withoutNode = (value: unknown) =>
		JSON.parse(JSON.stringify(value ?? ''), (key, inner) => (key === 'node' ? undefined : inner));
	for (const login of Object.values(LOGINS))
		scanner.addSecrets(basic(login.user_code, login.password));
	scanner.addSecrets(basic(LOGINS.admin.user_code, 'wrong-secret-123'));

	const runs = [
		await fx.run({ resource: 'job', operation: 'getAll', returnAll: false, limit: 3 }),
		await fx.run({
			resource: 'job',
			operation: 'create',
			jobType: 'sms',
			destination: '61411111111',
			message: 'Hi',
		}),
		await fx.run({
			resource: 'user',
			operation: 'create',
			userCode: 'au/leaky',
			password: 'N3w-user-pass',
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			companyName: 'C',
		}),
		await fx.run({
			resource: 'user',
			operation: 'create',
			userCode: 'au/leaky',
			password: 'N3w-user-pass',
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			companyName: 'C',
		}),
		await fx.run({
			resource: 'user',
			operation: 'update',
			userId: '100',
			updateFields: { password: 'N3w-user-pass' },
		}),
		await fx.run({
			resource: 'verification',
			operation: 'sendCode',
			clientRef: 'r',
			messageType: 'sms',
			destination: '61411111111',
			companyName: 'ACME',
		}),
	];
	await fx.emulator.fault({
		vendor: 'welcorp',
		method: 'POST',
		path: '/jobs',
		kind: 'status',
		status: 500,
	});
	runs.push(
		await fx.run(
			{
				resource: 'job',
				operation: 'create',
				jobType: 'sms',
				destination: '61411111111',
				message: 'Hi',
			},
			{ continueOnFail: true },
		),
	);
	fx.useLogin('admin', { password: 'wrong-secret-123' });
	runs.push(await fx.run({ resource: 'job', operation: 'get', jobId: '1' }));
	const tested = await testCredential(
		fx.store,
		'welcorpApi',
		fx.credentialData('admin', { password: 'wrong-secret-123' }),
	);

	fx.useLogin('user');
	const trigger = new Poller({
		nodeType: WelcorpTrigger,
		parameters: { event: 'jobCompleted' },
		store: fx.store,
		credentials: { welcorpApi: fx.credentialId },
	});
	await trigger.activate();
	const manual = await trigger.manual();
	const hooks = [
		await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: { secretToken: 'callback-secret-9876' },
			body: { BroadcastID: '1', Status: 'SENT' },
			query: { token: 'callback-secret-9876' },
		}),
		await callWebhook(WelcorpCallbackTrigger, {
			typeVersion: 1,
			parameters: { secretToken: 'callback-secret-9876' },
			body: { BroadcastID: '1', Status: 'SENT' },
			query: { token: 'nope' },
		}),
	];

	for (const [index, run] of runs.entries()) {
		scanner.scan(`run ${index} output`, run.items);
		scanner.scan(`run ${index} error`, run.error ?? '');
		scanner.scan(`run ${index} error description`, run.error?.description ?? '');
		typed.scan(`run ${index} output`, run.items);
		typed.scan(`run ${index} error`, withoutNode(run.error));
	}
	scanner.scan('credential test', tested);
	scanner.scan('trigger sample', manual.items);
	scanner.scan('trigger state', trigger.savedStaticData);
	for (const hook of hooks) scanner.scan('webhook answer', [hook.items, hook.body]);
	for (const line of engineLogs().lines) {
		scanner.scan('log line', line);
		typed.scan('log line', [
			line.message,
			withoutNode(JSON.parse(safeStringify(line.metadata ?? {}))),
		]);
	}

	expect(runs.filter((run) => run.error).length).toBeGreaterThanOrEqual(2);
	expect(runs[6].items[0].json.error).toContain('HTTP 500');
	expect(scanner.scanned).toBeGreaterThan(20);
	expect(scanner.found).toEqual([]);
	expect(typed.found).toEqual([]);
});
