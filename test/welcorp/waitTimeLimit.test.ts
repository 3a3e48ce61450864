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
const HOUR = 3_600_000;

describe('Limit Wait Time', () => {
	it('after an interval: Welcorp forwards replies as long, and n8n ends the wait then with a "no reply" item', async () => {
		const before = Date.now();
		const { run, post, jobId } = await startWait(suite.fx, suite.server, {
			...ask,
			limitWaitTime: true,
			limitType: 'afterTimeInterval',
			resumeAmount: 90,
			resumeUnit: 'minutes',
		});
		expect(post.expires).toBe(2);
		const waitTill = new Date(run.first.waitTill!).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 1.5 * HOUR);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 1.5 * HOUR);

		expect(await run.timeLimitPasses()).toEqual([
			{
				json: {
					replied: false,
					answer: null,
					approved: false,
					declined: false,
					reply: null,
					from: ANN,
					recipientName: 'Ann',
					repliedAt: null,
					jobId,
					channel: 'sms',
					endedBy: 'waitTimeLimit',
				},
				pairedItem: { item: 0 },
			},
		]);
		// A reply after that is refused by n8n: the execution ran on once.
		const [late] = await control(suite.fx, jobId, 'reply', { destination: ANN, response: 'YES' });
		expect(late.status).toBe(409);
		expect(run.resumes).toBe(1);
	});

	it('at a date and time: the wait ends then, and replies are forwarded until then', async () => {
		const end = new Date(Date.now() + 30 * HOUR + 20 * 60_000);
		end.setUTCSeconds(0, 0);
		const { run, post } = await startWait(suite.fx, suite.server, {
			...ask,
			limitWaitTime: true,
			limitType: 'atSpecifiedTime',
			maxDateAndTime: end.toISOString(),
		});
		expect(new Date(run.first.waitTill!).toISOString()).toBe(end.toISOString());
		expect(post.expires).toBe(31);
	});

	it('a call that nobody answers in time: the "no reply" item of a call', async () => {
		const { run, jobId } = await startWait(suite.fx, suite.server, {
			resource: 'voiceCall',
			operation: 'sendAndWait',
			destination: '61422222222',
			message: 'Press 1',
			limitWaitTime: true,
			limitType: 'afterTimeInterval',
			resumeAmount: 10,
			resumeUnit: 'minutes',
		});
		const output = await run.timeLimitPasses();
		expect(output?.[0].json).toEqual({
			replied: false,
			answer: null,
			approved: false,
			declined: false,
			reply: null,
			from: '61422222222',
			recipientName: null,
			repliedAt: null,
			jobId,
			channel: 'voiceCall',
			key: null,
			callStatus: null,
			voicemail: null,
			durationSeconds: null,
			endedBy: 'waitTimeLimit',
		});
	});

	it('the waiting execution survives a restart: what the database keeps still resumes', async () => {
		const { run, jobId } = await startWait(suite.fx, suite.server, ask);
		// stored() is the JSON n8n keeps; every resume starts from it, as after a restart
		const stored = run.stored();
		expect(stored.executionData?.nodeExecutionStack[0].node.name).toBe('Welcorp');
		await control(suite.fx, jobId, 'reply', { destination: ANN, response: 'no' });
		expect(run.output?.[0].json).toMatchObject({ answer: 'declined', jobId });
	});
});
