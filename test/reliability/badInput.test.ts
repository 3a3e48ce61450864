import { BAD_INPUTS, KNOWN_BAD_INPUTS, type BadInput } from './badInputs';
import { Evidence, writeResult } from './evidence';
import { VENDORS, type VendorSession } from './vendors';

/**
 * Bad input (issue 9, part 3): each case is refused with a NodeOperationError naming the field and
 * what is allowed, before any request reaches the emulator, and gives an error item under
 * Continue On Fail. Figures go to .cache/reliability/bad-input.json.
 */
const evidence = new Evidence();
const outcomes: Array<{
	vendor: string;
	name: string;
	status: 'pass' | 'fail' | 'known';
	detail?: string;
}> = [];

function matches(message: string | undefined, expected: string): boolean {
	return expected.endsWith('…')
		? (message ?? '').startsWith(expected.slice(0, -1))
		: message === expected;
}

it('has at least 50 cases, for every vendor', () => {
	expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(50);
	expect(new Set(BAD_INPUTS.map(([vendor]) => vendor))).toEqual(
		new Set(VENDORS.map((vendor) => vendor.key)),
	);
});

describe.each(VENDORS)('$key', (vendor) => {
	let session: VendorSession;
	const rows = BAD_INPUTS.filter(([key]) => key === vendor.key);

	beforeAll(async () => {
		session = await vendor.start();
		// A logged-in credential: what follows must need no request at all.
		if (vendor.warmUp) expect((await session.run(vendor.warmUp)).error).toBeUndefined();
	});
	afterAll(async () => await session?.close());

	async function refuse([, name, parameters, message]: BadInput): Promise<void> {
		let problem: string | undefined;
		try {
			await session.emulator.clearRequests();
			const alone = await session.run(parameters);
			evidence.collectRun(`${vendor.key} ${name}`, session, vendor, alone);
			const cont = await session.run(parameters, { continueOnFail: true });
			evidence.collectRun(`${vendor.key} ${name} (continue on fail)`, session, vendor, cont);
			const requests = await session.emulator.requests(vendor.emulatorName);

			expect(alone.error?.name).toBe('NodeOperationError');
			expect(matches(alone.error?.message, message) ? message : alone.error?.message).toBe(message);
			expect(cont.error).toBeUndefined();
			expect(cont.items).toHaveLength(1);
			expect(cont.items[0].pairedItem).toEqual({ item: 0 });
			expect(
				matches(cont.items[0].json.error as string, message) ? message : cont.items[0].json.error,
			).toBe(message);
			expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([]);
		} catch (error) {
			problem = (error as Error).message.split('\n').filter(Boolean).slice(0, 3).join(' ');
			throw error;
		} finally {
			const known = KNOWN_BAD_INPUTS[`${vendor.key}: ${name}`];
			outcomes.push({
				vendor: vendor.key,
				name,
				status: problem ? (known ? 'known' : 'fail') : 'pass',
				detail: problem && (known ?? problem),
			});
		}
	}

	const known = (row: BadInput) => `${row[0]}: ${row[1]}` in KNOWN_BAD_INPUTS;
	const fine = rows.filter((row) => !known(row));
	const failing = rows.filter(known);
	if (fine.length) it.each(fine)('%s: %s', async (...row) => await refuse(row as BadInput));
	// Reported bugs: these must fail until fixed; then move the row out of KNOWN_BAD_INPUTS.
	if (failing.length)
		it.failing.each(failing)('%s: %s (known bug)', async (...row) => await refuse(row as BadInput));
});

afterAll(() => {
	evidence.collectLogs('bad input');
	const { scanned, leaks } = evidence.summary;
	writeResult('bad-input', { cases: outcomes, secrets: { scanned, leaks: leaks.length } });
	const passed = outcomes.filter((outcome) => outcome.status === 'pass').length;
	console.log(
		`Bad input: ${passed}/${outcomes.length} cases refused before any request; ${scanned} strings scanned for secrets, ${leaks.length} leaks`,
	);
	if (leaks.length) throw new Error(`Secrets leaked: ${leaks.join('; ')}`);
});
