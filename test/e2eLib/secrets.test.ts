// The E2E secrets scan (e2e/lib/secrets.js) must find what it looks for: checked on known data.
const { credentialSecrets, requestSecrets } = require('../../e2e/lib/secrets');

describe('E2E secrets scan: what counts as a secret', () => {
	it('takes the secret fields of credentials and the Basic-auth form of user and password', () => {
		const found: string[] = credentialSecrets([
			{
				data: {
					baseUrl: 'http://127.0.0.1:1',
					username: 'au/testuser',
					password: 'Pa55word!',
					timeZone: 'Australia/Sydney',
				},
			},
			{ data: { email: 'cx@example.com', apiToken: 'tok-123456', clientId: 'c1' } },
		]);
		expect(found).toEqual([
			'Pa55word!',
			Buffer.from('au/testuser:Pa55word!').toString('base64'),
			'tok-123456',
		]);
	});

	it('takes authorization values, token headers and password body fields of logged requests', () => {
		const found: string[] = requestSecrets([
			{
				headers: { authorization: 'Bearer abcdef123', accept: 'application/json' },
				body: { email: 'a@b.c', password: 'S3cret-1' },
			},
			{ headers: { 'x-api-token': 'tok-999999' }, body: 'raw' },
		]);
		expect(found).toEqual(['abcdef123', 'S3cret-1', 'tok-999999']);
	});
});
