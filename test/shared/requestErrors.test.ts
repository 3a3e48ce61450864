import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext, VendorRequest, VendorSpec } from '../../nodes/shared';
import { firstText, textOf, vendorRequest } from '../../nodes/shared';

/**
 * vendorRequest on its own: n8n's httpRequestWithAuthentication is played by a queue of answers
 * (full responses, as returnFullResponse gives them) or errors (thrown as n8n-core throws them:
 * a NodeApiError wrapping the network error).
 */
const node = {
	id: 'n1',
	name: 'Probe Node',
	type: 'probe',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

function fakeContext(...answers: Answer[]) {
	const sent: IHttpRequestOptions[] = [];
	const httpRequestWithAuthentication = jest.fn(
		async (_type: string, options: IHttpRequestOptions) => {
			sent.push(options);
			const answer = answers.shift();
			if (answer === undefined) throw new Error('no answer queued');
			if (answer instanceof Error) throw answer;
			return { body: answer.body, statusCode: answer.status, headers: answer.headers ?? {} };
		},
	);
	const context = {
		getNode: () => node,
		helpers: { httpRequestWithAuthentication },
	} as unknown as RequestContext;
	return { context, sent, httpRequestWithAuthentication };
}

/** What n8n-core throws when the request never got an answer. */
const networkFailure = (code: string, message: string) =>
	new NodeApiError(node, Object.assign(new Error(message), { code }) as never);

const vendor: VendorSpec = {
	displayName: 'Probe',
	credentialType: 'probeApi',
	endpoints: {},
	baseUrl: () => 'http://probe.test',
	// JSON errors: { message } or a list of messages.
	errorText: (body) => (Array.isArray(body) ? textOf(body) : firstText(body, ['message'])),
};

const read = (extra: Partial<VendorRequest<unknown>> = {}): VendorRequest<unknown> => ({
	operation: 'Survey: Get Many',
	method: 'GET',
	url: 'http://probe.test/surveys',
	idempotent: true,
	schema: z.object({ ok: z.string() }),
	timeoutMs: 60_000,
	...extra,
});

async function failureOf(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('the request did not fail');
}

describe('a request that never got an answer', () => {
	it('says the connection broke off for a network error without plain words of its own', async () => {
		const { context, sent } = fakeContext(
			networkFailure('EHOSTUNREACH', 'connect EHOSTUNREACH 10.9.9.9:443'),
		);
		const error = await failureOf(vendorRequest(context, vendor, read()));
		expect(error.message).toBe(
			'Could not reach Probe for "Survey: Get Many": the connection broke off',
		);
		expect(error.description).toBe(
			'Check the Base URL in the "Probe API" credential and that this n8n can reach it.',
		);
		expect(sent).toHaveLength(1);
	});
});

describe('what the vendor said, in the error message', () => {
	const refused = async (body: unknown, status = 400) => {
		const { context } = fakeContext({ status, body });
		return (await failureOf(vendorRequest(context, vendor, read({ idempotent: false })))).message;
	};

	it('quotes a plain-text error answer, without the spaces around it', async () => {
		expect(await refused('  Service temporarily unavailable \n', 501)).toBe(
			'Probe could not serve "Survey: Get Many" (HTTP 501): Service temporarily unavailable',
		);
	});

	it('quotes a plain-text answer that mentions a "<" as text, not as an HTML page', async () => {
		expect(await refused('Error: "limit" must be < 1000')).toBe(
			'Probe refused "Survey: Get Many" (HTTP 400): Error: "limit" must be < 1000',
		);
	});

	it('recognises an HTML page even when it starts with blank lines', async () => {
		expect(await refused('\n  <!DOCTYPE html><html><body>Bad Gateway</body></html>', 502)).toBe(
			'Probe could not serve "Survey: Get Many" (HTTP 502): the server answered with an HTML page instead of JSON',
		);
	});

	it('quotes a JSON list of messages, even one starting with "<"', async () => {
		expect(await refused(['<email> is not valid', '<name> is required'])).toBe(
			'Probe refused "Survey: Get Many" (HTTP 400): <email> is not valid; <name> is required',
		);
	});
});

describe('an answer of another shape', () => {
	it('names both what the schema missed and what the vendor said', async () => {
		const { context } = fakeContext({ status: 200, body: { message: 'down for maintenance' } });
		const error = await failureOf(vendorRequest(context, vendor, read({ idempotent: false })));
		expect(error.message).toBe(
			'Probe answered "Survey: Get Many" in an unexpected shape (HTTP 200)',
		);
		expect(error.description).toBe(
			'The answer did not have the documented shape (Required at "ok"; down for maintenance). Check that the Base URL in the "Probe API" credential points at the API. This request changes data and may have been carried out: check in Probe before sending it again. It was not retried.',
		);
	});

	it('is not read again when the answer asks to wait longer than a minute', async () => {
		const maintenance = {
			status: 200,
			body: { message: 'down for maintenance' },
			headers: { 'retry-after': '120' },
		};
		const { context, sent } = fakeContext(maintenance, maintenance, maintenance, maintenance);
		const error = await failureOf(vendorRequest(context, vendor, read()));
		expect(error.message).toBe(
			'Probe answered "Survey: Get Many" in an unexpected shape (HTTP 200)',
		);
		expect(sent).toHaveLength(1);
	});
});

describe('a read the server asks to retry much later', () => {
	it('fails at once instead of retrying when Retry-After is over a minute', async () => {
		const { context, sent } = fakeContext(
			{ status: 429, body: { message: 'quota exceeded' }, headers: { 'retry-after': '3600' } },
			{ status: 200, body: { ok: 'yes' } },
		);
		const error = await failureOf(vendorRequest(context, vendor, read()));
		expect(error.message).toBe(
			'Probe is limiting requests and did not serve "Survey: Get Many" (HTTP 429): quota exceeded',
		);
		expect(error.description).toBe('Wait a moment and run it again, or run it less often.');
		expect(sent).toHaveLength(1);
	});
});

describe('a credential the vendor does not accept', () => {
	it('says to check the credential after a 401', async () => {
		const { context, sent } = fakeContext({ status: 401, body: { message: 'bad token' } });
		const error = await failureOf(vendorRequest(context, vendor, read()));
		expect(error.message).toBe(
			'Probe did not accept the credential for "Survey: Get Many" (HTTP 401): bad token',
		);
		expect(error.description).toBe(
			'Check the "Probe API" credential and that its user may do this.',
		);
		expect(sent).toHaveLength(1);
	});
});

describe('what to do next, by status', () => {
	const failWith = async (status: number, idempotent = false, retryAfter = '0') => {
		const answer = { status, body: { message: 'no' }, headers: { 'retry-after': retryAfter } };
		const { context, sent } = fakeContext(answer, answer, answer, answer);
		const error = await failureOf(vendorRequest(context, vendor, read({ idempotent })));
		return { message: error.message, description: error.description, sent: sent.length };
	};

	it('403: check the credential and its rights', async () => {
		expect(await failWith(403, true)).toEqual({
			message: 'Probe did not accept the credential for "Survey: Get Many" (HTTP 403): no',
			description: 'Check the "Probe API" credential and that its user may do this.',
			sent: 1,
		});
	});

	it('404: check the IDs and the Base URL', async () => {
		expect(await failWith(404, true)).toEqual({
			message: 'Probe found nothing for "Survey: Get Many" (HTTP 404): no',
			description:
				'Check the IDs of this operation and the Base URL in the "Probe API" credential.',
			sent: 1,
		});
	});

	it('5xx on a read: tried four times, the problem is on the vendor side', async () => {
		expect(await failWith(503, true)).toEqual({
			message: 'Probe could not serve "Survey: Get Many" (HTTP 503): no',
			description: "The problem is on Probe's side. It was tried 4 times. Try again later.",
			sent: 4,
		});
	});

	it('another 4xx on a write: check the fields; sent once, not retried', async () => {
		expect(await failWith(422)).toEqual({
			message: 'Probe refused "Survey: Get Many" (HTTP 422): no',
			description:
				"Check the fields of this operation against Probe's message. This request changes data, so it was not retried.",
			sent: 1,
		});
	});
});

describe('a write that failed before or after it left', () => {
	const write = async (failure: Error) => {
		const { context, sent } = fakeContext(failure);
		const error = await failureOf(vendorRequest(context, vendor, read({ idempotent: false })));
		return { message: error.message, description: error.description, sent: sent.length };
	};

	it('says nothing was sent when the connection was refused', async () => {
		expect(await write(networkFailure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))).toEqual(
			{
				message: 'Could not reach Probe for "Survey: Get Many": the connection was refused',
				description:
					'Check the Base URL in the "Probe API" credential and that this n8n can reach it. Nothing was sent, so it is safe to run again.',
				sent: 1,
			},
		);
	});

	it('says it may have been carried out when the connection was reset', async () => {
		expect(await write(networkFailure('ECONNRESET', 'read ECONNRESET'))).toEqual({
			message: 'Could not reach Probe for "Survey: Get Many": the connection was reset',
			description:
				'Check the Base URL in the "Probe API" credential and that this n8n can reach it. This request changes data and may have been carried out: check in Probe before sending it again. It was not retried.',
			sent: 1,
		});
	});
});

describe("the error's details in the editor", () => {
	it('lists the message as the full message and gives the HTTP code', async () => {
		const { context } = fakeContext({ status: 422, body: { message: 'name is too long' } });
		const error = await failureOf(
			vendorRequest(context, vendor, read({ idempotent: false, itemIndex: 2 })),
		);
		expect(error.messages).toEqual([
			'Probe refused "Survey: Get Many" (HTTP 422): name is too long',
		]);
		expect(error.httpCode).toBe('422');
		expect(error.context.itemIndex).toBe(2);
	});

	it('gives no HTTP code when nothing answered', async () => {
		const { context } = fakeContext(
			networkFailure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
		);
		const error = await failureOf(vendorRequest(context, vendor, read({ idempotent: false })));
		expect(error.httpCode ?? undefined).toBeUndefined();
	});
});
