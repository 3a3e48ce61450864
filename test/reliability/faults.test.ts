import { CELLS } from './cells';
import { Evidence, writeResult } from './evidence';
import { runVendorMatrix, type CellResult } from './matrix';
import { VENDORS } from './vendors';

/**
 * Fault matrix (issue 9, part 1): every operation of every vendor under every fault, one emulator
 * per vendor, the vendors side by side. Figures go to .cache/reliability/faults.json.
 */
const evidence = new Evidence();
const results: CellResult[] = [];
const started = Date.now();

const describeCell = (cell: CellResult) =>
	`${cell.vendor} ${cell.operation} × ${cell.kind}: ${cell.status}${cell.detail ? ` – ${cell.detail}` : ''}`;

describe('fault matrix', () => {
	it.concurrent.each(VENDORS.map((vendor) => vendor.key))(
		'%s: every operation recovers from transient faults or fails clearly; writes are sent once',
		async (key) => {
			const cells = await runVendorMatrix(key, evidence);
			results.push(...cells);
			expect(
				cells.filter((cell) => cell.status === 'fail' || cell.status === 'fixed').map(describeCell),
			).toEqual([]);
		},
		240_000,
	);

	it('leaks no credential value in outputs, errors or logs', () => {
		evidence.collectLogs('fault matrix');
		const { scanned, leaks } = evidence.summary;
		const passed = results.filter((cell) => cell.status === 'pass').length;
		const order = (cell: CellResult) =>
			CELLS.findIndex((row) => row.vendor === cell.vendor && row.operation === cell.operation);
		results.sort((a, b) => order(a) - order(b));
		writeResult('faults', {
			durationMs: Date.now() - started,
			cells: results,
			secrets: { scanned, leaks: leaks.length },
		});
		console.log(
			`Fault matrix: ${passed}/${results.length} cells passed; ${scanned} strings scanned for secrets, ${leaks.length} leaks`,
		);
		expect(scanned).toBeGreaterThan(results.length);
		expect(leaks).toEqual([]);
	});
});
