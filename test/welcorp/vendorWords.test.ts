import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { WELCORP } from '../../nodes/Welcorp/transport';
import { CredentialStore, testCredential } from '../harness';
import { LOGINS, VENDOR, WelcorpFixture } from './fixture';

/** What the user reads when Welcorp says no, in Welcorp's own words. */
let fx: WelcorpFixture;
let jobId = 0;

beforeAll(async () => {
	fx = await WelcorpFixture.start();
	jobId = (await fx.truthJobs(LOGINS.user.user_id))[0].job_id;
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const getJob = () => ({
	resource: 'job',
	operation: 'get',
	jobId: { mode: 'id', value: String(jobId) },
	output: 'raw',
});

/** The next Job → Get is answered with this status and body instead of the job. */
async function answerGet(status: number, body: unknown) {
	await fx.emulator.fault({
		vendor: VENDOR,
		method: 'GET',
		path: `/jobs/${jobId}`,
		kind: 'status',
		status,
		body,
	});
}

describe("Welcorp's error message", () => {
	// Without a "status" in the body: only the error text is read, not the body's own status.
	it.each([
		['errors', { errors: 'Job was archived' }, 'Job was archived'],
		['message', { message: 'Job was archived' }, 'Job was archived'],
		['error', { error: 'Job was archived' }, 'Job was archived'],
		[
			'errors (a Laravel list per field)',
			{ errors: { job_id: ['The job id is archived.', 'Ask support.'] } },
			'The job id is archived.; Ask support.',
		],
	])('is read from "%s" into the error the user sees', async (_key, body, said) => {
		await answerGet(404, body);
		const { error, items } = await fx.run(getJob());
		expect(error?.message).toBe(`Welcorp found nothing for "Job: Get" (HTTP 404): ${said}`);
		expect(items).toEqual([]);
	});

	it('is read from "errors" before "message" and "error"', async () => {
		await answerGet(422, { error: 'third', message: 'second', errors: 'first' });
		const { error } = await fx.run(getJob());
		expect(error?.message).toBe('Welcorp refused "Job: Get" (HTTP 422): first');
	});
});

describe('an HTTP 200 answer whose body says status 400 or more', () => {
	it.each([
		[
			'400 with its message',
			{ status: 400, errors: 'The job id is invalid.' },
			'The job id is invalid.',
		],
		['422 with its message', { status: 422, message: 'Try again tomorrow' }, 'Try again tomorrow'],
		['422 without a message', { status: 422 }, 'the answer says status 422'],
		['500 without a message', { status: 500, data: null }, 'the answer says status 500'],
	])('fails the call: %s', async (_name, body, said) => {
		await answerGet(200, body);
		const { error, items } = await fx.run(getJob());
		expect(error?.message).toBe(`Welcorp refused "Job: Get": ${said}`);
		expect(error?.description).toBe(
			"Check the fields of this operation against Welcorp's message.",
		);
		expect(items).toEqual([]);
		// The body's own status is not the HTTP status: the refusal is not retried.
		expect(await fx.requests({ path: `/jobs/${jobId}` })).toHaveLength(1);
	});

	it('is not a failure when the body says status 399', async () => {
		await answerGet(200, { status: 399, data: { job_id: jobId, job_name: 'Quick Send' } });
		const { error, items } = await fx.run(getJob());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ job_id: jobId, job_name: 'Quick Send' }]);
	});

	it.each([
		['with its message', { status: 403, errors: 'Account suspended' }, 'Account suspended'],
		['without a message', { status: 403 }, 'the answer says status 403'],
	])("refuses the credential's login answered that way, %s", async (_name, body, said) => {
		await fx.emulator.fault({
			vendor: VENDOR,
			method: 'GET',
			path: '/jobs',
			kind: 'status',
			status: 200,
			body,
		});
		expect(
			await testCredential(new CredentialStore([WelcorpApi]), 'welcorpApi', fx.credentialData()),
		).toEqual({
			status: 'Error',
			message: `Welcorp refused the credentials: ${said} (HTTP 200). Check Username, Password and Base URL.`,
		});
	});
});

describe('a Base URL that is not an http(s) address', () => {
	const invalid =
		'Invalid "Base URL" in the Welcorp credential: "api.welcorp.com" is not an http(s) URL';
	const hint = 'Use https://api.welcorp.com/api/v1 unless Welcorp gave you another address.';

	it('names the address to use in a node', async () => {
		fx.useLogin('user', { baseUrl: 'api.welcorp.com' });
		const { error } = await fx.run(getJob());
		expect(error?.message).toBe(invalid);
		expect(error?.description).toBe(`${hint} Nothing was sent.`);
		expect(await fx.requests()).toEqual([]);
	});

	it('names the address to use in the credential test, sending nothing', async () => {
		const data = fx.credentialData('user', { baseUrl: 'api.welcorp.com' });
		expect(await testCredential(new CredentialStore([WelcorpApi]), 'welcorpApi', data)).toEqual({
			status: 'Error',
			message: `${invalid}. ${hint}`,
		});
		expect(await fx.requests()).toEqual([]);
	});
});

describe('an answer of 401 (the login no longer valid)', () => {
	it('makes n8n check the login again and repeat the read once', async () => {
		// Our own resend of the 401 is what makes n8n check the login again (see request.ts).
		await fx.emulator.fault({
			vendor: VENDOR,
			method: 'GET',
			path: `/jobs/${jobId}`,
			kind: 'status',
			status: 401,
			count: 2,
		});
		const { error, items } = await fx.run(getJob());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.job_id)).toEqual([jobId]);
		expect((await fx.requests()).map((entry) => [entry.path, entry.query])).toEqual([
			[`/jobs/${jobId}`, {}],
			[`/jobs/${jobId}`, {}],
			['/jobs', { page_size: '1' }],
			[`/jobs/${jobId}`, {}],
		]);
		const checked = fx.store.get(fx.credentialId).data.credentialsChecked;
		expect(checked).not.toBe('2025-01-01T00:00:00.000Z');
		expect(Date.parse(String(checked))).toBeGreaterThan(Date.now() - 60_000);
	});

	it("keeps the check in the credential's hidden expirable field", () => {
		expect(WELCORP.session).toEqual({ tokenField: 'credentialsChecked' });
		const field = new WelcorpApi().properties.find((p) => p.name === 'credentialsChecked');
		expect(field?.type).toBe('hidden');
		expect(field?.typeOptions?.expirable).toBe(true);
	});
});
