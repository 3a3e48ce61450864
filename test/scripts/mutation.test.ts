// scripts/mutation.js is plain JavaScript (Node built-ins only): typed here by hand
interface Figures {
	detected: number;
	counted: number;
}
interface Survivor {
	key: string;
	file: string;
	line: number;
	status: string;
}
interface Kept {
	generatedAt?: string;
	folders?: Record<string, Figures & { files?: number }>;
	files?: Record<string, Figures & { at?: string }>;
	survivors?: Survivor[];
}
interface MutationScript {
	merge(
		kept: Kept,
		measured: string[],
		at: string,
		run: { files: Record<string, Figures>; survivors: Survivor[] },
	): Kept;
	render(kept: Kept, equivalent: Record<string, string>): string;
	summarize(report: { files: Record<string, { source: string; mutants: StrykerMutant[] }> }): {
		files: Record<string, Figures>;
		survivors: Survivor[];
	};
	forgetStaticSurvivors(incremental: {
		files: Record<string, { mutants: Array<{ id: string; status: string; static: boolean }> }>;
	}): number;
	completeFiles(partial: unknown): { files: Record<string, unknown> };
}
interface StrykerMutant {
	mutatorName: string;
	replacement: string;
	status: string;
	location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
const { completeFiles, forgetStaticSurvivors, merge, render, summarize } =
	require('../../scripts/mutation') as MutationScript;

const survivor = (file: string, line: number): Survivor => ({
	key: `${file} | BooleanLiteral | true → false`,
	file,
	line,
	status: 'Survived',
});

const rowOf = (report: string, folder: string) =>
	report.split('\n').find((line) => line.startsWith(`| ${folder} |`));

describe('mutation report: an area measured a few files at a time', () => {
	const first = merge({}, ['nodes/shared/retry.ts', 'nodes/shared/text.ts'], 'T1', {
		files: { 'nodes/shared/retry.ts': { detected: 9, counted: 10 } },
		survivors: [survivor('nodes/shared/retry.ts', 3)],
	});

	it('counts a measured file without mutants as measured, and says the folder is not whole', () => {
		expect(first.files).toEqual({
			'nodes/shared/retry.ts': { detected: 9, counted: 10, at: 'T1' },
			'nodes/shared/text.ts': { detected: 0, counted: 0, at: 'T1' },
		});
		const row = rowOf(render(first, {}), 'nodes/shared');
		expect(row).toContain('| 2 of 31 | 10 | 9 | 0 | 90.0 % |');
		expect(row).toContain('not all files measured');
		expect(row).not.toContain('✓');
	});

	it('replaces only the measured files: their figures and their survivors', () => {
		const second = merge(first, ['nodes/shared/retry.ts'], 'T2', {
			files: { 'nodes/shared/retry.ts': { detected: 10, counted: 10 } },
			survivors: [],
		});
		expect(second.files?.['nodes/shared/retry.ts']).toEqual({
			detected: 10,
			counted: 10,
			at: 'T2',
		});
		expect(second.files?.['nodes/shared/text.ts']).toEqual({ detected: 0, counted: 0, at: 'T1' });
		expect(second.survivors).toEqual([]);
		expect(second.generatedAt).toBe('T2');
	});

	it('lists an area never measured, and scores a folder measured whole against its goal', () => {
		const vendor = merge(
			{ folders: { 'nodes/Wolkvox': { detected: 7, counted: 10, files: 2 } } },
			['nodes/Wolkvox/WolkvoxTrigger.node.ts', 'nodes/Wolkvox/transport/index.ts'],
			'T3',
			{
				files: {
					'nodes/Wolkvox/WolkvoxTrigger.node.ts': { detected: 5, counted: 6 },
					'nodes/Wolkvox/transport/index.ts': { detected: 3, counted: 4 },
				},
				survivors: [
					survivor('nodes/Wolkvox/WolkvoxTrigger.node.ts', 8),
					survivor('nodes/Wolkvox/transport/index.ts', 9),
				],
			},
		);
		// the folder figure of an older run gives way to the files'
		expect(vendor.folders).toEqual({});
		const equivalent = {
			'nodes/Wolkvox/transport/index.ts | BooleanLiteral | true → false': 'changes nothing',
		};
		const report = render(vendor, equivalent);
		expect(rowOf(report, 'nodes/Wolkvox')).toBe(
			'| nodes/Wolkvox | 2 of 2 | 10 | 8 | 1 | 90.0 % | ✓ 75 % |',
		);
		expect(rowOf(report, 'nodes/WesalVoc')).toContain('| 0 of 3 |');
		expect(rowOf(report, 'nodes/WesalVoc')).toContain('not measured yet');
		expect(report).toContain('## To kill (1)');
		expect(report).toContain('`nodes/Wolkvox/WolkvoxTrigger.node.ts:8` Survived');
		expect(report).toContain('## Equivalent (1)');
	});
});

describe("mutation report: a mutant's key", () => {
	it('tells the same change on two lines apart, and names the line', () => {
		const source = ["errorText: ['message', 'error'],", "bodyFailure: ['message'],"].join('\n');
		const at = (line: number, column: number, status: string): StrykerMutant => ({
			mutatorName: 'StringLiteral',
			replacement: '""',
			status,
			location: { start: { line, column }, end: { line, column: column + 9 } },
		});
		const { files, survivors } = summarize({
			files: {
				'nodes/X/transport/index.ts': {
					source,
					mutants: [at(1, 13, 'Survived'), at(2, 15, 'Survived'), at(2, 15, 'Killed')],
				},
			},
		});
		expect(files).toEqual({ 'nodes/X/transport/index.ts': { detected: 1, counted: 3 } });
		expect(survivors.map((s) => [s.line, s.key])).toEqual([
			[
				1,
				`nodes/X/transport/index.ts | StringLiteral | 'message' → "" | on: ${source.split('\n')[0]}`,
			],
			[
				2,
				`nodes/X/transport/index.ts | StringLiteral | 'message' → "" | on: ${source.split('\n')[1]}`,
			],
		]);
	});
});

describe('mutation rerun: what is tested again', () => {
	it('drops only the static survivors from the incremental file', () => {
		const mutant = (id: string, status: string, isStatic: boolean) => ({
			id,
			status,
			static: isStatic,
		});
		const incremental = {
			files: {
				'nodes/X/a.ts': {
					mutants: [
						mutant('1', 'Survived', true),
						mutant('2', 'Survived', false),
						mutant('3', 'Killed', true),
					],
				},
				'nodes/X/b.ts': {
					mutants: [mutant('4', 'Survived', true), mutant('5', 'NoCoverage', false)],
				},
			},
		};
		expect(forgetStaticSurvivors(incremental)).toBe(2);
		expect(incremental.files['nodes/X/a.ts'].mutants.map((m) => m.id)).toEqual(['2', '3']);
		expect(incremental.files['nodes/X/b.ts'].mutants.map((m) => m.id)).toEqual(['5']);
	});
});

describe('mutation run stopped before its end', () => {
	it('keeps the files whose mutants were all tested, and none of a run never started', () => {
		const file = (...statuses: string[]) => ({
			source: 'x',
			mutants: statuses.map((status, i) => ({ id: String(i), status })),
		});
		const partial = {
			files: {
				'nodes/X/done.ts': file('Killed', 'Survived', 'NoCoverage'),
				'nodes/X/half.ts': file('Killed', 'Pending'),
				'nodes/X/none.ts': file(),
			},
		};
		expect(Object.keys(completeFiles(partial).files)).toEqual([
			'nodes/X/done.ts',
			'nodes/X/none.ts',
		]);
		expect(completeFiles(partial).files['nodes/X/done.ts']).toBe(partial.files['nodes/X/done.ts']);
		expect(completeFiles(undefined)).toEqual({ files: {} });
	});
});
