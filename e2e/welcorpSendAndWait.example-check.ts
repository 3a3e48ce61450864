/**
 * Ground-truth check for examples/welcorp-confirm-appointment-by-sms.json (see e2e/examples.checks.ts):
 * `n8n execute` runs it until Ask for confirmation waits; what was sent comes from the Welcorp
 * emulator's request log. The customer then replies YES through the emulator, which posts the
 * reply to the job's callback URL: the execution's signed resume URL. When that URL reaches the
 * running n8n (WEBHOOK_URL set, as e2e/welcorpSendAndWait.e2e.test.ts does), the execution goes on
 * and the thank-you SMS must reach Welcorp once. Without WEBHOOK_URL, `n8n execute` signs URLs on
 * its own port, which nothing serves once it has exited: then only the first half is checked.
 */
import { nodeItems, type ExampleCheck } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const PHONE = '61411111111';

async function jobPosts(control: any): Promise<any[]> {
	return (await control.requests('welcorp'))
		.filter((r: any) => r.method === 'POST' && r.path === '/jobs')
		.map((r: any) => r.body);
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export const welcorpSendAndWaitExampleChecks: Record<string, ExampleCheck> = {
	'welcorp-confirm-appointment-by-sms.json': {
		check: async ({ run, control }) => {
			// The execution waits at Ask for confirmation; nothing after it ran.
			expect(run.waitTill).toBeDefined();
			expect(run.data.resultData.lastNodeExecuted).toBe('Ask for confirmation');
			expect(nodeItems(run, 'Appointment')).toEqual([
				{ phone: PHONE, name: 'Ann', when: 'Monday 9 June at 10:00' },
			]);
			const [ask, ...others] = await jobPosts(control);
			expect(others).toEqual([]);
			const reference = ask.recipients[0].reference;
			expect(ask).toEqual({
				job_type: '2 way sms',
				job_name: 'Appointment confirmation',
				message:
					'Hi %%recipient%%, this is Generic Clinic. Please confirm your appointment on Monday 9 June at 10:00: reply YES to confirm or NO to cancel.',
				optout_code: 'STOP',
				expires: 24,
				callback_url: expect.stringMatching(
					new RegExp(`/webhook-waiting/\\d+/[^/?]+\\?ref=${reference}&signature=[0-9a-f]{64}$`),
				),
				recipients: [{ destination: PHONE, recipient: 'Ann', reference }],
			});
			expect(reference).toMatch(/^n8n-[0-9a-f]{16}$/);

			const jobs = await control.vendor('welcorp').get('jobs');
			const jobId = jobs.jobs[0].job_id;
			const { callbacks } = await control
				.vendor('welcorp')
				.post(`jobs/${jobId}/reply`, { destination: PHONE, response: 'Yes' });
			expect(callbacks).toHaveLength(1);
			if (callbacks[0].status === undefined) {
				expect(callbacks[0].error).toBeDefined(); // the CLI's port: nobody there any more
				return;
			}
			expect(callbacks[0].status).toBe(200);
			const thanks = await waitFor(
				'the thank-you SMS',
				async () => (await jobPosts(control))[1],
				60_000,
			);
			expect(thanks).toEqual({
				job_type: 'sms',
				job_name: 'Appointment confirmed',
				message:
					'Thanks %%recipient%%, your appointment on Monday 9 June at 10:00 is confirmed. See you then!',
				recipients: [{ destination: PHONE, recipient: 'Ann' }],
			});
			await new Promise((resolve) => setTimeout(resolve, 2000));
			expect(await jobPosts(control)).toHaveLength(2);
		},
	},
};
