import { control, expectedSignature, startWait, utc, waitSuite } from './waitHelpers';

const suite = waitSuite();

const ANN = '61411111111';
const ask = {
	resource: 'sms',
	operation: 'sendAndWait',
	destination: '={{ $json.phone }}',
	recipientName: '={{ $json.name }}',
	message: '=Hi %%recipient%%, reply YES to confirm your visit on {{ $json.day }}',
};
const input = [{ json: { phone: ANN, name: 'Ann', day: 'Monday' } }];

describe('SMS → Send and Wait for Reply: the job', () => {
	it("sends one 2 way SMS whose callback URL is this execution's signed resume URL, and waits", async () => {
		const { run, post, callbackUrl, reference } = await startWait(
			suite.fx,
			suite.server,
			{ ...ask, additionalFields: { jobName: 'Visits', optOutCode: 'STOP' } },
			{ items: input },
		);
		expect(post).toEqual({
			job_type: '2 way sms',
			job_name: 'Visits',
			message: 'Hi %%recipient%%, reply YES to confirm your visit on Monday',
			optout_code: 'STOP',
			callback_url: callbackUrl,
			recipients: [{ destination: ANN, recipient: 'Ann', reference }],
		});
		expect(reference).toMatch(/^n8n-[0-9a-f]{16}$/);
		const url = new URL(callbackUrl);
		expect(`${url.origin}${url.pathname}`).toBe(
			`${suite.server.url}/webhook-waiting/${run.executionId}/node-Welcorp`,
		);
		expect([...url.searchParams.keys()]).toEqual(['ref', 'signature']);
		expect(url.searchParams.get('ref')).toBe(reference);
		expect(url.searchParams.get('signature')).toBe(expectedSignature(callbackUrl));
		// No limit: n8n's "wait forever" date, and Welcorp's own reply period (no expires sent).
		expect(run.waiting).toBe(true);
		expect(new Date(run.first.waitTill!).toISOString()).toBe('3000-01-01T00:00:00.000Z');
		expect(run.firstItems.map((item) => item.json)).toEqual([input[0].json]);
	});

	it('a second execution gets its own reference and URL', async () => {
		const one = await startWait(suite.fx, suite.server, ask, { items: input });
		const two = await startWait(suite.fx, suite.server, ask, { items: input });
		expect(two.reference).not.toBe(one.reference);
		expect(two.callbackUrl).not.toBe(one.callbackUrl);
		expect(two.run.executionId).not.toBe(one.run.executionId);
	});
});

describe('SMS → Send and Wait for Reply: the reply', () => {
	it('resumes once with the reply, what it means, who sent it and when; the duplicate is refused', async () => {
		const { run, jobId } = await startWait(suite.fx, suite.server, ask, { items: input });
		const sent = await control(suite.fx, jobId, 'reply', {
			destination: ANN,
			response: ' Yes! ',
			duplicate: true,
		});
		expect(sent.map((record) => record.status)).toEqual([200, 409]);
		expect(run.resumes).toBe(1);
		expect(run.output).toEqual([
			{
				json: {
					replied: true,
					answer: 'approved',
					approved: true,
					declined: false,
					reply: ' Yes! ',
					from: ANN,
					recipientName: 'Ann',
					repliedAt: utc(sent[0].body.Timestamp),
					jobId,
					channel: 'sms',
					endedBy: 'reply',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	const answerOf = async (reply: string, extra: Record<string, unknown> = {}) => {
		const { run, jobId } = await startWait(
			suite.fx,
			suite.server,
			{ ...ask, ...extra },
			{ items: input },
		);
		await control(suite.fx, jobId, 'reply', { destination: ANN, response: reply });
		const json = run.output?.[0].json ?? {};
		return [json.answer, json.approved, json.declined];
	};

	it('maps YES/Y/1 to approved and NO/N/2 to declined; anything else is passed on as it came', async () => {
		expect(await answerOf('y')).toEqual(['approved', true, false]);
		expect(await answerOf('No.')).toEqual(['declined', false, true]);
		expect(await answerOf('2')).toEqual(['declined', false, true]);
		expect(await answerOf('Can we make it Tuesday?')).toEqual([
			'Can we make it Tuesday?',
			false,
			false,
		]);
		expect(await answerOf('yes please')).toEqual(['yes please', false, false]);
	});

	it('takes the lists given, and the first word only when asked', async () => {
		const french = { approveWords: 'OUI, si', declineWords: 'non' };
		expect(await answerOf('Oui.', french)).toEqual(['approved', true, false]);
		expect(await answerOf('yes', french)).toEqual(['yes', false, false]);
		expect(await answerOf('Yes please', { matchFirstWord: true })).toEqual([
			'approved',
			true,
			false,
		]);
		expect(await answerOf('no, thanks', { matchFirstWord: true })).toEqual([
			'declined',
			false,
			true,
		]);
	});
});
