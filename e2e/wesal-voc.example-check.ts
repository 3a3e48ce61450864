/**
 * Ground-truth checks for the Wesal VoC examples (see e2e/examples.checks.ts): expected items are
 * computed from the emulator's surveys, read through its control API at run time.
 */
import { WESAL_VOC_QUESTIONS } from '../sandbox/vendors/wesalVoc';
import { nodeItems, windowEnds, type ExampleCheck } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
interface RawSurvey {
	_id: string;
	surveyDate: string;
	type: string;
	queue: string;
	agent: string;
	answers: Record<string, string>;
}

const DAY = 86_400_000;

async function wesalVocSurveys(control: any): Promise<RawSurvey[]> {
	const { surveys } = await control.vendor('wesal-voc').get('surveys');
	return surveys as RawSurvey[];
}

const surveyMs = (s: RawSurvey) => Date.parse(`${s.surveyDate}Z`);

const inWindow = (s: RawSurvey, end: number, spanMs: number) =>
	surveyMs(s) >= end - spanMs && surveyMs(s) <= end;

/** The simplified scores of a raw survey, in the order the node gives them (schema order, then unknown ids). */
function scoresOf(s: RawSurvey): Array<{ question: string; value: number | null }> {
	const known = WESAL_VOC_QUESTIONS.filter((q) => q.id in s.answers).map((q) => ({
		question: q.name as string,
		answer: s.answers[q.id],
	}));
	const ids = new Set<string>(WESAL_VOC_QUESTIONS.map((q) => q.id));
	const unknown = Object.keys(s.answers)
		.filter((id) => !ids.has(id))
		.map((id) => ({ question: id, answer: s.answers[id] }));
	return [...known, ...unknown].map(({ question, answer }) => {
		const n = answer === undefined || answer.trim() === '' ? NaN : Number(answer);
		return { question, value: Number.isFinite(n) ? n : null };
	});
}

function expectedAlert(s: RawSurvey): string {
	const low = scoresOf(s).filter((score) => score.value !== null && score.value <= 2);
	const date = new Date(surveyMs(s)).toISOString();
	return `Low CSAT for ${s.agent} (${s.queue}, ${s.type}, ${date}): ${low.map((x) => `${x.question} ${x.value}`).join(', ')}`;
}

const isLow = (s: RawSurvey) =>
	scoresOf(s).some((score) => score.value !== null && score.value <= 2);

function perAgent(surveys: RawSurvey[]) {
	const byAgent = new Map<
		string,
		{ surveys: number; totals: Record<string, { sum: number; answers: number }> }
	>();
	for (const s of surveys) {
		const row = byAgent.get(s.agent) ?? { surveys: 0, totals: {} };
		row.surveys += 1;
		for (const { question, value } of scoresOf(s)) {
			if (value === null) continue;
			const total = row.totals[question] ?? { sum: 0, answers: 0 };
			total.sum += value;
			total.answers += 1;
			row.totals[question] = total;
		}
		byAgent.set(s.agent, row);
	}
	const round = (v: number) => Math.round(v * 100) / 100;
	return [...byAgent.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([agent, { surveys: count, totals }]) => ({
			agent,
			surveys: count,
			averages: Object.fromEntries(
				Object.entries(totals).map(([q, t]) => [q, round(t.sum / t.answers)]),
			),
			answers: Object.fromEntries(Object.entries(totals).map(([q, t]) => [q, t.answers])),
		}));
}

export const wesalVocExampleChecks: Record<string, ExampleCheck> = {
	'wesal-voc-low-csat-alert.json': {
		// Three fresh surveys, so the last 24 hours surely hold a low and a good one.
		prepare: async (control) =>
			await control.vendor('wesal-voc').post('surveys', {
				surveys: [
					{
						agent: 'Sara',
						queue: 'Support',
						type: 'chat',
						answers: { AgentSatisfaction: '1', ServiceSatisfaction: '4' },
					},
					{
						agent: 'Omar',
						queue: 'VIP',
						type: 'voice',
						answers: { AgentSatisfaction: '5', ServiceSatisfaction: '5', NPS: '2' },
					},
					{
						agent: 'Lama',
						queue: 'Sales',
						type: 'voice',
						answers: { AgentSatisfaction: '5', ServiceSatisfaction: '5', NPS: '10' },
					},
				],
			}),
		check: async ({ run, control }) => {
			const surveys = await wesalVocSurveys(control);
			const alerts = nodeItems(run, 'Format alert');
			const span = DAY;
			const candidates = windowEnds(run, span, surveys.map(surveyMs)).map((end) => {
				const low = surveys.filter((s) => inWindow(s, end, span) && isLow(s));
				return low.map((s) => ({ alert: expectedAlert(s), surveyId: s._id, agent: s.agent }));
			});
			const got = alerts.map((a) => ({ alert: a.alert, surveyId: a.surveyId, agent: a.agent }));
			const byId = (x: { surveyId: string }, y: { surveyId: string }) =>
				x.surveyId < y.surveyId ? -1 : 1;
			const match = candidates.find(
				(want) => JSON.stringify([...want].sort(byId)) === JSON.stringify([...got].sort(byId)),
			);
			expect(got.length).toBeGreaterThanOrEqual(2);
			expect([...got].sort(byId)).toEqual(
				match ? [...match].sort(byId) : [...candidates[0]].sort(byId),
			);
			// the good survey went to the IF node's false branch
			const passed = nodeItems(run, 'Any score 2 or less?', 1).map((x) => x.surveyId);
			expect(passed.length).toBeGreaterThan(0);
			expect(passed.filter((id: string) => got.some((g) => g.surveyId === id))).toEqual([]);
		},
	},

	'wesal-voc-weekly-csat-by-agent.json': {
		check: async ({ run, control }) => {
			const surveys = await wesalVocSurveys(control);
			const span = 7 * DAY;
			const got = nodeItems(run, 'Average per agent');
			const candidates = windowEnds(run, span, surveys.map(surveyMs)).map((end) =>
				perAgent(surveys.filter((s) => inWindow(s, end, span))),
			);
			const match = candidates.find((want) => JSON.stringify(want) === JSON.stringify(got));
			expect(got.length).toBeGreaterThan(0);
			expect(got).toEqual(match ?? candidates[0]);
			// and the node itself read every survey of the week: one item per survey
			const read = nodeItems(run, 'Surveys of the last 7 days');
			expect(read.length).toBe(got.reduce((n: number, row: any) => n + row.surveys, 0));
		},
	},
};
