import type { INodeParameters } from 'n8n-workflow';

import { WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset('admin'));

/** 40,000 characters that make a regular expression with nested repetition take seconds. */
const LONG = `a@${'.'.repeat(39_996)}@x`;
/** As long, but refused at once by any check: what the engine itself takes for such a value. */
const PLAIN = 'x'.repeat(40_000);

/** The fastest of three runs: the machine's load only ever adds time. */
async function timed(parameters: INodeParameters) {
	let fastest = Number.POSITIVE_INFINITY;
	let run: Awaited<ReturnType<typeof fx.run>> | undefined;
	for (let attempt = 0; attempt < 3; attempt++) {
		const started = performance.now();
		run = await fx.run(parameters, { items: [{ json: { long: LONG, plain: PLAIN } }] });
		fastest = Math.min(fastest, performance.now() - started);
	}
	return { ...run!, ms: fastest };
}

const withPlain = (parameters: INodeParameters): INodeParameters =>
	JSON.parse(JSON.stringify(parameters).replace('$json.long', '$json.plain'));

describe('email checks take linear time', () => {
	it('refuses a 40,000-character address at once, wherever an address is asked for', async () => {
		const cases: Array<[string, INodeParameters]> = [
			[
				'Destination',
				{
					resource: 'job',
					operation: 'create',
					jobType: 'email',
					destination: '={{ $json.long }}',
					fromEmail: 'news@example.com',
					textMessage: 'Hello',
				},
			],
			[
				'From Email',
				{
					resource: 'job',
					operation: 'create',
					jobType: 'email',
					destination: 'jane@example.com',
					fromEmail: '={{ $json.long }}',
					textMessage: 'Hello',
				},
			],
			[
				'Email',
				{
					resource: 'user',
					operation: 'update',
					userId: '421',
					updateFields: { email: '={{ $json.long }}' },
				},
			],
			[
				'Destination',
				{
					resource: 'verification',
					operation: 'sendCode',
					clientRef: 'c-1',
					messageType: 'email',
					destination: '={{ $json.long }}',
					companyName: 'ACME',
				},
			],
		];
		await timed(withPlain(cases[0][1])); // warms the engine up
		for (const [field, parameters] of cases) {
			const baseline = await timed(withPlain(parameters));
			expect(baseline.error?.message).toContain(`Invalid "${field}"`);
			const { error, ms } = await timed(parameters);
			expect(error?.message).toMatch(new RegExp(`^Invalid "${field}": "a@\\.{70}`));
			expect(error?.message).toContain('is not an email address');
			// The message shows the start of the address, not 40,000 characters of it.
			expect(error!.message.length).toBeLessThan(200);
			expect(ms).toBeLessThan(baseline.ms + 50);
		}
		expect(await fx.requests()).toEqual([]);
	}, 60_000);
});
