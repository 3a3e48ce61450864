/**
 * "Fetch Test Event" looks for the newest item in the last day, then the week before it, then the
 * 30 days before that: `windows` are each read's first and last date, in days before the test.
 */
export function expectSampleWindows(windows: number[][]): void {
	const expected = [
		[1, 0],
		[7, 1],
		[30, 7],
	];
	expect(windows).toHaveLength(expected.length);
	expected.forEach(([first, last], index) => {
		expect(windows[index][0]).toBeCloseTo(first, 3);
		expect(windows[index][1]).toBeCloseTo(last, 3);
	});
}
