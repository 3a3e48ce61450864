import fs from 'node:fs';
import path from 'node:path';

/**
 * Every example workflow does its job with nodes and plain field references: users of this pack
 * build workflows by dragging nodes, not by writing JavaScript. (The E2E suite runs each example
 * against the emulator and compares its output with ground truth.)
 */
const EXAMPLES = path.join(__dirname, '..', 'examples');
const files = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));

/** Every expression (a string parameter starting with "=") anywhere in a node's parameters. */
function expressions(value: unknown): string[] {
	if (typeof value === 'string') return value.startsWith('=') ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(expressions);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(expressions);
	return [];
}

const CODE_NODES = [
	'n8n-nodes-base.code',
	'n8n-nodes-base.function',
	'n8n-nodes-base.functionItem',
];
/** Arrow functions, array and object methods, JSON juggling: code dressed as an expression. */
const CODE_IN_EXPRESSION =
	/=>|\bfunction\b|\.(filter|map|reduce|some|every|find|findIndex|forEach|flatMap|sort|split|join|slice|pop|shift)\(|\bObject\.|\bJSON\.|\bMath\./;

describe('example workflows', () => {
	it('are there', () => expect(files.length).toBeGreaterThanOrEqual(6));

	it.each(files)('%s has no Code node and no code in its expressions', (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as {
			nodes: Array<{ name: string; type: string; parameters: unknown }>;
		};
		for (const node of workflow.nodes) {
			expect(CODE_NODES).not.toContain(node.type);
			for (const text of expressions(node.parameters)) {
				expect({ node: node.name, text, code: CODE_IN_EXPRESSION.test(text) }).toEqual({
					node: node.name,
					text,
					code: false,
				});
			}
		}
	});

	it.each(files)('%s says "Publish" as n8n 2.x does, with the 1.x word beside it', (file) => {
		const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
		if (/\bactivat/i.test(text)) expect(text).toMatch(/Publish/);
	});
});
