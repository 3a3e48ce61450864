/**
 * End-to-end, the package as a whole: our tarball installed into a real n8n the way n8n installs
 * community packages, every node and credential known, and every example workflow of examples/
 * run with `n8n execute --id` against the emulator and checked against its ground truth.
 * One n8n version per jest run: E2E_N8N_VERSION (see e2e/run.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ExampleCheck } from './examples.checks';

const { vendorSuite, version } = require('./lib/vendorSuite');
const { waitFor, sleep } = require('./lib/n8n');

/** Every example's ground-truth check, from e2e/*.example-check.ts (see e2e/examples.checks.ts). */
const exampleChecks: Record<string, ExampleCheck> = Object.assign(
	{},
	...fs
		.readdirSync(__dirname)
		.filter((f) => f.endsWith('.example-check.ts'))
		.flatMap(
			(f) => Object.values(require(path.join(__dirname, f))) as Array<Record<string, ExampleCheck>>,
		),
);

describe(`the package on n8n ${version}`, () => {
	// not UTC: the examples' dates must not depend on n8n's time zone
	const suite = vendorSuite({ timeZone: 'Asia/Riyadh' });

	describe('the package loads', () => {
		test('every node and credential of the n8n block is known to n8n', async () => {
			// read from the installed package, with n8n's own modules (zod, n8n-workflow)
			const declared: { nodes: string[]; credentials: string[] } = suite.stack.types;
			expect(declared.nodes.length).toBeGreaterThan(0);

			const described = await suite.n8n.nodeTypes(declared.nodes);
			expect(described.map((d: any) => d.name).sort()).toEqual(
				declared.nodes.map((t) => t.split('.').pop()).sort(),
			);

			const types = await suite.n8n.types();
			const nodeNames = types.nodes.map((d: any) => d.name);
			const credentialNames = types.credentials.map((d: any) => d.name);
			for (const type of declared.nodes) expect(nodeNames).toContain(type);
			for (const name of declared.credentials) expect(credentialNames).toContain(name);
		});

		test('n8n logs no load error for the package', () => {
			expect(suite.n8n.packageLoadErrors()).toEqual([]);
		});
	});

	/** A trigger-only example, published: see ExampleCheck.activate. */
	async function runPublished(id: string, check: ExampleCheck) {
		const { vendor, timeoutMs } = check.activate!;
		const polls = async () => (await suite.control.requests(vendor)).length;
		const before = await polls();
		await suite.n8n.activateWorkflow(id);
		try {
			// n8n 2.x activates in the background: the activation poll first, then the example's data
			await waitFor('the activation poll', async () => (await polls()) > before, 30_000, 250);
			await sleep(1000);
			if (check.prepare) await check.prepare(suite.control, suite);
			let failure: unknown;
			const passes = async () => {
				try {
					await check.check({ run: undefined, control: suite.control });
					return true;
				} catch (error) {
					failure = error;
					return false;
				}
			};
			await waitFor('the example to do its work', passes, timeoutMs, 2000).catch(() => {
				throw failure;
			});
		} finally {
			await suite.n8n.deactivateWorkflow(id);
		}
	}

	describe('example workflows, run with `n8n execute --id` (or published, if only a trigger starts them)', () => {
		const examples: Array<{ file: string; workflow: any }> = require('./lib/stack').listExamples();

		test('there are examples, each with a ground-truth check', () => {
			expect(examples.length).toBeGreaterThan(0);
			for (const { file } of examples)
				expect(Object.keys(exampleChecks)).toContain(path.basename(file));
		});

		for (const { file, workflow } of examples) {
			test(`${workflow.name} (${path.basename(file)})`, async () => {
				const check = exampleChecks[path.basename(file)];
				if (!check)
					throw new Error(
						`no ground-truth check for ${file}: add one in e2e/<vendor>.example-check.ts`,
					);
				await suite.control.reset();
				if (check.activate) return await runPublished(workflow.id, check);
				if (check.prepare) await check.prepare(suite.control, suite);
				const run = await suite.execute(workflow.id);
				await check.check({ run, control: suite.control });
			});
		}
	});
});
