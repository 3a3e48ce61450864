/**
 * Our action nodes as tools of n8n's AI Agent (@n8n/n8n-nodes-langchain.agent, shipped with n8n),
 * in a real n8n (E2E_N8N_VERSION, see e2e/run.js). The agent's model is n8n's "OpenAI Chat Model"
 * node whose OpenAI credential's Base URL points at a scripted OpenAI-compatible server on
 * 127.0.0.1 (e2e/lib/openaiScript.js): its first answer calls our tool, its second quotes the tool
 * result n8n passed back. The tool's dates are model-filled (`$fromAI`). Checked: the requests the
 * emulator logged, the messages the scripted server received, the agent's answer, a bad date from
 * the model coming back to it as our node's message, and the streamed answer of a Chat Trigger.
 * Every workflow runs in the running server, started by a public Chat Trigger webhook (no
 * `n8n execute`: a CLI process per run would cost ~15 s each); its execution is then read back
 * through the REST API. The example "Ask about CSAT" runs with `n8n execute` in
 * e2e/package.e2e.test.ts (its check: e2e/aiAgent.example-check.ts).
 * E2E_AI_DUMP=<file> appends the requests the scripted server got in each test to <file>.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import { randomUUID } from 'node:crypto';

import { quoteSurveys, toolResult } from './aiAgent.example-check';
import { nodeItems } from './examples.checks';

const { vendorSuite, nodeType, version, waitFor } = require('./lib/vendorSuite');
const { versionInfo } = require('./lib/versions');
const { startOpenAiScript, lastMessage, messageText } = require('./lib/openaiScript');
const { WESAL_VOC_TOKEN, WELCORP } = require('./fixtures/credentials');

const API_KEY = 'sk-e2e-scripted-7c1f';
const OPENAI = { name: 'OpenAI (scripted, 127.0.0.1)', type: 'openAiApi' };
const TOOL = 'Wesal VoC surveys';
const TOOL_NAME = 'Wesal_VoC_surveys';
const TOOL_DESCRIPTION = 'Reads the Wesal VoC surveys completed between Start Date and End Date';
const { major } = versionInfo(version);
const DAY = { startDate: '2021-05-10T00:00:00Z', endDate: '2021-05-10T23:59:59Z' };

/**
 * A public Chat Trigger (webhook mode) → AI Agent, with the OpenAI Chat Model (credential
 * `openAiId`) and our Wesal VoC tool: the chat message is the agent's prompt.
 */
function agentWorkflow({
	name,
	webhookId,
	openAiId,
	responseMode = 'lastNode',
	toolSettings = {},
	moreTools = [],
}: {
	name: string;
	webhookId: string;
	openAiId: string;
	responseMode?: 'lastNode' | 'streaming';
	toolSettings?: Record<string, unknown>;
	/** more tool nodes for the agent: { name, type, typeVersion, parameters, credentials } */
	moreTools?: any[];
}) {
	const id = webhookId.slice(0, 8);
	const start = {
		name: 'Chat',
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.4,
		webhookId,
		parameters: { public: true, mode: 'webhook', options: { responseMode } },
	};
	return {
		name,
		// n8n's current execution order: with the old one (no settings) the agent resumes before
		// the tool it asked for has run, and the model is told the tool returned ""
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-1`, position: [0, 0], ...start },
			{
				id: `${id}-2`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [240, 0],
				parameters: { promptType: 'auto', options: {} },
			},
			{
				id: `${id}-3`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [180, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'scripted-model' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: { id: openAiId, name: OPENAI.name } },
			},
			{
				id: `${id}-4`,
				name: TOOL,
				type: nodeType('wesalVocTool'),
				typeVersion: 1,
				position: [360, 220],
				...toolSettings,
				parameters: {
					descriptionType: 'manual',
					toolDescription: TOOL_DESCRIPTION,
					resource: 'survey',
					operation: 'getAll',
					startDate: "={{ $fromAI('startDate', 'Start of the period, ISO 8601', 'string') }}",
					endDate: "={{ $fromAI('endDate', 'End of the period, ISO 8601', 'string') }}",
					returnAll: false,
					limit: 10,
					filters: {},
					options: {},
				},
				credentials: { wesalVocApi: { id: WESAL_VOC_TOKEN.id, name: WESAL_VOC_TOKEN.name } },
			},
			...moreTools.map((tool, i) => ({
				id: `${id}-${5 + i}`,
				position: [540 + i * 180, 220],
				...tool,
			})),
		],
		connections: {
			Chat: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			...Object.fromEntries(
				[TOOL, ...moreTools.map((tool) => tool.name)].map((tool) => [
					tool,
					{ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
				]),
			),
		},
	};
}

describe(`AI Agent with our tools on n8n ${version}`, () => {
	const suite = vendorSuite({ timeZone: 'Asia/Riyadh' });
	let model: any;
	let openAiId: string;
	const published: string[] = [];
	const voc = () => suite.control.vendor('wesal-voc');
	const searches = async () =>
		(await suite.control.requests('wesal-voc')).filter(
			(r: any) => r.path === '/survey/queries/surveys',
		);

	/** An execution as `n8n execute --rawOutput` gives it ({ data: IRunExecutionData, … }). */
	async function executionRun(id: string) {
		// n8n stores execution data as `flatted` JSON; its own copy of flatted reads it
		const { parse } = require(require.resolve('flatted', { paths: [suite.n8n.install.dir] }));
		const full = await suite.n8n.request('GET', `/rest/executions/${id}`);
		const data = typeof full.data === 'string' ? parse(full.data) : full.data;
		return { data, status: full.status, startedAt: full.startedAt, stoppedAt: full.stoppedAt };
	}

	/**
	 * Saves and publishes (activates, 1.x) an agent workflow, as the editor does; resolves its chat:
	 * `chat(body)` posts to the Chat Trigger, `ask(text)` sends a message and resolves the answer
	 * with the execution it started, once that has ended.
	 */
	async function publishAgent(
		options: Omit<Parameters<typeof agentWorkflow>[0], 'webhookId' | 'openAiId'>,
	) {
		const { n8n } = suite;
		const webhookId = randomUUID();
		const sessionId = randomUUID();
		const created = await n8n.createWorkflow(agentWorkflow({ ...options, webhookId, openAiId }));
		await n8n.activateWorkflow(created.id);
		published.push(created.id);
		const chat = (body: Record<string, unknown>) =>
			fetch(`${n8n.url}/webhook/${webhookId}/chat`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ sessionId, ...body }),
			});
		// registered once "load previous session" (which runs nothing) answers: 2.x activates in the background
		await waitFor(
			'the chat webhook',
			async () => (await chat({ action: 'loadPreviousSession' })).status === 200,
			30_000,
			250,
		);
		return {
			chat,
			async ask(text: string) {
				const res = await chat({ action: 'sendMessage', chatInput: text });
				const body = await res.text();
				const ended = await waitFor(
					'the execution to end',
					async () => {
						const [newest] = await n8n.executions(created.id);
						return newest?.stoppedAt && !['new', 'running'].includes(newest.status) && newest;
					},
					30_000,
					250,
				);
				return { status: res.status, body, run: await executionRun(ended.id) };
			},
		};
	}

	beforeAll(async () => {
		model = await startOpenAiScript({ apiKey: API_KEY });
		// saved as the editor saves it: no CLI process
		const saved = await suite.n8n.request('POST', '/rest/credentials', {
			...OPENAI,
			data: { apiKey: API_KEY, url: model.url },
		});
		openAiId = saved.id;
	});

	afterAll(async () => {
		if (model) await model.close();
	});

	beforeEach(async () => {
		model.reset();
		await suite.control.reset();
	});
	afterEach(async () => {
		while (published.length) await suite.n8n.deactivateWorkflow(published.pop());
		if (process.env.E2E_AI_DUMP)
			require('node:fs').appendFileSync(
				process.env.E2E_AI_DUMP,
				`${expect.getState().currentTestName}\n${JSON.stringify(
					model.requests.map((r: any) => r.body),
					null,
					1,
				)}\n`,
			);
	});

	test('the OpenAI credential test (GET /v1/models) passes against the scripted server, a wrong key fails', async () => {
		const ok = await suite.n8n.testCredential({
			...OPENAI,
			id: openAiId,
			data: { apiKey: API_KEY, url: model.url },
		});
		expect(ok).toEqual({ status: 'OK', message: expect.any(String) });
		const wrong = await suite.n8n.testCredential({
			...OPENAI,
			id: openAiId,
			data: { apiKey: 'sk-wrong', url: model.url },
		});
		expect(wrong.status).toBe('Error');
		// n8n asked for the models with each key (the wrong one, maybe more than once)
		const asked = model.requests.map(
			(r: any) => `${r.method} ${r.path} ${r.headers.authorization}`,
		);
		expect([...new Set(asked)]).toEqual([
			`GET /v1/models Bearer ${API_KEY}`,
			'GET /v1/models Bearer sk-wrong',
		]);
	});

	test('the tool as the model sees it: name, description and the $fromAI parameters; the dates reach Wesal VoC exactly; the answer quotes the emulator', async () => {
		// one survey just inside the day (UTC), one just before it
		const { surveys: added } = await voc().post('surveys', {
			surveys: [
				{ agent: 'Nourah', queue: 'Support', type: 'voice', surveyDate: '2021-05-10T00:30:00Z' },
				{ agent: 'Khalid', queue: 'Sales', type: 'chat', surveyDate: '2021-05-09T23:30:00Z' },
			],
		});
		const agent = await publishAgent({ name: `E2E: AI Agent + Wesal VoC tool (${version})` });
		// the start in the workflow's zone (Asia/Riyadh, +03:00), the end in UTC
		const args = { startDate: '2021-05-10T03:00:00', endDate: DAY.endDate };
		model.script({ toolCalls: [{ name: TOOL_NAME, args }] }, (body: any) => ({
			content: quoteSurveys(toolResult(body)),
		}));
		const { status, body, run } = await agent.ask('How was CSAT on 10 May 2021?');

		const [first, second, ...more] = model.completions();
		expect(more).toEqual([]);
		expect(model.pending()).toBe(0);
		// plain JSON answers: the chat does not stream
		expect([first.stream, second.stream].map(Boolean)).toEqual([false, false]);
		expect(first.model).toBe('scripted-model');
		expect(messageText(lastMessage(first, 'user'))).toBe('How was CSAT on 10 May 2021?');
		expect(first.tools).toHaveLength(1);
		const [tool] = first.tools;
		expect(tool.type).toBe('function');
		expect(tool.function.name).toBe(TOOL_NAME);
		expect(tool.function.description).toBe(TOOL_DESCRIPTION);
		expect(tool.function.parameters).toMatchObject({
			type: 'object',
			properties: {
				startDate: { type: 'string', description: 'Start of the period, ISO 8601' },
				endDate: { type: 'string', description: 'End of the period, ISO 8601' },
			},
			required: expect.arrayContaining(['startDate', 'endDate']),
		});

		// 03:00 in Riyadh is 00:00 UTC, which the API takes without an offset
		// (a read may be sent again when an answer is slow to come: seen on n8n 1.x under load)
		const sent = await searches();
		expect(sent.length).toBeGreaterThan(0);
		for (const search of sent)
			expect(search.body).toEqual(
				expect.objectContaining({
					startDate: '2021-05-10T00:00:00',
					endDate: '2021-05-10T23:59:59',
					page: 1,
				}),
			);
		// the second request: the model's own call, then the tool result for that call
		const call = lastMessage(second, 'assistant').tool_calls[0];
		// n8n adds the call's id to the arguments it repeats
		expect(JSON.parse(call.function.arguments)).toEqual({ ...args, id: call.id });
		expect(lastMessage(second, 'tool').tool_call_id).toBe(call.id);
		const [nourah] = added;
		expect(toolResult(second)).toEqual([
			expect.objectContaining({
				surveyId: nourah._id,
				agent: 'Nourah',
				queue: 'Support',
				channel: 'voice',
				date: '2021-05-10T00:30:00.000Z',
			}),
		]);
		// the tool node ran once, as the agent's tool, with the one survey
		const toolRuns = run.data.resultData.runData[TOOL];
		expect(toolRuns).toHaveLength(1);
		expect(toolRuns[0].data.ai_tool[0]).toHaveLength(1);
		const answer = quoteSurveys(toolResult(second));
		expect(answer).toContain(`${nourah._id} Nourah (Support)`);
		expect(nodeItems(run, 'AI Agent')).toEqual([{ output: answer }]);
		expect(run.status).toBe('success');
		// the chat's answer is the agent's
		expect(status).toBe(200);
		expect(JSON.parse(body)).toEqual({ output: answer });
	});

	test('a date the model got wrong ("last tuesday") comes back to the model as our node\'s message; the execution does not fail', async () => {
		await suite.control.call('DELETE', '/__control/requests');
		const agent = await publishAgent({
			name: `E2E: AI Agent + Wesal VoC tool, bad date (${version})`,
			toolSettings: { onError: 'continueRegularOutput' },
		});
		model.script(
			{
				toolCalls: [{ name: TOOL_NAME, args: { startDate: 'last tuesday', endDate: DAY.endDate } }],
			},
			(body: any) => ({ content: `The tool answered: ${messageText(lastMessage(body, 'tool'))}` }),
		);
		const { status, run } = await agent.ask('How was CSAT last Tuesday?');

		const [, second] = model.completions();
		expect(toolResult(second)).toEqual([
			{
				error: 'Invalid "Start Date": "last tuesday" is not a date',
				description: 'Use an ISO 8601 date-time such as 2025-11-01T00:00:00, or pick a date.',
			},
		]);
		expect(await searches()).toEqual([]);
		expect(run.status).toBe('success');
		expect(status).toBe(200);
		const [answer] = nodeItems(run, 'AI Agent');
		expect(answer.output).toContain('Invalid \\"Start Date\\": \\"last tuesday\\" is not a date');
	});

	test("with the tool's default On Error (stop), n8n 2.x still passes the error to the model; n8n 1.x fails the execution (pinned)", async () => {
		await suite.control.call('DELETE', '/__control/requests');
		const agent = await publishAgent({
			name: `E2E: AI Agent + Wesal VoC tool, bad date, default settings (${version})`,
		});
		model.script(
			{
				toolCalls: [{ name: TOOL_NAME, args: { startDate: 'last tuesday', endDate: DAY.endDate } }],
			},
			(body: any) => ({ content: `The tool answered: ${messageText(lastMessage(body, 'tool'))}` }),
		);
		const message = 'Invalid "Start Date": "last tuesday" is not a date';
		const { run } = await agent.ask('How was CSAT last Tuesday?');
		if (major >= 2) {
			// n8n 2.x runs a failing tool as if On Error were "Continue": the model gets n8n's { error }
			const [, second] = model.completions();
			expect(toolResult(second)).toEqual([{ error: message }]);
			expect(run.status).toBe('success');
		} else {
			// n8n 1.x stops at the tool's error: the model never hears of it. Hence "On Error:
			// Continue" on the example's tool, which makes n8n 1.x pass our message (test above).
			expect(run.status).toBe('error');
			expect(run.data.resultData.error?.message).toBe(message);
			expect(model.completions()).toHaveLength(1);
		}
		expect(await searches()).toEqual([]);
	});

	test("two tools: the agent reads the day's surveys with Wesal VoC, then texts the unhappiest customer with Welcorp", async () => {
		const { control } = suite;
		await control.vendor('wesal-voc').post('surveys', {
			surveys: [
				{
					agent: 'Sara',
					queue: 'Support',
					type: 'voice',
					number: '61411111111',
					surveyDate: '2021-05-10T08:00:00Z',
					answers: { AgentSatisfaction: '1', ServiceSatisfaction: '2' },
				},
				{
					agent: 'Omar',
					queue: 'VIP',
					type: 'voice',
					number: '61422222222',
					surveyDate: '2021-05-10T09:00:00Z',
					answers: { AgentSatisfaction: '5', ServiceSatisfaction: '5' },
				},
			],
		});
		await control.call('DELETE', '/__control/requests');
		const SMS_TOOL = 'Welcorp SMS';
		const agent = await publishAgent({
			name: `E2E: AI Agent + Wesal VoC and Welcorp tools (${version})`,
			moreTools: [
				{
					name: SMS_TOOL,
					type: nodeType('welcorpTool'),
					typeVersion: 1.1,
					parameters: {
						descriptionType: 'manual',
						toolDescription: 'Sends one SMS with Welcorp',
						resource: 'sms',
						operation: 'send',
						recipientSource: 'inputItems',
						batching: 'oneJob',
						destination:
							"={{ $fromAI('phone', 'Phone number with country code, digits only', 'string') }}",
						message: "={{ $fromAI('message', 'The text of the SMS', 'string') }}",
						callbackTarget: 'none',
						additionalFields: {},
						options: {},
					},
					credentials: { welcorpApi: { id: WELCORP.id, name: WELCORP.name } },
				},
			],
		});
		// the model: surveys first, then an SMS to the lowest score's number, then the answer
		let texted: any;
		model.script(
			{ toolCalls: [{ name: TOOL_NAME, args: DAY }] },
			(body: any) => {
				const records = toolResult(body);
				texted = records.reduce((low: any, r: any) =>
					r.score_agent_satisfaction < low.score_agent_satisfaction ? r : low,
				);
				const message = `Sorry about your call with ${texted.agent}. We will call you back today.`;
				return {
					toolCalls: [{ name: 'Welcorp_SMS', args: { phone: texted.customerNumber, message } }],
				};
			},
			(body: any) => {
				const [job] = toolResult(body);
				return { content: `I texted ${texted.customerNumber} (Welcorp job ${job.job_id}).` };
			},
		);
		const { run } = await agent.ask('Text the customer who was least happy on 10 May 2021.');

		const [first, second, third, ...more] = model.completions();
		expect(more).toEqual([]);
		const offered = Object.fromEntries(
			first.tools.map((t: any) => [t.function.name, t.function.parameters.properties]),
		);
		expect(Object.keys(offered).sort()).toEqual(['Welcorp_SMS', TOOL_NAME]);
		expect(Object.keys(offered.Welcorp_SMS).sort()).toEqual(['message', 'phone']);
		expect(
			toolResult(second)
				.map((r: any) => r.agent)
				.sort(),
		).toEqual(['Omar', 'Sara']);
		expect(texted).toMatchObject({ agent: 'Sara', customerNumber: '61411111111' });

		// Welcorp got one SMS job for the number and text the model chose
		const message = 'Sorry about your call with Sara. We will call you back today.';
		const posts = (await control.requests('welcorp')).filter(
			(r: any) => r.method === 'POST' && r.path === '/jobs',
		);
		expect(posts.map((r: any) => r.body)).toEqual([
			expect.objectContaining({
				job_type: 'sms',
				message,
				recipients: [expect.objectContaining({ destination: '61411111111' })],
			}),
		]);
		// the job id went back to the model, and it is the emulator's job
		const [job] = toolResult(third);
		const truth = await control.vendor('welcorp').get(`jobs/${job.job_id}`);
		expect(truth).toMatchObject({
			job_id: job.job_id,
			total_recipients: 1,
			recipients: [expect.objectContaining({ destination: '61411111111' })],
			message,
		});
		expect(nodeItems(run, 'AI Agent')).toEqual([
			{ output: `I texted 61411111111 (Welcorp job ${job.job_id}).` },
		]);
	});

	test('streaming: a Chat Trigger that streams its answer, the model asked with stream: true', async () => {
		const { control } = suite;
		await control.vendor('wesal-voc').post('surveys', {
			surveys: [
				{ agent: 'Reem', queue: 'Billing', type: 'chat', surveyDate: '2021-05-10T09:30:00Z' },
			],
		});
		const agent = await publishAgent({
			name: `E2E: chat → AI Agent + Wesal VoC tool, streaming (${version})`,
			responseMode: 'streaming',
		});
		model.script({ toolCalls: [{ name: TOOL_NAME, args: DAY }] }, (body: any) => ({
			content: quoteSurveys(toolResult(body)),
		}));
		const res = await agent.chat({
			action: 'sendMessage',
			chatInput: 'How was CSAT on 10 May 2021?',
		});
		expect(res.status).toBe(200);
		const chunks = (await res.text())
			.split('\n')
			.filter((line) => line.trim())
			.map((line) => JSON.parse(line));
		const streamed = chunks
			.filter((c: any) => c.type === 'item')
			.map((c: any) => c.content)
			.join('');

		const [first, second] = model.completions();
		expect([first.stream, second.stream]).toEqual([true, true]);
		expect(messageText(lastMessage(first, 'user'))).toBe('How was CSAT on 10 May 2021?');
		const { surveys } = await control.vendor('wesal-voc').get('surveys');
		const reem = surveys.find(
			(s: any) => s.agent === 'Reem' && s.surveyDate === '2021-05-10T09:30:00',
		);
		expect(toolResult(second).map((r: any) => r.surveyId)).toEqual([reem._id]);
		expect(streamed).toContain(quoteSurveys(toolResult(second)));
		expect(streamed).toContain(`${reem._id} Reem (Billing)`);
		// the answer came in more than one piece, as the model streamed it
		expect(chunks.filter((c: any) => c.type === 'item').length).toBeGreaterThan(1);
	});
});
