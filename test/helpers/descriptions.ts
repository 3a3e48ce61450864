/**
 * Pins what users read in the editor: every node's, trigger's and credential's description
 * (labels, hints, defaults, options, action sentences) as reviewed in the committed snapshot
 * (`__snapshots__/description.test.ts.snap` beside each vendor's tests). A changed word fails here
 * until the snapshot is updated on purpose (`npx jest <file> -u`) and the diff is read.
 */
export function pinDescriptions(described: Record<string, object>): void {
	describe('what the editor shows (reviewed snapshot)', () => {
		it.each(Object.keys(described))('%s', (name) => {
			expect(described[name]).toMatchSnapshot();
		});
	});
}
