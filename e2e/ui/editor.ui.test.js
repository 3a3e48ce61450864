/**
 * The editor as a user sees it (issue 19): real n8n with our packed package installed the way
 * `npm start` installs it (e2e/lib/stack.js: the emulator's credentials and examples/ imported),
 * driven by headless Chromium (e2e/ui/lib/chromium.js) through n8n's own sign-in page.
 *
 *   a. the node panel's search finds our nodes for the words users type (SMS, CSAT, 2FA, …)
 *   b. every node's panel opens without an error and its dropdowns load from the emulator
 *   c. a credential with a wrong secret shows the vendor's own message when n8n tests it
 *   d. the "Low CSAT alert" example runs from the editor; its output table holds the emulator's truth
 *   e. every node's Docs link leads to a README.md anchor that exists (README read now)
 *   plus the five vendors' icons side by side at canvas sizes, in light and dark themes.
 *
 * Screenshots of every step: .cache/ui-artefacts/<version>/ (git-ignored). One n8n version per
 * run: E2E_N8N_VERSION (e2e/ui/run.js sets it).
 */
/* global expect */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGE_NAME } = require('../lib/install');
const { DEMO_VERSION } = require('../lib/versions');
const { DEFAULT_OWNER, waitFor } = require('../lib/n8n');
const { startEmulator } = require('../lib/emulator');
const { startStack, EXAMPLES_DIR } = require('../lib/stack');
const { launchBrowser } = require('./lib/chromium');
const { Editor, until } = require('./lib/editor');
const { dropdownPlan } = require('./lib/dropdowns');
const { readmeAnchors, docsUrlProblem } = require('./lib/readme');
const { vendorIcons, iconSheetHtml, iconDistinctness, SIZES } = require('./lib/iconSheet');

const version = process.env.E2E_N8N_VERSION || DEMO_VERSION;
const ARTEFACTS = path.join(ROOT, '.cache', 'ui-artefacts', version);
const VENDORS = ['Wesal VoC', 'Wesal Portal', 'WeClever', 'Wolkvox', 'Welcorp'];

/** What a user types in the node panel, and the vendors whose nodes must be listed. */
const SEARCHES = [
	['SMS', ['Welcorp']],
	['text message', ['Welcorp']],
	['survey', ['Wesal VoC', 'Wesal Portal', 'Wolkvox']],
	['CSAT', ['Wesal VoC', 'Wesal Portal', 'WeClever', 'Wolkvox']],
	['NPS', ['Wesal VoC']],
	['feedback', ['Wesal VoC', 'Wesal Portal', 'WeClever', 'Wolkvox']],
	['2FA', ['Welcorp']],
	['voice call', ['Welcorp', 'Wolkvox']],
	['fax', ['Welcorp']],
	...VENDORS.map((vendor) => [vendor, [vendor]]),
];

/** The displayName of every node source (nodes/<Vendor>/<Name>.node.ts), read when the tests are collected. */
function nodeDisplayNames() {
	const dir = path.join(ROOT, 'nodes');
	return fs
		.readdirSync(dir)
		.flatMap((d) =>
			fs.statSync(path.join(dir, d)).isDirectory()
				? fs
						.readdirSync(path.join(dir, d))
						.filter((f) => f.endsWith('.node.ts'))
						.map((f) => fs.readFileSync(path.join(dir, d, f), 'utf8'))
				: [],
		)
		.map((source) => /displayName:\s*'([^']+)'/.exec(source)?.[1])
		.filter(Boolean)
		.sort();
}

const LOW_CSAT_EXAMPLE = 'wesal-voc-low-csat-alert.json';

function say(msg) {
	process.stdout.write(`[ui ${version}] ${msg}\n`);
}

const slugOf = (s) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** The vendors a list of node panel items names (an item is "Wesal VoC", "Welcorp Callback", …). */
const vendorsListed = (names) =>
	VENDORS.filter((vendor) => names.some((n) => n === vendor || n.startsWith(`${vendor} `)));

const ctx = {
	emulator: undefined,
	stack: undefined,
	browser: undefined,
	editor: undefined,
	/** our node types as the editor gets them (/types/nodes.json), Tool variants left out */
	nodes: [],
	/** our credential types as the editor gets them */
	credentialTypes: [],
	/** the workflow with one of each of our nodes (created by the suite) */
	probeId: undefined,
};

beforeAll(async () => {
	const started = Date.now();
	fs.rmSync(ARTEFACTS, { recursive: true, force: true });
	fs.mkdirSync(ARTEFACTS, { recursive: true });
	ctx.emulator = await startEmulator();
	ctx.stack = await startStack({ version, emulator: ctx.emulator, progress: say });
	const { nodes, credentials } = await ctx.stack.n8n.types();
	const declared = new Set(ctx.stack.types.nodes);
	ctx.nodes = nodes
		.filter((n) => declared.has(n.name))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	ctx.credentialTypes = credentials.filter((c) => ctx.stack.types.credentials.includes(c.name));
	ctx.browser = await launchBrowser();
	const page = await ctx.browser.context.newPage();
	ctx.editor = new Editor(page, { baseUrl: ctx.stack.n8n.url, artefacts: ARTEFACTS });
	// as a user: n8n's sign-in page, the owner the stack created
	await page.goto(`${ctx.stack.n8n.url}/signin`);
	await page.locator('input[type="password"]').first().waitFor({ timeout: 60_000 });
	await ctx.editor.screenshot('sign-in');
	await ctx.editor.signIn(DEFAULT_OWNER);
	await page.waitForLoadState('networkidle').catch(() => {});
	// the editor follows the browser's colour scheme (light unless a test switches it)
	await page.evaluate(() => localStorage.setItem('N8N_THEME', 'system'));
	say(`n8n and the browser ready in ${Math.round((Date.now() - started) / 1000)} s`);
}, 900_000);

afterAll(async () => {
	if (ctx.browser) await ctx.browser.close().catch(() => {});
	if (ctx.stack) {
		await ctx.stack.n8n.stop();
		if (!process.env.E2E_KEEP) fs.rmSync(ctx.stack.userFolder, { recursive: true, force: true });
	}
	if (ctx.emulator) await ctx.emulator.close();
	say(`screenshots in ${path.relative(ROOT, ARTEFACTS)}`);
}, 120_000);

describe(`n8n ${version} editor`, () => {
	test('signed in through the sign-in page', async () => {
		const { editor } = ctx;
		expect(new URL(editor.page.url()).pathname).not.toContain('signin');
		await editor.screenshot('signed-in');
	});

	describe('a. the node panel search finds our nodes', () => {
		beforeAll(async () => {
			await ctx.editor.newWorkflow();
			await ctx.editor.openNodeCreator();
		});
		afterAll(async () => ctx.editor.closeNodeCreator());

		test.each(SEARCHES)('"%s" lists %j', async (query, vendors) => {
			const names = await ctx.editor.searchNodes(query, {
				until: (listed) => vendors.every((v) => vendorsListed(listed).includes(v)),
			});
			await ctx.editor.screenshot(`search-${slugOf(query)}`);
			expect({ query, vendors: vendorsListed(names) }).toEqual({
				query,
				vendors: expect.arrayContaining(vendors),
			});
		});
	});

	describe('b + e. every node panel: no error, dropdowns loaded from the emulator, Docs link', () => {
		let anchors;

		beforeAll(async () => {
			anchors = readmeAnchors();
			const nodes = ctx.nodes.map((n, i) => {
				return {
					id: `ui-probe-${i + 1}`,
					name: n.displayName,
					type: n.name,
					typeVersion: Array.isArray(n.version) ? Math.max(...n.version) : n.version,
					position: [(i % 6) * 220, Math.floor(i / 6) * 240],
					parameters: {},
					...credentialOf(n),
				};
			});
			const wf = await ctx.stack.n8n.createWorkflow({
				name: 'UI suite: every node',
				nodes,
				connections: {},
				settings: { executionOrder: 'v1' },
			});
			ctx.probeId = wf.id;
			await ctx.editor.openWorkflow(ctx.probeId);
			await ctx.editor.screenshot('every-node-canvas');
		});

		test('the editor knows every node of the package', () => {
			expect(ctx.nodes.map((n) => n.displayName).sort()).toEqual(nodeDisplayNames());
			expect(ctx.nodes.map((n) => n.displayName)).toEqual(expect.arrayContaining(VENDORS));
		});

		test.each(
			// evaluated when the tests are collected: names come from the package's codex files
			fs.readdirSync(path.join(ROOT, 'nodes')).flatMap((dir) =>
				fs
					.readdirSync(path.join(ROOT, 'nodes', dir))
					.filter((f) => f.endsWith('.node.json'))
					.map((f) => [path.join('nodes', dir, f)]),
			),
		)('%s: Docs links to a README.md anchor', (file) => {
			const codex = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
			const urls = [
				...(codex.resources?.primaryDocumentation ?? []),
				...(codex.resources?.credentialDocumentation ?? []),
			].map((d) => d.url);
			expect(urls.length).toBeGreaterThan(0);
			expect(urls.map((url) => [url, docsUrlProblem(url, anchors) ?? 'ok'])).toEqual(
				urls.map((url) => [url, 'ok']),
			);
		});

		test.each(nodeDisplayNames().map((name) => [name]))(
			'%s: the panel opens, its dropdowns load, its Docs link resolves',
			async (displayName) => {
				const { editor } = ctx;
				const description = ctx.nodes.find((n) => n.displayName === displayName);
				expect(description).toBeDefined();
				const errorsBefore = editor.pageErrors.length;
				try {
					const ndv = await editor.openNode(displayName);
					await editor.screenshot(`panel-${slugOf(displayName)}`);

					// e. the Docs link: the node's documentationUrl as it is, else the codex URL with n8n's
					// "?utm_…" appended (after the #anchor, where GitHub no longer finds the heading)
					const href = await editor.docsLink();
					const shown = href.split(/[?&]utm_source=/)[0];
					if (shown !== href && shown.includes('#'))
						say(
							`${displayName}: the editor's Docs link is ${href} (n8n puts its ?utm_… after the #anchor; a documentationUrl in the node's description is shown as it is)`,
						);
					expect({ href: shown, problem: docsUrlProblem(shown, anchors) }).toEqual({
						href:
							description.documentationUrl ??
							description.codex.resources.primaryDocumentation[0].url,
						problem: undefined,
					});

					// b. every dropdown that loads its options from the service, operation by operation
					const loaded = [];
					for (const combo of dropdownPlan(description, { onceEach: true })) {
						if (!combo.fields.length) continue;
						if (combo.resource)
							await editor.selectParameter(ndv, combo.resourceLabel, combo.resource.name);
						if (combo.operation)
							await editor.selectParameter(ndv, combo.operationLabel, combo.operation.name);
						for (const field of combo.fields) {
							let scope = ndv;
							for (const step of field.steps) {
								if (step.collection) {
									const block = await editor.field(scope, step.collection);
									const added = await editor
										.field(block, step.add, { timeoutMs: 500 })
										.then(() => true)
										.catch(() => false);
									if (!added) await editor.addCollectionOption(block, step.add);
									scope = await editor.field(block, step.add);
								} else {
									await editor.addFixedCollectionEntry(scope, step.group);
								}
							}
							const result = await editor.loadDropdown(await editor.field(scope, field.label));
							const where = [combo.resource?.name, combo.operation?.name, field.label]
								.filter(Boolean)
								.join(' → ');
							await editor.screenshot(`panel-${slugOf(displayName)}-${slugOf(where)}`);
							say(
								`${displayName}: ${where}: ${result.items.length} items${result.error ? ` (${result.error})` : ''}`,
							);
							loaded.push({
								where,
								kind: result.kind,
								error: result.error,
								items: result.items.length,
							});
						}
					}
					expect(loaded.filter((l) => l.error || l.items === 0)).toEqual([]);
					expect({
						toasts: await editor.errorToasts(),
						pageErrors: editor.pageErrors.slice(errorsBefore),
					}).toEqual({
						toasts: [],
						pageErrors: [],
					});
				} finally {
					await editor.closeNode().catch(() => {});
				}
			},
		);
	});

	describe("c. a wrong secret: the credential test shows the vendor's own message", () => {
		const cases = () =>
			ctx.credentialTypes.map((type) => {
				// the fixture of that type (Wesal VoC: the API token one)
				const fixtures = ctx.stack.credentials.filter((c) => c.type === type.name);
				const fixture = fixtures.find((c) => c.data.authMode === 'apiToken') ?? fixtures[0];
				return { type, fixture };
			});

		test('every credential type of the package has a fixture', () => {
			expect(
				cases()
					.filter((c) => !c.fixture)
					.map((c) => c.type.name),
			).toEqual([]);
			expect(cases().length).toBe(VENDORS.length);
		});

		test.each(VENDORS)('%s', async (vendor) => {
			const { editor } = ctx;
			const found = cases().find((c) => c.type.displayName.startsWith(vendor));
			expect(found?.fixture).toBeDefined();
			const { type, fixture } = found;
			const visible = type.properties.filter(
				(p) =>
					p.typeOptions?.password &&
					p.type !== 'hidden' &&
					p.name in fixture.data &&
					(!p.displayOptions?.show ||
						Object.entries(p.displayOptions.show).every(([k, vs]) => vs.includes(fixture.data[k]))),
			);
			const secret = visible[0];
			expect(secret).toBeDefined();
			const wrong = `wrong-${secret.name}-${Date.now().toString(36)}`;
			const data = { ...fixture.data, [secret.name]: wrong };

			const t0 = Date.now();
			const modal = await editor.newCredential(type.displayName);
			const t1 = Date.now();
			await editor.fillCredential(modal, type.properties, data);
			await editor.screenshot(`credential-${slugOf(vendor)}-filled`, { locator: modal });
			const t2 = Date.now();
			const shown = await editor.saveCredentialAndReadTest(modal);
			await editor.screenshot(`credential-${slugOf(vendor)}-tested`, { locator: modal });
			const t3 = Date.now();
			await editor.closeModal(modal);
			say(
				`${vendor} credential: opened ${t1 - t0} ms, filled ${t2 - t1} ms, tested ${t3 - t2} ms, closed ${Date.now() - t3} ms`,
			);

			// what n8n's credential test answers for the same data (the editor's "Retry" calls it)
			const answer = await ctx.stack.n8n.testCredential({
				id: fixture.id,
				name: fixture.name,
				type: type.name,
				data,
			});
			expect(answer.status).toBe('Error');
			expect(shown.ok).toBe(false);
			const norm = (s) => s.replace(/\s+/g, ' ').trim();
			expect(norm(shown.message)).toContain(norm(answer.message));
			expect(shown.message).toContain(vendor);
			expect(shown.message).not.toContain(wrong);
			if (vendor === 'Wesal VoC') {
				// the emulator's own words for a wrong token, asked directly
				const { emulatorMessage } = await wesalVocLoginRefusal(fixture.data, wrong);
				expect(shown.message).toContain(emulatorMessage);
			}
		});
	});

	test('d. the "Low CSAT alert" example runs from the editor and its output table holds the low surveys', async () => {
		const { editor, stack, emulator } = ctx;
		const control = emulator.control;
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, LOW_CSAT_EXAMPLE), 'utf8'));
		const { trigger, output } = manualPath(workflow);
		const exampleCheck = exampleChecks()[LOW_CSAT_EXAMPLE];

		await control.reset();
		if (exampleCheck?.prepare) await exampleCheck.prepare(control);
		const before = new Set((await stack.n8n.executions(workflow.id)).map((e) => String(e.id)));

		await editor.openWorkflow(workflow.id);
		await editor.screenshot('low-csat-canvas');
		await editor.executeFromTrigger(trigger);
		const summary = await waitFor(
			'the execution started from the editor to finish',
			async () =>
				(await stack.n8n.executions(workflow.id)).find(
					(e) =>
						!before.has(String(e.id)) &&
						['success', 'error', 'crashed', 'canceled'].includes(e.status),
				),
			120_000,
		);
		await editor.page.waitForTimeout(1000);
		await editor.screenshot('low-csat-ran');
		expect(summary.status).toBe('success');

		await editor.openNode(output);
		const table = await editor.outputTable();
		await editor.screenshot('low-csat-output', { locator: table.panel });
		await editor.closeNode();

		// the emulator's truth: the surveys of the 24 hours before the run with a score of 2 or less
		const run = await executionRun(stack.n8n, summary.id);
		const { surveys } = await control.vendor('wesal-voc').get('surveys');
		const ids = new Set(surveys.map((s) => String(s._id)));
		const idColumn = table.headers.find(
			(h) => table.rows.length && table.rows.every((r) => ids.has(String(r[h]))),
		);
		expect({ headers: table.headers, idColumn }).toEqual({
			headers: table.headers,
			idColumn: expect.any(String),
		});
		const shown = table.rows.map((r) => String(r[idColumn])).sort();
		const candidates = windowEndsOf(run, surveys).map((end) =>
			surveys
				.filter((s) => inLast24h(s, end) && isLow(s))
				.map((s) => String(s._id))
				.sort(),
		);
		const match = candidates.find((want) => JSON.stringify(want) === JSON.stringify(shown));
		expect(shown.length).toBeGreaterThan(0);
		expect(shown).toEqual(match ?? candidates[0]);
		expect(table.count).toBe(shown.length);

		// the table is the node's output, and that output passes the example's own ground-truth check
		const items = run.data.resultData.runData[output][0].data.main[0].map((i) => i.json);
		expect(shown).toEqual(items.map((i) => String(i[idColumn])).sort());
		if (exampleCheck) await exampleCheck.check({ run, control });
	});

	describe('icons: five vendors told apart at canvas size, light and dark', () => {
		const icons = vendorIcons();

		test('one light and one dark hand-written SVG per vendor, small, no text', () => {
			expect(icons.map((i) => i.vendor).sort()).toEqual([...VENDORS].sort());
			for (const icon of icons) {
				for (const file of [icon.light, icon.dark]) {
					const svg = fs.readFileSync(file, 'utf8');
					expect({
						file,
						size: svg.length <= 2500,
						viewBox: /viewBox="0 0 \d+ \d+"/.test(svg),
						text: /<text|<image|base64/.test(svg),
					}).toEqual({ file, size: true, viewBox: true, text: false });
				}
				expect(fs.readFileSync(icon.light, 'utf8')).not.toEqual(fs.readFileSync(icon.dark, 'utf8'));
			}
		});

		test('side by side at 16, 24, 32 and 48 px: distinct colours and shapes', async () => {
			const page = await ctx.browser.context.newPage();
			try {
				await page.setViewportSize({ width: 760, height: 820 });
				await page.setContent(iconSheetHtml(icons));
				await ctx.editor.screenshot('icons-side-by-side', { locator: page.locator('body') });
				for (const theme of ['light', 'dark'])
					for (const size of SIZES) {
						const { pairs } = await iconDistinctness(page, icons, { size, theme });
						// colour: at least 30° apart on the colour wheel; shape: never the same silhouette
						expect({
							theme,
							size,
							close: pairs.filter((p) => p.hueDistance < 30 || p.shapeOverlap > 0.9),
						}).toEqual({
							theme,
							size,
							close: [],
						});
					}
			} finally {
				await page.close();
			}
		});

		test('on the canvas, light and dark theme', async () => {
			const { editor } = ctx;
			const wf = await ctx.stack.n8n.createWorkflow({
				name: 'UI suite: the five vendors',
				nodes: VENDORS.map((vendor, i) => {
					const node = ctx.nodes.find((n) => n.displayName === vendor);
					return {
						id: `ui-icons-${i + 1}`,
						name: vendor,
						type: node.name,
						typeVersion: 1,
						position: [i * 200, 0],
						parameters: {},
						...credentialOf(node),
					};
				}),
				connections: {},
				settings: { executionOrder: 'v1' },
			});
			try {
				await editor.openWorkflow(wf.id);
				for (const theme of ['light', 'dark']) {
					await editor.setTheme(theme);
					const fit = editor.page.locator('[data-test-id="zoom-to-fit"]').first();
					if (await fit.isVisible()) await fit.click();
					// zoom to fit animates: measure until the nodes stand still
					let boxes = [];
					await until('the canvas to settle', async () => {
						await editor.page.waitForTimeout(400);
						const now = await Promise.all(VENDORS.map((v) => editor.canvasNode(v).boundingBox()));
						const still = JSON.stringify(now) === JSON.stringify(boxes);
						boxes = now;
						return still && now.every(Boolean);
					});
					const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 40);
					const y = Math.min(...boxes.map((b) => b.y)) - 20;
					const right = Math.max(...boxes.map((b) => b.x + b.width)) + 100;
					const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 70;
					await editor.screenshot(`icons-canvas-${theme}`, {
						clip: { x, y: Math.max(0, y), width: right - x, height: bottom - Math.max(0, y) },
					});
				}
			} finally {
				await editor.setTheme('light');
			}
		});
	});
});

// ---------- helpers ----------

/** `{ credentials }` of a node using the first credential the stack imported for its type. */
function credentialOf(description) {
	const type = description.credentials?.[0]?.name;
	const cred = type && ctx.stack.credentials.find((c) => c.type === type);
	return cred ? { credentials: { [type]: { id: cred.id, name: cred.name } } } : {};
}

/** The manual trigger of an example and the node its path ends in (the one whose output users read). */
function manualPath(workflow) {
	const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${workflow.name} has no manual trigger to run it from the editor`);
	const next = (name) =>
		(workflow.connections[name]?.main ?? [])
			.flat()
			.filter(Boolean)
			.map((c) => c.node);
	const seen = [];
	const queue = [trigger.name];
	while (queue.length) {
		const name = queue.shift();
		if (seen.includes(name)) continue;
		seen.push(name);
		queue.push(...next(name));
	}
	const ends = seen.filter((name) => name !== trigger.name && next(name).length === 0);
	return { trigger: trigger.name, output: ends[ends.length - 1] };
}

/** Every example's ground-truth check (e2e/*.example-check.ts, see e2e/examples.checks.ts). */
function exampleChecks() {
	const dir = path.join(__dirname, '..');
	return Object.assign(
		{},
		...fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.example-check.ts'))
			.flatMap((f) => Object.values(require(path.join(dir, f)))),
	);
}

/** An execution as `n8n execute --rawOutput` gives it ({ data: IRunExecutionData, startedAt, stoppedAt }). */
async function executionRun(n8n, id) {
	// n8n stores execution data as `flatted` JSON; its own copy of flatted reads it
	const { parse } = require(require.resolve('flatted', { paths: [n8n.install.dir] }));
	const full = await n8n.request('GET', `/rest/executions/${id}`);
	const data = typeof full.data === 'string' ? parse(full.data) : full.data;
	return { data, startedAt: full.startedAt, stoppedAt: full.stoppedAt };
}

const DAY = 86_400_000;
const surveyMs = (s) =>
	Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s.surveyDate) ? s.surveyDate : `${s.surveyDate}Z`);
const inLast24h = (s, end) => surveyMs(s) >= end - DAY && surveyMs(s) <= end;
/** "Any score 2 or less": a numeric answer of 2 or less. */
const isLow = (s) =>
	Object.values(s.answers || {}).some((a) => {
		const n = String(a).trim() === '' ? NaN : Number(a);
		return Number.isFinite(n) && n <= 2;
	});

/** The ends of "the last 24 hours" the run may have used: its start, its end, and survey times between. */
function windowEndsOf(run, surveys) {
	const from = Date.parse(run.startedAt);
	const to = Date.parse(run.stoppedAt ?? run.startedAt);
	const ends = new Set([from, to]);
	for (const s of surveys) {
		const t = surveyMs(s);
		if (t >= from && t <= to) ends.add(t);
		if (t + DAY >= from && t + DAY <= to) ends.add(t + DAY);
	}
	return [...ends];
}

/** Asks the emulator directly how it refuses a Wesal VoC login with a wrong token. */
async function wesalVocLoginRefusal(data, wrong) {
	const res = await fetch(`${data.baseUrl.replace(/\/+$/, '')}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'X-Client-Id': data.clientId },
		body: JSON.stringify({ company: data.company, email: data.email, password: wrong }),
	});
	const body = await res.json();
	return { status: res.status, emulatorMessage: body.message };
}
