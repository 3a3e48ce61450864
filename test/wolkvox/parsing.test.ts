import { simplifySurvey, surveyItem } from '../../nodes/Wolkvox/output';
import { surveyKey, surveyTime } from '../../nodes/Wolkvox/surveys';

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

	it('parses answers and durations, keeps identifiers and unknown fields as sent', () => {
		const item = surveyItem({
			agent_id: '0042',
			conn_id: '90071992547409931234',
			q10: '4',
			q2: 'N/A',
			q1: 3,
			time: '00:03:04',
			voice_message_duration: '',
			extra_field: 'kept',
		});
		expect(item).toEqual({
			agent_id: '0042',
			conn_id: '90071992547409931234',
			answers: { q1: 3, q2: 'N/A', q10: 4 },
			time: 184,
			voice_message_duration: null,
			extra_field: 'kept',
		});
		expect(Object.keys(item.answers as object)).toEqual(['q1', 'q2', 'q10']);
	});

	it('simplifies a row without feeling or answers to an empty score list and no sentiment', () => {
		const record = simplifySurvey({
			conn_id: '1',
			date: '2025-11-12 14:03:22',
			customer_id: '',
			q1: '',
			feeling: '',
			voice_message: '',
		});
		expect(record).toMatchObject({
			scores: [],
			sentiment: null,
			comment: null,
			customerId: null,
			interactionId: '1',
			date: '2025-11-12T14:03:22.000Z',
		});
	});
});
