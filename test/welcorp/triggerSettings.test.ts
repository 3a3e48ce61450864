import type { INodeParameters } from 'n8n-workflow';

import { activationRefusal } from '../harness';
import { WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const activationError = (parameters: INodeParameters) => activationRefusal(fx.poller(parameters));

describe('Welcorp Trigger: Options → Track Jobs For (Days)', () => {
	it('refuses a value that is not a positive number, before reading anything', async () => {
		// The field has a minimum of 1, but an expression can give anything.
		const cases: Array<[unknown, string]> = [
			[0, 'Got 0. Nothing was read.'],
			[-1, 'Got -1. Nothing was read.'],
			['={{ "7" }}', 'Got "7". Nothing was read.'],
			['={{ NaN }}', 'Got null. Nothing was read.'],
			['={{ Infinity }}', 'Got null. Nothing was read.'],
		];
		for (const [trackDays, description] of cases) {
			const outcome = await activationError({
				event: 'jobCompleted',
				options: { trackDays } as INodeParameters,
			});
			expect([trackDays, outcome]).toEqual([
				trackDays,
				{
					message: 'Invalid "Track Jobs For (Days)": must be a positive number',
					description,
				},
			]);
		}
		expect(await fx.requests()).toEqual([]);
	});

	it('accepts a fraction of a day', async () => {
		const poller = fx.poller({ event: 'jobCompleted', options: { trackDays: 0.5 } });
		expect((await poller.activate()).error).toBeUndefined();
	});
});

describe('Welcorp Trigger: the operation named in a failed poll', () => {
	for (const [event, operation] of [
		['newJob', 'Trigger: New Job'],
		['jobCompleted', 'Trigger: Job Completed'],
	]) {
		it(`${event}: "${operation}"`, async () => {
			const poller = fx.poller({ event });
			await poller.activate();
			await fx.emulator.fault({
				vendor: 'welcorp',
				method: 'GET',
				path: '/jobs',
				kind: 'status',
				status: 400,
				count: 1,
			});
			const { error } = await poller.poll({ expectError: true });
			expect(error.message).toBe(`Welcorp refused "${operation}" (HTTP 400): Bad Request`);
		});
	}
});

describe('Welcorp Trigger: Options → Timeout', () => {
	it('bounds each request of a poll, and says so', async () => {
		const poller = fx.poller({ event: 'newJob', options: { timeout: 100 } });
		await poller.activate();
		// Each of the 4 attempts gets an answer after 1 s: long after the 0.1 s asked for.
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'GET',
			path: '/jobs',
			kind: 'delay',
			delayMs: 1000,
			count: 4,
		});
		const { error } = await poller.poll({ expectError: true });
		expect(error.message).toBe('Welcorp did not answer "Trigger: New Job" within 0.1 s');
		expect((error as Error & { description?: string }).description).toBe(
			'Raise Options → Timeout, or try again later. It was tried 4 times.',
		);
	});
});
