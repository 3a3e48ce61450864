import type { IDataObject, INodeParameters } from 'n8n-workflow';

import example from '../../examples/weclever-negative-lead-follow-up.json';
import { addLeads, WeCleverSetup } from './helpers';

/**
 * examples/weclever-negative-lead-follow-up.json reads the WeClever nodes' Simplified output by
 * plain field references only. The E2E suite runs the whole workflow; here the fields it reads are
 * checked against what our nodes give with the example's own parameters.
 */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());

const nodeNamed = (name: string) => example.nodes.find((node) => node.name === name)!;

/** Every expression (a string parameter starting with "=") anywhere in a node's parameters. */
function expressions(value: unknown): string[] {
	if (typeof value === 'string') return value.startsWith('=') ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(expressions);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(expressions);
	return [];
}

const readers = ['Negative feelings dominate?', 'Format follow-up'].map(nodeNamed);
const fieldsRead = [
	...new Set(
		readers
			.flatMap((node) => expressions(node.parameters))
			.flatMap((text) => [...text.matchAll(/\$json\.(\w+)/g)].map((match) => match[1])),
	),
].sort();

const negative = {
	lead: {
		feelings: { total_messages: 5, positive_feeling: 0, neutral_feeling: 1, negative_feeling: 4 },
	},
};

describe('example: WeClever negative lead follow-up', () => {
	it('has no Code node, and its expressions are plain field references', () => {
		expect(example.nodes.map((node) => node.type)).not.toContain('n8n-nodes-base.code');
		for (const text of readers.flatMap((node) => expressions(node.parameters))) {
			expect(text).not.toMatch(/=>|\.(filter|map|reduce|find|pop|some|every|split)\(/);
			const withoutReferences = text.replace(/\{\{\s*\$json\.\w+\s*\}\}/g, '');
			expect(withoutReferences).not.toContain('{{');
		}
		expect(fieldsRead).toEqual([
			'comment',
			'customerEmail',
			'customerName',
			'customerNumber',
			'feelingMessages',
			'leadId',
			'negativeMessages',
			'score_csat',
			'sentiment',
		]);
	});

	it('Lead → Get Finalized with its parameters gives every field the workflow reads', async () => {
		const [lead] = await addLeads(setup.sb, [negative]);
		const node = nodeNamed('Leads finalized in the last 24 hours');
		const result = await setup.run(node.parameters as INodeParameters);
		expect(result.error).toBeUndefined();
		const item = result.items.find((candidate) => candidate.json.leadId === lead.weclever_lead_id);
		expect(Object.keys(item!.json)).toEqual(expect.arrayContaining(fieldsRead));
		expect(item!.json).toMatchObject({ sentiment: 'negative', negativeMessages: 4 });
	});

	it('the trigger with its parameters gives every field the workflow reads', async () => {
		const { pollTimes: _pollTimes, ...parameters } = nodeNamed('When a lead is finalized')
			.parameters as IDataObject;
		const trigger = setup.poller(parameters as INodeParameters);
		await trigger.activate();
		const [lead] = await addLeads(setup.sb, [negative]);
		const [item] = (await trigger.poll()).items;
		expect(item.json.leadId).toBe(lead.weclever_lead_id);
		expect(Object.keys(item.json)).toEqual(expect.arrayContaining(fieldsRead));
		expect(item.json.sentiment).toBe('negative');
	});
});
