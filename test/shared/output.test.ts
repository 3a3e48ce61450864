import {
	flattenFeedback,
	feedbackRecord,
	isEmailAddress,
	pickFields,
	score,
	scoreField,
} from '../../nodes/shared';

describe('simplified feedback rows', () => {
	it('gives each question a field named after it, with the lowest and the average score', () => {
		const row = flattenFeedback(
			feedbackRecord({
				source: 'wesalVoc',
				surveyId: 's-1',
				agent: 'Laura',
				scores: [
					score('q-a', 'Agent knowledge', '4'),
					score('q-b', 'Résolution rapide?', 2),
					score('q-c', 'Comment', 'friendly'),
					score('q-d', 'مستوى الرضا', '5'),
				],
				sentiment: { label: 'positive', positive: 2, neutral: 0, negative: 0 },
			}),
		);
		expect(row).toMatchObject({
			surveyId: 's-1',
			agent: 'Laura',
			score_agent_knowledge: 4,
			score_resolution_rapide: 2,
			score_comment: 'friendly',
			score_q_d: 5,
			lowestScore: 2,
			lowestQuestion: 'Résolution rapide?',
			averageScore: 3.67,
			sentiment: 'positive',
			questions: {
				score_agent_knowledge: 'Agent knowledge',
				score_resolution_rapide: 'Résolution rapide?',
				score_comment: 'Comment',
				score_q_d: 'مستوى الرضا',
			},
		});
		expect(row).not.toHaveProperty('scores');
	});

	it('keeps two questions of the same name apart', () => {
		const row = flattenFeedback(
			feedbackRecord({
				source: 'wolkvox',
				surveyId: 's-2',
				scores: [score('1', 'Overall', '3'), score('2', 'Overall', '1')],
			}),
		);
		expect(row).toMatchObject({ score_overall: 3, score_overall_2: 1, lowestScore: 1 });
		expect(scoreField('', '')).toBe('score_question');
	});

	it('has no lowest or average score when no answer is a number', () => {
		const row = flattenFeedback(
			feedbackRecord({ source: 'wolkvox', surveyId: 's-3', scores: [score('q1', 'q1', 'N/A')] }),
		);
		expect(row).toMatchObject({
			score_q1: 'N/A',
			lowestScore: null,
			averageScore: null,
			lowestQuestion: null,
		});
	});
});

describe('Output → Selected Fields', () => {
	it('keeps the chosen fields, and every field of a chosen prefix, in the record order', () => {
		const record = { a: 1, score_x: 2, b: 3, score_y: 4, questions: {} };
		expect(pickFields(record, ['b', 'score_*'])).toEqual({ score_x: 2, b: 3, score_y: 4 });
		expect(Object.keys(pickFields(record, ['score_*', 'a']))).toEqual(['a', 'score_x', 'score_y']);
		expect(pickFields(record, ['missing'])).toEqual({});
	});
});

describe('email check', () => {
	it.each([
		['name@example.com', true],
		['a.b+c@mail.example.org', true],
		['no-at.example.com', false],
		['two@@example.com', false],
		['a@b@example.com', false],
		['name@example', false],
		['name@.com', false],
		['name@example.', false],
		['@example.com', false],
		['na me@example.com', false],
	])('%s → %s', (text, valid) => expect(isEmailAddress(text)).toBe(valid));

	// A generous bound: the regular expression it replaces took about 0.9 s on this input.
	it('answers at once on a 40,000-character input', () => {
		const long = `${'a'.repeat(20_000)}@${'b.'.repeat(10_000)}`;
		const started = process.hrtime.bigint();
		expect(isEmailAddress(long)).toBe(false);
		expect(isEmailAddress(`x@${'a.'.repeat(20_000)}`)).toBe(false);
		expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(300);
	});
});
