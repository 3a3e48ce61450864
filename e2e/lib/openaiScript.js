'use strict';
// A scripted OpenAI-compatible server on 127.0.0.1 for the AI agent E2E tests: not a model, it
// answers with the turns the test queued, and keeps every request it got so the test can read what
// n8n sent (the tools it offered, the tool results it passed back). n8n's "OpenAI Chat Model" node
// talks to it when its credential's Base URL is `server.url`: LangChain's ChatOpenAI through the
// openai SDK, as against api.openai.com.
//
//   POST /v1/chat/completions   the next queued turn: one JSON chat.completion, or server-sent
//                               chat.completion.chunk events when the body asks for `stream: true`
//   GET  /v1/models             one model (the credential test and the node's model list read it)
//
//   const model = await startOpenAiScript({ apiKey: 'sk-test' });
//   model.script(
//     { toolCalls: [{ name: 'Wesal_VoC', args: { startDate: '2021-05-10T00:00:00Z' } }] },
//     (body) => ({ content: `The tool said: ${lastToolMessage(body).content}` }),
//   );
//   … run the workflow …; model.completions() → the request bodies, in order
//
// A turn is { content } (a final answer), { toolCalls: [{ name, args, id? }] } (the model asks
// for tools) or a function of the request body returning one of those. A request with no queued
// turn, or without `Authorization: Bearer <apiKey>`, gets an OpenAI-style error (400 / 401: codes
// the openai SDK does not retry).

const http = require('node:http');

const MODEL = 'scripted-model';

function sendJson(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

function sendError(res, status, message, code) {
	sendJson(res, status, {
		error: { message, type: 'invalid_request_error', param: null, code: code ?? null },
	});
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The last message of a role in a chat request, e.g. the tool result n8n passed back. */
function lastMessage(body, role) {
	return [...(body.messages || [])].reverse().find((m) => m.role === role);
}

/** The text of a message whose content is a string or an array of text parts. */
function messageText(message) {
	if (!message) return '';
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content))
		return message.content
			.map((part) => (typeof part === 'string' ? part : part.text || ''))
			.join('');
	return '';
}

/** Splits a text into a few pieces, as a model streams it. */
function pieces(text, size = 16) {
	const out = [];
	for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
	return out.length ? out : [''];
}

/**
 * @param {object} [o]
 * @param {string} [o.apiKey]  when set, requests must carry `Authorization: Bearer <apiKey>`
 * @param {number} [o.port]    default: a free one
 */
async function startOpenAiScript({ apiKey, port = 0 } = {}) {
	const turns = [];
	const requests = [];
	let calls = 0;
	let completionsServed = 0;

	function completion(turn) {
		const id = `chatcmpl-scripted-${++completionsServed}`;
		const toolCalls = (turn.toolCalls || []).map((call) => ({
			id: call.id || `call_scripted_${++calls}`,
			type: 'function',
			function: {
				name: call.name,
				arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args ?? {}),
			},
		}));
		const content = toolCalls.length ? (turn.content ?? null) : String(turn.content ?? '');
		return { id, toolCalls, content, finish: toolCalls.length ? 'tool_calls' : 'stop' };
	}

	const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

	function answerJson(res, answer) {
		sendJson(res, 200, {
			id: answer.id,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: MODEL,
			choices: [
				{
					index: 0,
					message: {
						role: 'assistant',
						content: answer.content,
						...(answer.toolCalls.length ? { tool_calls: answer.toolCalls } : {}),
						refusal: null,
					},
					logprobs: null,
					finish_reason: answer.finish,
				},
			],
			usage,
		});
	}

	function answerStream(res, answer, body) {
		res.writeHead(200, {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive',
		});
		const created = Math.floor(Date.now() / 1000);
		const event = (choices, extra = {}) =>
			res.write(
				`data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created, model: MODEL, choices, ...extra })}\n\n`,
			);
		const delta = (d, finish = null) =>
			event([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);
		delta({ role: 'assistant', content: '', refusal: null });
		if (answer.content) for (const piece of pieces(answer.content)) delta({ content: piece });
		answer.toolCalls.forEach((call, index) => {
			delta({
				tool_calls: [
					{
						index,
						id: call.id,
						type: 'function',
						function: { name: call.function.name, arguments: '' },
					},
				],
			});
			for (const piece of pieces(call.function.arguments))
				delta({ tool_calls: [{ index, function: { arguments: piece } }] });
		});
		delta({}, answer.finish);
		if (body.stream_options && body.stream_options.include_usage) event([], { usage });
		res.write('data: [DONE]\n\n');
		res.end();
	}

	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url, 'http://127.0.0.1');
			const text = await readBody(req);
			let body;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				return sendError(res, 400, 'the body is not JSON');
			}
			requests.push({ method: req.method, path: url.pathname, headers: req.headers, body });
			if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`)
				return sendError(res, 401, 'Incorrect API key provided', 'invalid_api_key');

			if (req.method === 'GET' && url.pathname === '/v1/models') {
				return sendJson(res, 200, {
					object: 'list',
					data: [{ id: MODEL, object: 'model', created: 1700000000, owned_by: 'e2e' }],
				});
			}
			if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
				if (!body || !Array.isArray(body.messages))
					return sendError(res, 400, 'messages is required');
				const next = turns.shift();
				if (!next) return sendError(res, 400, 'scripted server: no turn queued for this request');
				const turn = typeof next === 'function' ? next(body) : next;
				const answer = completion(turn);
				return body.stream ? answerStream(res, answer, body) : answerJson(res, answer);
			}
			return sendError(res, 404, `no route ${req.method} ${url.pathname}`);
		} catch (error) {
			if (!res.headersSent) sendError(res, 500, `scripted server: ${error.message}`);
			else res.end();
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const base = `http://127.0.0.1:${server.address().port}`;

	return {
		model: MODEL,
		/** the credential's Base URL */
		url: `${base}/v1`,
		/** every request: { method, path, headers, body } */
		requests,
		/** Queues turns, answered one per chat completion request in order. */
		script(...more) {
			turns.push(...more);
		},
		/** Turns not answered yet. */
		pending() {
			return turns.length;
		},
		/** Bodies of the chat completion requests, in order. */
		completions() {
			return requests
				.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions')
				.map((r) => r.body);
		},
		/** Forgets the requests and the turns left. */
		reset() {
			requests.length = 0;
			turns.length = 0;
		},
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections?.();
			});
		},
	};
}

module.exports = { startOpenAiScript, lastMessage, messageText, SCRIPTED_MODEL: MODEL };
