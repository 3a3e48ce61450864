import { control, startWait, waitSuite } from './waitHelpers';

const suite = waitSuite();

const ANN = '61411111111';
const ask = {
	resource: 'sms',
	operation: 'sendAndWait',
	destination: ANN,
	recipientName: 'Ann',
	message: 'Reply YES to confirm',
};

/** The doc's SMS reply fields, for this job and reference unless told otherwise. */
const replyBody = (jobId: number, reference: string, extra: Record<string, string> = {}) => ({
	BroadcastID: String(jobId),
	Timestamp: '2025-11-15T23:00:00+11:00',
	Reference: reference,
	Recipient: 'Ann',
	Destination: ANN,
	Response: 'YES',
	BroadcastName: 'API Send',
	...extra,
});

describe('a waiting execution refuses what is not the reply to its job, and keeps waiting', () => {
	it("another job's callback posted to this URL: 401 (the emulator's misrouted callback)", async () => {
		const waiting = await startWait(suite.fx, suite.server, ask);
		const other = await startWait(suite.fx, suite.server, { ...ask, destination: '61422222222' });
		const [misrouted] = await control(suite.fx, other.jobId, 'reply', {
			destination: '61422222222',
			response: 'YES',
			deliverToJob: waiting.jobId,
		});
		expect(misrouted.url).toBe(waiting.callbackUrl);
		expect(misrouted.body.BroadcastID).toBe(String(other.jobId));
		expect(misrouted.status).toBe(401);
		expect(waiting.run.waiting).toBe(true);
		expect(other.run.waiting).toBe(true);
		// The right reply still resumes it.
		const [right] = await control(suite.fx, waiting.jobId, 'reply', {
			destination: ANN,
			response: 'YES',
		});
		expect(right.status).toBe(200);
		expect(waiting.run.resumes).toBe(1);
		expect(waiting.run.output?.[0].json).toMatchObject({
			jobId: waiting.jobId,
			answer: 'approved',
		});
	});

	it('a URL without its signature, with a changed reference or for another execution: n8n refuses it', async () => {
		const { run, jobId, callbackUrl, reference } = await startWait(suite.fx, suite.server, ask);
		const body = replyBody(jobId, reference);
		const unsigned = new URL(callbackUrl);
		unsigned.searchParams.delete('signature');
		expect((await run.callback(unsigned.toString(), body)).status).toBe(401);
		const changed = new URL(callbackUrl);
		changed.searchParams.set('ref', 'n8n-0000000000000000');
		expect(
			(await run.callback(changed.toString(), replyBody(jobId, 'n8n-0000000000000000'))).status,
		).toBe(401);
		const elsewhere = callbackUrl.replace(
			`/webhook-waiting/${run.executionId}/`,
			'/webhook-waiting/999/',
		);
		expect((await run.callback(elsewhere, body)).status).toBe(404);
		expect(run.waiting).toBe(true);
		expect(run.resumes).toBe(0);
	});

	it('a signed URL, but the callback names another recipient reference: 401', async () => {
		const { run, jobId, callbackUrl } = await startWait(suite.fx, suite.server, ask);
		const outcome = await run.callback(callbackUrl, replyBody(jobId, 'Customer 123'));
		expect(outcome).toEqual({
			status: 401,
			body: {
				message:
					'Not for this execution: the callback is for another job than the one it waits for',
			},
			resumed: false,
		});
		expect(run.waiting).toBe(true);
	});

	it('a body that is not a Welcorp callback, or a call report for an SMS wait: 400', async () => {
		const { run, jobId, callbackUrl, reference } = await startWait(suite.fx, suite.server, ask);
		expect((await run.callback(callbackUrl, { hello: 'world' })).status).toBe(400);
		const { Response: _reply, ...report } = replyBody(jobId, reference);
		const callReport = { ...report, Status: 'SENT', Duration: '30', Keypress: '1' };
		expect(await run.callback(callbackUrl, callReport)).toMatchObject({
			status: 400,
			resumed: false,
		});
		expect(run.waiting).toBe(true);
	});

	it('an SMS delivery status of the job is acknowledged, and the wait goes on', async () => {
		const { run, jobId, callbackUrl, reference } = await startWait(suite.fx, suite.server, ask);
		const { Response: _reply, ...status } = replyBody(jobId, reference, {});
		expect(await run.callback(callbackUrl, { ...status, Status: 'SENT' })).toEqual({
			status: 200,
			body: { received: true, waiting: true },
			resumed: false,
		});
		expect(run.waiting).toBe(true);
		expect((await run.callback(callbackUrl, replyBody(jobId, reference))).resumed).toBe(true);
	});

	it('a late reply, after the wait ended, does not run anything again: 409', async () => {
		const { run, jobId } = await startWait(suite.fx, suite.server, ask);
		await control(suite.fx, jobId, 'reply', { destination: ANN, response: 'YES' });
		const [late] = await control(suite.fx, jobId, 'reply', { destination: ANN, response: 'NO' });
		expect(late.status).toBe(409);
		expect(run.resumes).toBe(1);
		expect(run.output?.[0].json.answer).toBe('approved');
	});
});

describe('refused before anything is sent', () => {
	const refused = async (
		parameters: Record<string, unknown>,
		message: string,
		items = [{ json: {} }],
	) => {
		const run = await suite.server.run({
			parameters: { ...ask, ...parameters },
			items,
			store: suite.fx.store,
			credentials: { welcorpApi: suite.fx.credentialId },
		});
		expect(run.first.data.resultData.error?.message).toContain(message);
		expect(run.waiting).toBe(false);
		expect(await suite.fx.requests({ method: 'POST' })).toEqual([]);
		return run.first.data.resultData.error;
	};

	it('more than one input item: one person per execution', async () => {
		const error = await refused(
			{},
			'Invalid "Destination": this node asks one person and waits for one answer per execution, and got 2 input items',
			[{ json: {} }, { json: {} }],
		);
		expect(error?.description).toContain('Loop Over Items');
	});

	it('a reply that would mean yes and no, a wait that ends in the past or lasts nothing', async () => {
		await refused(
			{ approveWords: 'YES, OK', declineWords: 'NO, ok' },
			'Invalid "Approve Replies": "ok" is also one of the Decline Replies',
		);
		await refused(
			{ limitWaitTime: true, limitType: 'atSpecifiedTime', maxDateAndTime: '2001-01-01T00:00:00Z' },
			'Invalid "Max Date and Time"',
		);
		await refused(
			{ limitWaitTime: true, limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' },
			'Invalid "Amount"',
		);
		await refused({ destination: 'call me' }, 'Invalid "Destination"');
	});

	it('a job Welcorp refuses: the error, no wait; with Continue On Fail an error item', async () => {
		await suite.fx.emulator.fault({
			vendor: 'welcorp',
			method: 'POST',
			path: '/jobs',
			kind: 'status',
			status: 500,
			count: 2,
		});
		const failed = await suite.server.run({
			parameters: ask,
			store: suite.fx.store,
			credentials: { welcorpApi: suite.fx.credentialId },
		});
		expect(failed.first.data.resultData.error?.message).toBeDefined();
		expect(failed.waiting).toBe(false);
		const continued = await suite.server.run({
			parameters: ask,
			store: suite.fx.store,
			credentials: { welcorpApi: suite.fx.credentialId },
			continueOnFail: true,
		});
		expect(continued.waiting).toBe(false);
		expect(continued.firstItems).toEqual([
			{
				json: expect.objectContaining({ error: expect.stringContaining('HTTP 500') }),
				pairedItem: { item: 0 },
			},
		]);
	});
});
