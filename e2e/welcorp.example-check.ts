/**
 * Ground-truth check for examples/welcorp-survey-follow-up-sms.json (see e2e/examples.checks.ts):
 * which surveys deserve a follow-up comes from the Wesal VoC emulator, what was sent from the
 * Welcorp emulator's request log and job store, both read through the control API at run time.
 */
import { nodeItems, windowEnds, type ExampleCheck } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DAY = 86_400_000;
const LOW = 2;

interface RawSurvey {
	_id: string;
	surveyDate: string;
	number: string;
	answers: Record<string, string>;
}

const surveyMs = (s: RawSurvey) => Date.parse(`${s.surveyDate}Z`);
const isLow = (s: RawSurvey) =>
	Object.values(s.answers).some((answer) => answer.trim() !== '' && Number(answer) <= LOW);

export const welcorpExampleChecks: Record<string, ExampleCheck> = {
	'welcorp-survey-follow-up-sms.json': {
		// Fresh surveys, so the last 24 hours surely hold low ones and a good one.
		prepare: async (control) =>
			await control.vendor('wesal-voc').post('surveys', {
				surveys: [
					{
						agent: 'Sara',
						queue: 'Support',
						number: 'tel:+966501234567',
						answers: { AgentSatisfaction: '1', ServiceSatisfaction: '4' },
					},
					{
						agent: 'Omar',
						queue: 'VIP',
						number: 'tel:+966507654321',
						answers: { AgentSatisfaction: '5', NPS: '2' },
					},
					{
						agent: 'Lama',
						queue: 'Sales',
						number: 'tel:+966500000001',
						answers: { AgentSatisfaction: '5', ServiceSatisfaction: '5' },
					},
				],
			}),
		check: async ({ run, control }) => {
			const { surveys } = (await control.vendor('wesal-voc').get('surveys')) as {
				surveys: RawSurvey[];
			};
			const passed = nodeItems(run, 'Low score with a phone number?', 0);
			const passedIds = passed.map((item) => item.surveyId).sort();
			const candidates = windowEnds(run, DAY, surveys.map(surveyMs)).map((end) =>
				surveys
					.filter((s) => surveyMs(s) >= end - DAY && surveyMs(s) <= end && isLow(s) && s.number)
					.map((s) => s._id)
					.sort(),
			);
			expect(passedIds.length).toBeGreaterThanOrEqual(2);
			expect(passedIds).toEqual(
				candidates.find((ids) => JSON.stringify(ids) === JSON.stringify(passedIds)) ??
					candidates[0],
			);

			// One Welcorp job for all of them: one request, one output item.
			const sent = nodeItems(run, 'Send follow-up SMS');
			expect(sent).toHaveLength(1);
			const posts = (await control.requests('welcorp')).filter(
				(r: any) => r.method === 'POST' && r.path === '/jobs',
			);
			expect(posts).toHaveLength(1);
			const recipients = posts[0].body.recipients as Array<Record<string, string>>;
			expect(recipients.map((r) => r.reference).sort()).toEqual(passedIds);
			for (const recipient of recipients) {
				const survey = surveys.find((s) => s._id === recipient.reference)!;
				const item = passed.find((candidate) => candidate.surveyId === survey._id);
				// The lowest score of the survey: 2 or less, merged with its question.
				const lowest = Math.min(
					...Object.values(survey.answers)
						.filter((answer) => answer.trim() !== '' && Number.isFinite(Number(answer)))
						.map(Number),
				);
				expect(lowest).toBeLessThanOrEqual(LOW);
				expect(item.lowestScore).toBe(lowest);
				expect(recipient).toEqual({
					destination: survey.number.replace(/^tel:/, ''),
					reference: survey._id,
					agent: expect.any(String),
					queue: expect.any(String),
					question: item.lowestQuestion,
					score: String(lowest),
				});
			}
			expect(posts[0].body.message).toContain('%%agent%%');
			const job = await control.vendor('welcorp').get(`jobs/${sent[0].job_id}`);
			expect(job).toMatchObject({
				job_type: 'SMS',
				job_name: 'Survey follow-up',
				total_recipients: recipients.length,
			});
		},
	},
};
