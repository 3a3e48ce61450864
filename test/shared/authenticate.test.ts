import { authenticateWith, credentialText } from '../../nodes/shared';

describe("authenticateWith (a credential's authenticate as a function)", () => {
	const authenticate = authenticateWith((credentials) => ({
		headers: { Authorization: credentialText(credentials, 'token') },
		body: { companyId: credentialText(credentials, 'companyId') },
	}));

	it("adds headers and body fields to the request's own, as a generic authenticate does", async () => {
		const request = await authenticate(
			{ token: 'abc', companyId: 42 },
			{ url: '/x', headers: { Accept: 'application/json' }, body: { page: 2 } },
		);
		expect(request.headers).toEqual({ Accept: 'application/json', Authorization: 'abc' });
		expect(request.body).toEqual({ page: 2, companyId: '42' });
	});

	it('gives a body to a request without one, and leaves a text or form body alone', async () => {
		expect((await authenticate({ token: 'abc', companyId: '7' }, { url: '/x' })).body).toEqual({
			companyId: '7',
		});
		expect((await authenticate({ token: 'abc' }, { url: '/x', body: 'raw text' })).body).toBe(
			'raw text',
		);
		const form = new URLSearchParams({ a: '1' });
		expect((await authenticate({ token: 'abc' }, { url: '/x', body: form })).body).toBe(form);
	});

	it('writes an empty field as empty text, as the expression {{$credentials.x}} would', async () => {
		expect((await authenticate({}, { url: '/x' })).headers).toEqual({ Authorization: '' });
	});

	it('sets HTTP Basic auth', async () => {
		const basic = authenticateWith((credentials) => ({
			auth: {
				username: credentialText(credentials, 'user'),
				password: credentialText(credentials, 'pass'),
			},
		}));
		expect((await basic({ user: 'u', pass: 'p' }, { url: '/x' })).auth).toEqual({
			username: 'u',
			password: 'p',
		});
	});
});
