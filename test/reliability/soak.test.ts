import { Evidence, writeResult } from './evidence';
import { KNOWN_LOSSES, soak, SOAK_DEFAULTS, TRIGGERS, type SoakReport } from './soak';

/**
 * Lossless polling soak (issue 9, part 2). `npm test` runs a short one (60 cycles per trigger);
 * `npm run soak` sets SOAK_CYCLES=1000. Figures go to .cache/reliability/soak-<short|full>.json.
 */
const cycles = Number(process.env.SOAK_CYCLES ?? 60);
const evidence = new Evidence();
const reports: SoakReport[] = [];
const started = Date.now();
const STATE_LIMIT = 64 * 1024;

describe(`polling soak, ${cycles} cycles per trigger`, () => {
	it.concurrent.each(TRIGGERS.map((trigger) => [trigger.name, trigger] as const))(
		'%s: nothing lost, nothing emitted twice, small state',
		async (_name, trigger) => {
			const report = await soak(trigger, { ...SOAK_DEFAULTS, cycles }, evidence);
			reports.push(report);
			expect(report.items).toBeGreaterThan(cycles / 4);
			// A reported loss is shown in the figures; interrupted.test.ts holds it until it is fixed.
			const lost = KNOWN_LOSSES[trigger.name] ? [] : report.lostIds;
			expect({ lost, duplicated: report.duplicatedIds, unexpected: report.unexpected }).toEqual({
				lost: [],
				duplicated: [],
				unexpected: 0,
			});
			expect(report.unexpectedErrors).toEqual([]);
			expect(report.manualChangedState).toBe(0);
			expect(report.maxStateBytes).toBeLessThan(STATE_LIMIT);
		},
		Math.max(120_000, cycles * 1500),
	);

	it('leaks no credential value in outputs, errors or logs', () => {
		evidence.collectLogs('soak');
		const { scanned, leaks } = evidence.summary;
		const order = (report: SoakReport) =>
			TRIGGERS.findIndex((trigger) => trigger.name === report.trigger);
		reports.sort((a, b) => order(a) - order(b));
		writeResult(cycles >= 1000 ? 'soak-full' : 'soak-short', {
			cycles,
			durationMs: Date.now() - started,
			triggers: reports,
			secrets: { scanned, leaks: leaks.length },
		});
		for (const r of reports) {
			console.log(
				`${r.trigger}: ${r.cycles} cycles, ${r.items} items, ${r.lost} lost, ${r.duplicated} duplicated, max state ${r.maxStateBytes} B, ${r.faults} faults, ${r.restarts} restarts, ${r.repeats} repeated polls (${Math.round(r.ms / 1000)} s)`,
			);
		}
		expect(leaks).toEqual([]);
	});
});
