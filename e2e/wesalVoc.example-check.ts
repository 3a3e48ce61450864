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

/** The lowest numeric score of a survey; the first such question in the node's order on a tie. */
function lowestOf(s: RawSurvey): { question: string; value: number } | undefined {
	let lowest: { question: string; value: number } | undefined;
	for (const score of scoresOf(s)) {
		if (score.value === null) continue;
		if (!lowest || score.value < lowest.value)
			lowest = { question: score.question, value: score.value };
	}
	return lowest;
}

/** The alert the example's "Format alert" node writes: the survey's lowest question and score. */
function expectedAlert(s: RawSurvey): string {
	const lowest = lowestOf(s)!;
	const date = new Date(surveyMs(s)).toISOString();
	return `Low CSAT for ${s.agent} (${s.queue}, ${s.type}, ${date}): ${lowest.question} ${lowest.value}`;
}

const isLow = (s: RawSurvey) => (lowestOf(s)?.value ?? Infinity) <= 2;

/** The example's output fields per question of the emulator's company, in the "Average per agent" order. */
const FIELDS: Array<[question: string, field: string]> = [
	['Agent Satisfaction', 'agentSatisfaction'],
	['Service Satisfaction', 'serviceSatisfaction'],
	['Net Promoter Score', 'netPromoterScore'],
];

/** Per agent, alphabetical ignoring case: surveys, and each question's average (2 decimals) and answers. */
function perAgent(surveys: RawSurvey[]) {
	const byAgent = new Map<string, RawSurvey[]>();
	for (const s of surveys) byAgent.set(s.agent, [...(byAgent.get(s.agent) ?? []), s]);
	return [...byAgent.entries()]
		.sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
		.map(([agent, own]) => {
			const row: Record<string, unknown> = { agent, surveys: own.length };
			for (const [question, field] of FIELDS) {
				const values = own
					.flatMap((s) => scoresOf(s))
					.filter((score) => score.question === question && score.value !== null)
					.map((score) => score.value as number);
				const sum = values.reduce((total, value) => total + value, 0);
				// n8n's round(2) is toFixed(2); no answers averages to NaN, which JSON shows as null
				row[field] = values.length ? +(sum / values.length).toFixed(2) : null;
				row[`${field}Answers`] = values.length;
			}
			return row;
		});
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

const RIYADH_OFFSET_MS = 3 * 3_600_000; // Asia/Riyadh, the suite's time zone: UTC+3 all year
const riyadhDate = (ms: number) => new Date(ms + RIYADH_OFFSET_MS).toISOString().slice(0, 10);

/** Per question of the emulator's schema: the field prefix the simplified output uses, and its scale. */
const SCALES: Array<{ id: string; prefix: string; min: number; max: number }> = [
	{ id: 'AgentSatisfaction', prefix: 'score_agent_satisfaction', min: 1, max: 5 },
	{ id: 'ServiceSatisfaction', prefix: 'score_service_satisfaction', min: 1, max: 5 },
	{ id: 'NPS', prefix: 'score_net_promoter_score', min: 0, max: 10 },
];
const hundredths = (n: number) => Math.round(n * 100) / 100;

/** The figures of one queue's surveys, per question: written from the definitions. */
function queueRow(queue: string, day: string, own: RawSurvey[]) {
	const row: Record<string, unknown> = { queue, day, responses: own.length };
	for (const { id, prefix, min, max } of SCALES) {
		const values = own
			.map((s) => s.answers[id])
			.filter((answer) => answer !== undefined && answer.trim() !== '')
			.map(Number)
			.filter((n) => Number.isFinite(n));
		const n = values.length;
		const share = (count: number) => (n ? hundredths((count / n) * 100) : null);
		const lowest = n ? Math.min(...values) : null;
		row[`${prefix}_responses`] = n;
		row[`${prefix}_average`] = n ? hundredths(values.reduce((a, b) => a + b, 0) / n) : null;
		// CSAT: the top two points of the scale
		row[`${prefix}_csat`] = share(values.filter((v) => v >= max - 1).length);
		// NPS only for 0-10 questions: promoters (9-10) minus detractors (0-6)
		row[`${prefix}_nps`] =
			min === 0 && max === 10
				? share(values.filter((v) => v >= 9).length - values.filter((v) => v <= 6).length)
				: null;
		row[`${prefix}_lowest`] = lowest;
		row[`${prefix}_lowestCount`] = values.filter((v) => v === lowest).length;
	}
	return row;
}

export const wesalVocSummaryExampleChecks: Record<string, ExampleCheck> = {
	'wesal-voc-daily-csat-by-queue-to-sheet.json': {
		check: async ({ run, control }) => {
			const surveys = await wesalVocSurveys(control);
			// "yesterday" in the workflow's time zone, as the run saw its $today
			const today = riyadhDate(Date.parse(run.startedAt));
			const startMs = Date.parse(`${today}T00:00:00+03:00`) - DAY;
			const yesterday = riyadhDate(startMs);
			const own = surveys.filter((s) => surveyMs(s) >= startMs && surveyMs(s) < startMs + DAY);
			const queues = [...new Set(own.map((s) => s.queue))].sort();
			expect(queues.length).toBeGreaterThan(1);

			const rows = nodeItems(run, 'CSAT of yesterday by queue');
			expect(rows.map((row) => row.queue)).toEqual(queues);
			for (const queue of queues) {
				const row = rows.find((candidate) => candidate.queue === queue);
				expect(row).toMatchObject(
					queueRow(
						queue,
						yesterday,
						own.filter((s) => s.queue === queue),
					),
				);
			}
			// one CSV file of those rows for the sheet
			const files = run.data.resultData.runData['Rows as a CSV file'][0].data.main[0];
			expect(files).toHaveLength(1);
			expect(files[0].binary.data.fileName).toBe(`csat-by-queue-${yesterday}.csv`);
		},
	},

	'wesal-voc-queue-csat-drop-alert.json': {
		// Only its trigger starts it: published, it polls every minute.
		activate: { vendor: 'wesal-voc', timeoutMs: 150_000 },
		// Ten answers of 1 in a queue of their own after the trigger started: a CSAT of 0 % over the
		// last 60 minutes, below 70 % with the 10 responses it asks for.
		prepare: async (control) =>
			await control.vendor('wesal-voc').post('surveys', {
				surveys: Array.from({ length: 10 }, (_, i) => ({
					agent: i % 2 ? 'Sara' : 'Omar',
					queue: 'Claims',
					type: 'voice',
					answers: { AgentSatisfaction: '1', ServiceSatisfaction: '3' },
				})),
			}),
		check: async ({ control }) => {
			// one SMS job to the team lead naming the queue and its figures, from the trigger's item
			const posts = (await control.requests('welcorp')).filter(
				(r: any) => r.method === 'POST' && r.path === '/jobs',
			);
			expect(posts).toHaveLength(1);
			expect(posts[0].body.recipients).toEqual([
				expect.objectContaining({
					destination: '0500000001',
					reference: 'Claims',
					queue: 'Claims',
					csat: '0',
					responses: '10',
				}),
			]);
		},
	},
};
