/**
 * Ground-truth check for examples/wolkvox-voc-detractors.json (picked up by e2e/package.e2e.test.ts).
 * Expected items come from the emulator's control API at run time.
 */
import type { ExampleCheck } from './examples.checks';
import { nodeItems } from './examples.checks';

type Row = Record<string, string>;

const DAY = 86_400_000;

const rowMs = (row: Row) => Date.parse(`${row.date.replace(' ', 'T')}Z`);
const questions = (row: Row) =>
	Object.keys(row)
		.filter((key) => /^q\d+$/.test(key))
		.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
/** The lowest numeric answer and its question (the first of equals), as the report row has them. */
function lowest(row: Row): { question: string; value: number } | undefined {
	let found: { question: string; value: number } | undefined;
	for (const question of questions(row)) {
		const text = row[question].trim();
		if (text === '' || !Number.isFinite(Number(text))) continue;
		if (!found || Number(text) < found.value) found = { question, value: Number(text) };
	}
	return found;
}
const feeling = (row: Row) => {
	const text = row.feeling.trim().toUpperCase();
	if (text.startsWith('NEG')) return 'negative';
	if (text.startsWith('POS')) return 'positive';
	if (text.startsWith('NEU')) return 'neutral';
	return undefined;
};
const isDetractor = (row: Row) => (lowest(row)?.value ?? 99) <= 2 || feeling(row) === 'negative';

/** The message the example's "Format detractor" node writes, from the raw report row. */
function detractorMessage(row: Row): string {
	const low = lowest(row);
	const date = new Date(rowMs(row)).toISOString();
	return `Detractor for ${row.agent_name} (${row.skill_name}), call ${row.conn_id} on ${date}: lowest answer ${low ? low.value : 'none'} (${low ? low.question : 'no score'}), feeling ${feeling(row) ?? 'none'}`;
}

export const wolkvoxExampleChecks: Record<string, ExampleCheck> = {
	'wolkvox-voc-detractors.json': {
		// Fresh responses, so the last 24 hours surely hold a low answer, a negative feeling and a happy customer.
		prepare: async (control) =>
			await control.vendor('wolkvox').post('surveys', {
				surveys: [
					{ q1: '1', q2: '4', q3: '5', feeling: '', voice_message: '' },
					{
						q1: '5',
						q2: '5',
						q3: '4',
						feeling: 'NEGATIVE',
						voice_message: 'Esperé demasiado tiempo',
					},
					{ q1: '5', q2: '5', q3: '5', feeling: 'POSITIVE', voice_message: 'Muy buena atención' },
				],
			}),
		check: async ({ run, control }) => {
			const rows = (await control.vendor('wolkvox').get('surveys')).surveys as Row[];
			const got = nodeItems(run, 'Format detractor')
				.map((item) => item.message as string)
				.sort();
			// The node reads whole seconds: [end - 24 h, end] for the second in which `$now` was read.
			const first = Math.floor(Date.parse(run.startedAt) / 1000) * 1000;
			const last = Date.parse(run.stoppedAt ?? run.startedAt);
			const candidates: string[][] = [];
			for (let end = first; end <= last; end += 1000) {
				candidates.push(
					rows
						.filter((row) => rowMs(row) >= end - DAY && rowMs(row) <= end && isDetractor(row))
						.map(detractorMessage)
						.sort(),
				);
			}
			const match = candidates.find((want) => JSON.stringify(want) === JSON.stringify(got));
			expect(got.length).toBeGreaterThanOrEqual(2);
			expect(got).toEqual(match ?? candidates[0]);
			// The happy customer went to the IF node's false branch; every response read went one way or the other.
			const happy = nodeItems(run, 'Detractor?', 1);
			expect(happy.some((item) => item.comment === 'Muy buena atención')).toBe(true);
			expect(happy.length + got.length).toBe(
				nodeItems(run, 'Responses of the last 24 hours').length,
			);
		},
	},
};
