import { control, expectedSignature, startWait, utc, waitSuite } from './waitHelpers';

const suite = waitSuite();

const BOB = '61422222222';
const call = {
	resource: 'voiceCall',
	operation: 'sendAndWait',
	destination: BOB,
	recipientName: 'Bob',
	message: 'Hello %%recipient%%. Press 1 to confirm your visit, 2 to cancel it.',
	keyResponses: {
		response: [
			{ keyPress: 1, responseMessage: 'Thank you, see you then' },
			{ keyPress: 2, responseMessage: 'Your visit is cancelled' },
		],
	},
	additionalFields: { header: 'This is Generic Clinic', voice: 'sophie', skipMessageRepeat: true },
};

describe('Voice Call → Call and Wait for Keypress', () => {
	it('sends one 2 way TTS job whose callback URL is the signed resume URL, and waits', async () => {
		const { run, post, callbackUrl, reference } = await startWait(suite.fx, suite.server, call);
		expect(post).toEqual({
			job_type: '2 way tts',
			message: 'Hello %%recipient%%. Press 1 to confirm your visit, 2 to cancel it.',
			header: 'This is Generic Clinic',
			voice: 'sophie',
			skip_message_repeat: true,
			two_way_key_responses: [
				{ key_press: 1, response_message: 'Thank you, see you then' },
				{ key_press: 2, response_message: 'Your visit is cancelled' },
			],
			callback_url: callbackUrl,
			recipients: [{ destination: BOB, recipient: 'Bob', reference }],
		});
		expect(new URL(callbackUrl).searchParams.get('ref')).toBe(reference);
		expect(new URL(callbackUrl).searchParams.get('signature')).toBe(expectedSignature(callbackUrl));
		expect(run.waiting).toBe(true);
	});

	it('resumes with the key pressed, what it means and the call report', async () => {
		const { run, jobId } = await startWait(suite.fx, suite.server, call);
		const [report] = await control(suite.fx, jobId, 'keypress', { destination: BOB, key: 1 });
		expect(report).toMatchObject({ event: 'deliveryReport', status: 200 });
		expect(report.body.Keypress).toBe('1');
		expect(run.output).toEqual([
			{
				json: {
					replied: true,
					answer: 'approved',
					approved: true,
					declined: false,
					reply: '1',
					from: BOB,
					recipientName: 'Bob',
					repliedAt: utc(report.body.Timestamp),
					jobId,
					channel: 'voiceCall',
					key: 1,
					callStatus: 'SENT',
					voicemail: false,
					durationSeconds: Number(report.body.Duration),
					endedBy: 'keypress',
				},
				pairedItem: { item: 0 },
			},
		]);
		// Welcorp's own record of the job has the key too, once the job is complete.
		await suite.fx.emulator.advanceClock(5 * 60_000);
		const truth = await suite.fx.truthJob(jobId);
		expect((truth.reports as Array<{ keypress: number }>)[0].keypress).toBe(1);
	});

	it('maps keys with the lists given: another key is passed on as it came', async () => {
		const keys = { ...call, approveWords: '9', declineWords: '0, 2' };
		const first = await startWait(suite.fx, suite.server, keys);
		await control(suite.fx, first.jobId, 'keypress', { destination: BOB, key: 2 });
		expect(first.run.output?.[0].json).toMatchObject({
			answer: 'declined',
			declined: true,
			key: 2,
		});
		const second = await startWait(suite.fx, suite.server, keys);
		await control(suite.fx, second.jobId, 'keypress', { destination: BOB, key: 1 });
		expect(second.run.output?.[0].json).toMatchObject({
			answer: '1',
			approved: false,
			declined: false,
			key: 1,
		});
	});

	it('a call that ends without a key resumes at once: replied false and the call status', async () => {
		const unanswered = '61433333338'; // the emulator does not answer numbers ending in 8
		const { run, jobId } = await startWait(suite.fx, suite.server, {
			...call,
			destination: unanswered,
		});
		const [report] = await control(suite.fx, jobId, 'report', {});
		expect(report.body).toMatchObject({ Status: 'NO ANSWER', Keypress: '' });
		expect(run.output?.[0].json).toEqual({
			replied: false,
			answer: null,
			approved: false,
			declined: false,
			reply: null,
			from: unanswered,
			recipientName: 'Bob',
			repliedAt: null,
			jobId,
			channel: 'voiceCall',
			key: null,
			callStatus: 'NO ANSWER',
			voicemail: false,
			durationSeconds: 0,
			endedBy: 'callEnded',
		});
		// When the job completes, Welcorp does not report the call again.
		await suite.fx.emulator.advanceClock(5 * 60_000);
		await suite.fx.tick();
		expect(await suite.fx.callbacks()).toEqual([report]);
	});

	it('an SMS reply posted to a call wait is refused (400) and the call report still resumes it', async () => {
		const { run, jobId, callbackUrl, reference } = await startWait(suite.fx, suite.server, call);
		const smsReply = {
			BroadcastID: String(jobId),
			Timestamp: '2025-11-15T23:00:00+11:00',
			Reference: reference,
			Destination: BOB,
			Response: 'YES',
		};
		expect(await run.callback(callbackUrl, smsReply)).toMatchObject({
			status: 400,
			resumed: false,
		});
		expect(run.waiting).toBe(true);
		await control(suite.fx, jobId, 'keypress', { destination: BOB, key: 2 });
		expect(run.output?.[0].json).toMatchObject({ answer: 'declined', endedBy: 'keypress' });
	});
});
