import { simplifySurvey, surveyKey, surveyTime } from '../../nodes/Wolkvox/survey';

/** Row shapes Wolkvox may send besides the emulator's: the doc only says "strings". */
describe('reading report rows', () => {
	it.each([
		['2025-11-12 14:03:22', '2025-11-12T14:03:22.000Z'],
		['2025-11-12-14:03:22', '2025-11-12T14:03:22.000Z'],
		['2025-11-12T14:03:22', '2025-11-12T14:03:22.000Z'],
		['20251112140322', '2025-11-12T14:03:22.000Z'],
		['2025-11-12 14:03:22.250', '2025-11-12T14:03:22.250Z'],
	])('reads the date %s', (date, iso) => {
		expect(surveyTime({ date })?.toISOString()).toBe(iso);
	});

	it('has no time for an unreadable date, and keys a response by call, date and customer', () => {
		expect(surveyTime({ date: 'yesterday' })).toBeUndefined();
		expect(surveyKey({ conn_id: 123, date: '2025-11-12 14:03:22', customer_id: null })).toBe(
			'123|2025-11-12 14:03:22|',
		);
	});

	it('flattens answers to one field per question, durations to seconds, and keeps identifiers as sent', () => {
		const record = simplifySurvey({
			agent_id: '0042',
			conn_id: '90071992547409931234',
			q10: '4',
			q2: 'N/A',
			q1: 3,
			time: '00:03:04',
			voice_message_duration: '',
			extra_field: 'kept',
		});
		expect(record).toMatchObject({
			agentId: '0042',
			interactionId: '90071992547409931234',
			score_q1: 3,
			score_q2: 'N/A',
			score_q10: 4,
			lowestScore: 3,
			lowestQuestion: 'q1',
			averageScore: 3.5,
			questions: { score_q1: 'q1', score_q2: 'q2', score_q10: 'q10' },
			callSeconds: 184,
			voiceMessageSeconds: null,
		});
		expect(Object.keys(record).filter((key) => key.startsWith('score_'))).toEqual([
			'score_q1',
			'score_q2',
			'score_q10',
		]);
		expect(record).not.toHaveProperty('scores');
	});

	it('simplifies a row without feeling or answers to no scores and no sentiment', () => {
		const record = simplifySurvey({
			conn_id: '1',
			date: '2025-11-12 14:03:22',
			customer_id: '',
			q1: '',
			feeling: '',
			voice_message: '',
		});
		expect(record).toMatchObject({
			lowestScore: null,
			averageScore: null,
			questions: {},
			sentiment: null,
			comment: null,
			customerId: null,
			interactionId: '1',
			date: '2025-11-12T14:03:22.000Z',
		});
	});
});
