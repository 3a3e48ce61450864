import type { IDataObject } from 'n8n-workflow';

import type { WolkvoxSurveyRow } from '../../sandbox/vendors/wolkvox';
import { getAllParameters, inRange, WolkvoxFixture } from './fixture';

let fx: WolkvoxFixture;
let truth: WolkvoxSurveyRow[];

beforeAll(async () => {
	fx = await WolkvoxFixture.start();
	await fx.reset();
	truth = await fx.rows();
});
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const START = '2025-10-20T00:00:00Z';
const END = '2025-11-14T23:59:59Z';
const rowsInRange = () => inRange(truth, '2025-10-20 00:00:00', '2025-11-14 23:59:59');
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Figures of q1..q3 over some rows, from the ground truth; `scale` as the test sets it. */
function expectedRow(rows: WolkvoxSurveyRow[], keys: IDataObject, scale = { min: 1, max: 5 }) {
	const row: IDataObject = { ...keys, responses: rows.length };
	for (const question of ['q1', 'q2', 'q3']) {
		const values = rows
			.map((entry) => entry[question])
			.filter((value) => value !== '' && value !== undefined)
			.map(Number);
		const count = values.length;
		const lowest = count ? Math.min(...values) : null;
		const nps = scale.min === 0 && scale.max === 10;
		row[`score_${question}_responses`] = count;
		row[`score_${question}_average`] = count
			? round2(values.reduce((a, b) => a + b, 0) / count)
			: null;
		row[`score_${question}_csat`] = count
			? round2((values.filter((value) => value >= scale.max - 1).length / count) * 100)
			: null;
		row[`score_${question}_nps`] =
			nps && count
				? round2(
						((values.filter((v) => v >= 9).length - values.filter((v) => v <= 6).length) / count) *
							100,
					)
				: null;
		row[`score_${question}_lowest`] = lowest;
		row[`score_${question}_lowestCount`] = values.filter((value) => value === lowest).length;
	}
	return row;
}

const summary = (extra: IDataObject = {}) => ({
	resource: 'survey',
	operation: 'getSummary',
	startDate: START,
	endDate: END,
	...extra,
});

const strip = ({ from: _from, to: _to, ...rest }: IDataObject) => rest;

describe('Wolkvox: Survey → Get Summary', () => {
	it('gives per skill (queue) the figures of each question, 1–5 assumed, as the ground truth says', async () => {
		const rows = rowsInRange();
		expect(rows.length).toBeGreaterThan(200);
		const { items, error } = await fx.run(summary({ groupBy: ['queue'] }));
		expect(error).toBeUndefined();
		const skills = [...new Set(rows.map((row) => row.skill_name))].sort();
		expect(items.map((item) => item.json.queue)).toEqual(skills);
		for (const item of items) {
			const mine = rows.filter((row) => row.skill_name === item.json.queue);
			expect(strip(item.json)).toEqual(expectedRow(mine, { queue: item.json.queue }));
		}
		expect(items[0].json.from).toBe('2025-10-20T00:00:00.000Z');
	});

	it('groups by agent × channel and by nothing, and applies the filters', async () => {
		const rows = rowsInRange();
		const all = await fx.run(summary());
		expect(all.items).toHaveLength(1);
		expect(strip(all.items[0].json)).toEqual(expectedRow(rows, {}));
		const byAgent = await fx.run(
			summary({ groupBy: ['agent', 'channel'], filters: { skills: ['302'] } }),
		);
		const support = rows.filter((row) => row.skill_id === '302');
		for (const item of byAgent.items) {
			const mine = support.filter((row) => row.agent_name === item.json.agent);
			expect(strip(item.json)).toEqual(
				expectedRow(mine, { agent: item.json.agent, channel: 'voice' }),
			);
		}
		expect(byAgent.items.reduce((sum, item) => sum + Number(item.json.responses), 0)).toBe(
			support.length,
		);
	});

	it('reads the scale from Options: 0–10 gives NPS and top-two CSAT at 9–10', async () => {
		const rows = rowsInRange();
		const { items } = await fx.run(summary({ options: { scaleMin: 0, scaleMax: 10 } }));
		expect(strip(items[0].json)).toEqual(expectedRow(rows, {}, { min: 0, max: 10 }));
		expect(items[0].json.score_q1_nps).toBe(-100); // every answer is 5 or less: all detractors
		const wrong = await fx.run(summary({ options: { scaleMin: 5, scaleMax: 1 } }));
		expect(wrong.error?.message).toContain('Invalid "Lowest Answer" / "Highest Answer"');
	});

	it('sends the same report requests as Get Many, one window after another', async () => {
		const options = { windowDays: 7 };
		await fx.run(getAllParameters(START, END, { options }));
		const many = (await fx.reports()).map((request) => request.query);
		await fx.reset();
		await fx.run(summary({ groupBy: ['day'], options }));
		const summed = (await fx.reports()).map((request) => request.query);
		expect(summed).toEqual(many);
		expect(many).toHaveLength(4);
		expect((await fx.stats()).maxConcurrency).toBe(1);
	});
});
