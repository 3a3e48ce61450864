import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { WesalVocFixture } from './fixture';

let fx: WesalVocFixture;

beforeAll(async () => (fx = await WesalVocFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const nodeOf = (file: string, type: string) => {
	const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as {
		nodes: Array<{ type: string; parameters: INodeParameters }>;
	};
	return workflow.nodes.find((node) => node.type === type)!;
};

describe('the Get Summary and CSAT alert examples', () => {
	it('daily CSAT by queue: the Wesal VoC node runs as saved and gives one row per queue and day', async () => {
		const node = nodeOf('wesal-voc-daily-csat-by-queue-to-sheet.json', 'n8n-nodes-voc.wesalVoc');
		const { items, error } = await fx.run(node.parameters);
		expect(error).toBeUndefined();
		for (const item of items) {
			expect(item.json).toHaveProperty('queue');
			expect(item.json).toHaveProperty('score_agent_satisfaction_csat');
		}
	});

	it('queue CSAT alert: the trigger as saved activates and polls', async () => {
		const node = nodeOf('wesal-voc-queue-csat-drop-alert.json', 'n8n-nodes-voc.wesalVocTrigger');
		const trigger = fx.poller(node.parameters);
		expect((await trigger.activate()).result).toBeNull();
		const surveys = Array.from({ length: 10 }, (_, index) => ({
			queue: 'Probe Example',
			surveyDate: new Date(Date.now() - (10 - index) * 1000).toISOString().slice(0, 19),
			answers: { AgentSatisfaction: index < 3 ? '5' : '2' },
		}));
		await fx.add(surveys);
		const polled = await trigger.poll();
		expect(polled.items.map((item) => [item.json.group, item.json.csat])).toEqual([
			['Probe Example', 30],
		]);
	});
});
