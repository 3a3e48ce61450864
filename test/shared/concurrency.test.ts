import { mapWithConcurrency } from '../../nodes/shared';

const later = <T>(value: T, ms: number) =>
	new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('calls with a limit on how many run at once', () => {
	it('keeps the input order whatever order the answers come in', async () => {
		const delays = [30, 5, 20, 1];
		expect(
			await mapWithConcurrency(delays, 2, async (ms, index) => later(`${index}:${ms}`, ms)),
		).toEqual(['0:30', '1:5', '2:20', '3:1']);
	});

	it('never has more calls in flight than the limit, and uses all of it', async () => {
		let running = 0;
		let most = 0;
		await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (value) => {
			most = Math.max(most, ++running);
			await later(null, 5);
			running--;
			return value;
		});
		expect(most).toBe(3);
	});

	it('starts nothing new after a failure, waits for the running calls, then throws the first error', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		const run = mapWithConcurrency([0, 1, 2, 3, 4], 2, async (value) => {
			started.push(value);
			if (value === 0) throw new Error('first');
			await later(null, 20);
			finished.push(value);
			if (value === 1) throw new Error('second');
			return value;
		});
		await expect(run).rejects.toThrow('first');
		expect(started).toEqual([0, 1]);
		expect(finished).toEqual([1]);
	});

	it('returns an empty list for no items, and refuses a limit that is not a positive whole number', async () => {
		expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
		for (const limit of [0, -1, 1.5, Number.NaN])
			await expect(mapWithConcurrency([1], limit, async () => 1)).rejects.toThrow(
				`Concurrency limit must be a positive integer, got ${limit}`,
			);
		expect(await mapWithConcurrency([7], 1, async (value) => value * 2)).toEqual([14]);
	});
});
