#!/usr/bin/env node
'use strict';
// `npm run docs:images`: the README's pictures, taken from the real editor (n8n DEMO_VERSION, the
// version `npm start` runs) with our packed package, the emulator and the example workflows, the way
// `npm start` sets them up. Not part of the tests. Writes docs/images/*.png (small, cropped PNGs):
//
//   node-panel-search-csat.png        the node panel ("+") searched for "CSAT"
//   wesal-voc-get-many-panel.png      the Wesal VoC node's panel: Survey → Get Many, with its output
//   low-csat-alert-canvas.png         the "Low CSAT alert" example on the canvas after a run
//   low-csat-alert-output.png         the example's output: its alerts in the output table
//
// Options: --n8n=<version> (default: the demo version), --out=<folder> (default: docs/images);
// E2E_TARBALL=<file.tgz> installs that package instead of building and packing one.
// Needs what `npm run test:ui` needs: Debian's chromium (installed with apt-get when missing, as root).

const fs = require('node:fs');
const path = require('node:path');
const { ensureDeps } = require('./ensure-deps');

const ROOT = path.join(__dirname, '..');
const MAX_BYTES = 150 * 1024;

function option(name, fallback) {
	const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
	return arg ? arg.slice(arg.indexOf('=') + 1) : fallback;
}

function say(msg) {
	process.stdout.write(`[docs:images] ${msg}\n`);
}

async function main() {
	await ensureDeps({ log: say });
	const { DEMO_VERSION } = require('../e2e/lib/versions');
	const { ensureN8n, removePack } = require('../e2e/lib/install');
	const { startEmulator } = require('../e2e/lib/emulator');
	const { startStack, resolveTarball, EXAMPLES_DIR } = require('../e2e/lib/stack');
	const { DEFAULT_OWNER, waitFor } = require('../e2e/lib/n8n');
	const { launchBrowser, ensureChromium } = require('../e2e/ui/lib/chromium');
	const { Editor } = require('../e2e/ui/lib/editor');

	const version = option('n8n', DEMO_VERSION);
	const out = path.resolve(ROOT, option('out', path.join('docs', 'images')));
	say(`browser: ${ensureChromium()}`);
	await ensureN8n(version);
	// E2E_TARBALL: an already packed package (e.g. built under a lock shared with others)
	const { tarball, packedHere } = await resolveTarball();
	let emulator;
	let stack;
	let browser;
	const written = [];
	try {
		emulator = await startEmulator();
		stack = await startStack({ version, emulator, tarball, progress: (m) => say(m) });
		browser = await launchBrowser();
		const page = await browser.context.newPage();
		await page.setViewportSize({ width: 1280, height: 800 });
		const editor = new Editor(page, { baseUrl: stack.n8n.url, artefacts: out });
		const shot = async (name, options) => {
			const file = path.join(out, `${name}.png`);
			await editor.screenshot(name, { ...options, file });
			const bytes = fs.statSync(file).size;
			say(`${path.relative(ROOT, file)}: ${Math.round(bytes / 1024)} KB`);
			if (bytes > MAX_BYTES) say(`  (more than ${MAX_BYTES / 1024} KB: crop it further)`);
			written.push(file);
		};
		fs.mkdirSync(out, { recursive: true });
		await editor.signIn(DEFAULT_OWNER);

		const example = JSON.parse(
			fs.readFileSync(path.join(EXAMPLES_DIR, 'wesal-voc-low-csat-alert.json'), 'utf8'),
		);
		const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger').name;
		const reader = example.nodes.find((n) => n.type === 'n8n-nodes-voc.wesalVoc').name;
		const alert = example.nodes.find((n) => n.type === 'n8n-nodes-base.set')?.name;

		// 1. the node panel: what "+" lists for "CSAT" (after a first step: "What happens next?")
		await editor.openWorkflow(example.id);
		await editor.openNodeCreator();
		await editor.searchNodes('CSAT', { until: (names) => names.includes('Wolkvox') });
		await page.waitForTimeout(500);
		await shot('node-panel-search-csat', {
			locator: page.locator('[data-test-id="node-creator"]').first(),
		});
		await editor.closeNodeCreator();

		// 2 and 3. the example run from the editor, on the canvas
		const before = new Set((await stack.n8n.executions(example.id)).map((e) => String(e.id)));
		await editor.executeFromTrigger(trigger);
		await waitFor(
			'the run to finish',
			async () =>
				(await stack.n8n.executions(example.id)).find(
					(e) => !before.has(String(e.id)) && e.status !== 'running' && e.status !== 'new',
				),
			120_000,
		);
		await page.mouse.move(5, 400);
		const fit = page.locator('[data-test-id="zoom-to-fit"]').first();
		if (await fit.isVisible()) await fit.click();
		await page.waitForTimeout(1500);
		const names = example.nodes.filter((n) => !n.type.endsWith('stickyNote')).map((n) => n.name);
		const boxes = (await Promise.all(names.map((n) => editor.canvasNode(n).boundingBox()))).filter(
			Boolean,
		);
		const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 60);
		const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - 40);
		const right = Math.min(1280, Math.max(...boxes.map((b) => b.x + b.width)) + 120);
		const bottom = Math.min(800, Math.max(...boxes.map((b) => b.y + b.height)) + 50);
		// the flow alone: no sticky note cut by the crop, no run button or toast over the nodes
		const hide = await page.addStyleTag({
			content:
				'[data-test-id="sticky"], .vue-flow__panel, *:has(> [data-test-id="execute-workflow-button"]), .el-notification { visibility: hidden !important; }',
		});
		await shot('low-csat-alert-canvas', {
			clip: { x, y, width: right - x, height: bottom - y },
		});
		await hide.evaluate((tag) => tag.remove());

		// 4. the alerts in the output table
		if (alert) {
			await editor.openNode(alert);
			const table = await editor.outputTable();
			await shot('low-csat-alert-output', { locator: table.panel });
			await editor.closeNode();
		}

		// 2. one node's panel: Wesal VoC, Survey → Get Many, with the run's output
		await editor.openNode(reader);
		await page.waitForTimeout(500);
		const ndv = editor.ndv();
		const box = await ndv.boundingBox();
		// the parameters and the output, not the (empty) input column
		const params = await ndv.locator('[data-test-id="node-parameters"]').first().boundingBox();
		const left = Math.max(box.x, params.x - 16);
		await shot('wesal-voc-get-many-panel', {
			clip: { x: left, y: box.y, width: box.x + box.width - left, height: box.height },
		});
		await editor.closeNode();
	} finally {
		if (browser) await browser.close().catch(() => {});
		if (stack) {
			await stack.n8n.stop();
			fs.rmSync(stack.userFolder, { recursive: true, force: true });
		}
		if (emulator) await emulator.close();
		if (packedHere) removePack(tarball);
	}
	say(`wrote ${written.length} images to ${path.relative(ROOT, out)}`);
}

main().catch((error) => {
	console.error(`[docs:images] ${error.stack || error.message}`);
	process.exit(1);
});
