/**
 * Ground-truth check for examples/wesal-voc-ask-about-csat.json (see e2e/examples.checks.ts): n8n's
 * AI Agent with the OpenAI Chat Model and our Wesal VoC tool. The model is the scripted
 * OpenAI-compatible server of e2e/lib/openaiScript.js, reached through an OpenAI credential with
 * the example's credential id whose Base URL points at it. Its first answer calls the tool for one
 * day long before the emulator's seed data, where the check added three surveys; its second answer
 * quotes the tool result n8n passed back. Expected values come from the emulator's control API.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeItems, type ExampleCheck } from './examples.checks';

const { startOpenAiScript, lastMessage, messageText } = require('./lib/openaiScript');

export const ASK_ABOUT_CSAT = 'wesal-voc-ask-about-csat.json';

const example = JSON.parse(
	fs.readFileSync(path.join(__dirname, '..', 'examples', ASK_ABOUT_CSAT), 'utf8'),
);
const nodeOf = (type: string) => example.nodes.find((node: any) => node.type === type);

/** The example's OpenAI credential reference: a test imports its own credential under this id. */
export const ASK_ABOUT_CSAT_OPENAI = {
	...nodeOf('@n8n/n8n-nodes-langchain.lmChatOpenAi').credentials.openAiApi,
	type: 'openAiApi',
};

/** The name n8n gives the model for the example's tool node (its node name, `_` for the rest). */
export const ASK_ABOUT_CSAT_TOOL = nodeOf('n8n-nodes-voc.wesalVocTool').name.replace(
	/[^a-zA-Z0-9_-]+/g,
	'_',
);

/** The day the model asks about: before the emulator's seed data (the 180 days before now). */
const DAY = { startDate: '2021-05-10T00:00:00Z', endDate: '2021-05-10T23:59:59Z' };

const SURVEYS = [
	{ agent: 'Sara', queue: 'Support', type: 'chat', at: '2021-05-10T07:15:00Z', a: '2', s: '3' },
	{ agent: 'Omar', queue: 'VIP', type: 'voice', at: '2021-05-10T12:40:00Z', a: '5', s: '4' },
	{ agent: 'Lama', queue: 'Sales', type: 'email', at: '2021-05-10T21:05:00Z', a: '4', s: '5' },
];

/** What the scripted model answers once it has the tool result: one line per survey it was given. */
export function quoteSurveys(records: any[]): string {
	const lines = records.map(
		(r) => `${r.surveyId} ${r.agent} (${r.queue}) agent satisfaction ${r.score_agent_satisfaction}`,
	);
	return `The tool returned ${records.length} surveys:\n${lines.join('\n')}`;
}

/** The tool result n8n passed back to the model in a chat request: the last `tool` message, parsed. */
export function toolResult(body: any): any {
	const text = messageText(lastMessage(body, 'tool'));
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The surveys of the emulator inside DAY (the ground truth). */
async function surveysOfTheDay(control: any): Promise<any[]> {
	const { surveys } = await control.vendor('wesal-voc').get('surveys');
	const from = Date.parse(DAY.startDate);
	const to = Date.parse(DAY.endDate);
	return surveys.filter((s: any) => {
		const t = Date.parse(`${s.surveyDate}Z`);
		return t >= from && t <= to;
	});
}

/**
 * The example's check against a scripted model `model` (startOpenAiScript()): `prepare` adds the
 * surveys and queues the model's two turns, `check` compares what n8n did with the ground truth.
 */
export function askAboutCsatCheck(model: () => any): ExampleCheck {
	return {
		prepare: async (control) => {
			await control.vendor('wesal-voc').post('surveys', {
				surveys: SURVEYS.map((s) => ({
					agent: s.agent,
					queue: s.queue,
					type: s.type,
					surveyDate: s.at,
					answers: { AgentSatisfaction: s.a, ServiceSatisfaction: s.s },
				})),
			});
			await control.call('DELETE', '/__control/requests');
			model().reset();
			model().script({ toolCalls: [{ name: ASK_ABOUT_CSAT_TOOL, args: DAY }] }, (body: any) => ({
				content: quoteSurveys(toolResult(body)),
			}));
		},
		check: async ({ run, control }) => {
			const truth = await surveysOfTheDay(control);
			expect(truth.map((s: any) => s.agent).sort()).toEqual(['Lama', 'Omar', 'Sara']);

			// 1. the model was offered the tool, with the two $fromAI parameters
			const [first, second, ...more] = model().completions();
			expect(more).toEqual([]);
			const offered = first.tools.map((t: any) => t.function);
			expect(offered.map((f: any) => f.name)).toEqual([ASK_ABOUT_CSAT_TOOL]);
			expect(Object.keys(offered[0].parameters.properties).sort()).toEqual([
				'endDate',
				'startDate',
			]);
			expect(messageText(lastMessage(first, 'user'))).toMatch(/lowest CSAT/);

			// 2. the tool sent the model's dates to Wesal VoC, in UTC as the API takes them
			const searches = (await control.requests('wesal-voc')).filter(
				(r: any) => r.path === '/survey/queries/surveys',
			);
			// (a read may be sent again when an answer is slow to come: seen on n8n 1.x under load)
			expect(searches.length).toBeGreaterThan(0);
			for (const search of searches)
				expect(search.body).toEqual(
					expect.objectContaining({
						startDate: '2021-05-10T00:00:00',
						endDate: '2021-05-10T23:59:59',
						page: 1,
					}),
				);

			// 3. the tool result went back to the model: the emulator's surveys, only the selected fields
			const records = toolResult(second);
			expect(records.map((r: any) => r.surveyId).sort()).toEqual(
				truth.map((s: any) => s._id).sort(),
			);
			for (const r of records) {
				const s = truth.find((t: any) => t._id === r.surveyId);
				expect(r).toEqual({
					surveyId: s._id,
					date: new Date(`${s.surveyDate}Z`).toISOString(),
					agent: s.agent,
					queue: s.queue,
					channel: s.type,
					score_agent_satisfaction: Number(s.answers.AgentSatisfaction),
					score_service_satisfaction: Number(s.answers.ServiceSatisfaction),
				});
			}

			// 4. the agent's answer is the model's, quoting the emulator's data
			const [answer] = nodeItems(run, 'AI Agent');
			expect(answer.output).toBe(quoteSurveys(records));
			for (const s of truth) expect(answer.output).toContain(`${s._id} ${s.agent}`);
		},
	};
}

/**
 * For e2e/package.e2e.test.ts, which runs every example: the example needs an OpenAI credential
 * pointing at a scripted model, which only the suite (e2e/lib/vendorSuite.js) can import. With the
 * suite as prepare's second argument it starts a scripted model for the run.
 */
let packageModel: any;
const packageCheck = askAboutCsatCheck(() => packageModel);

export const aiAgentExampleChecks: Record<string, ExampleCheck> = {
	[ASK_ABOUT_CSAT]: {
		prepare: async (control, suite) => {
			if (!suite)
				throw new Error(
					`${ASK_ABOUT_CSAT} needs an OpenAI credential pointing at a scripted model: call prepare(control, suite)`,
				);
			if (packageModel) await packageModel.close();
			packageModel = await startOpenAiScript({ apiKey: 'sk-e2e-example' });
			await suite.importCredentials([
				{ ...ASK_ABOUT_CSAT_OPENAI, data: { apiKey: 'sk-e2e-example', url: packageModel.url } },
			]);
			await packageCheck.prepare!(control, suite);
		},
		check: async (ctx) => {
			try {
				await packageCheck.check(ctx);
			} finally {
				await packageModel?.close();
				packageModel = undefined;
			}
		},
	},
};
