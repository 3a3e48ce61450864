import { firstText, isRecord, textOf, truncate } from '../../nodes/shared';

describe('readable text from vendor bodies', () => {
	it('takes a string trimmed, and nothing from a blank one', () => {
		expect(textOf('  Invalid token \n')).toBe('Invalid token');
		expect(textOf('   ')).toBe(undefined);
	});

	it('joins the texts of a list or an object, skipping what has none', () => {
		expect(textOf(['date is required', ' ', 7, 'queue is unknown'])).toBe(
			'date is required; queue is unknown',
		);
		expect(textOf({ date: ['is required'], queue: 'is unknown', code: 12 })).toBe(
			'is required; is unknown',
		);
		expect(textOf([])).toBe(undefined);
		expect(textOf({ code: 12 })).toBe(undefined);
		expect(textOf(null)).toBe(undefined);
		expect(textOf(42)).toBe(undefined);
	});

	it('takes the first key that holds text, in the order asked', () => {
		const body = { message: ' ', error: 'Token expired', detail: 'ignored' };
		expect(firstText(body, ['message', 'error', 'detail'])).toBe('Token expired');
		expect(firstText(body, ['missing'])).toBe(undefined);
		expect(firstText(['error'], ['0'])).toBe(undefined);
		expect(firstText('error', ['error'])).toBe(undefined);
	});

	it('cuts a long text to 300 characters with an ellipsis, or to the size asked', () => {
		expect(truncate('a'.repeat(300))).toBe('a'.repeat(300));
		expect(truncate('a'.repeat(301))).toBe(`${'a'.repeat(300)}…`);
		expect(truncate('abcdef', 3)).toBe('abc…');
	});

	it('counts only plain objects as records', () => {
		expect([{}, [], null, 'x', new Date(0)].map(isRecord)).toEqual([
			true,
			false,
			false,
			false,
			true,
		]);
	});
});
