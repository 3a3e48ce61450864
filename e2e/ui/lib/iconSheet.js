'use strict';
// A contact sheet of the five vendors' node icons (nodes/*/*.svg, light and dark variants) at canvas
// sizes, on n8n's light and dark backgrounds: to look at them side by side (issue 19, part 3). Pure
// HTML with the SVG files inlined as data URLs; the UI suite screenshots it with the shared browser.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SIZES = [16, 24, 32, 48];
const THEMES = [
	{
		name: 'light',
		page: '#ffffff',
		canvas: '#f5f5f5',
		node: '#ffffff',
		border: '#c4c4c4',
		text: '#222',
	},
	{
		name: 'dark',
		page: '#1c1c1c',
		canvas: '#2a2a2a',
		node: '#383838',
		border: '#6b6b6b',
		text: '#eee',
	},
];

/**
 * The icon files every node of the package uses, one per vendor, read from the nodes' sources:
 * [{ vendor: 'Wesal VoC', light: '<abs path>', dark: '<abs path>' }]. The vendor is the node's
 * displayName; icons are `icon: { light: 'file:x.svg', dark: 'file:x.dark.svg' }` in *.node.ts.
 */
function vendorIcons() {
	const nodesDir = path.join(ROOT, 'nodes');
	const out = [];
	for (const dir of fs.readdirSync(nodesDir).sort()) {
		const full = path.join(nodesDir, dir);
		if (!fs.statSync(full).isDirectory()) continue;
		const main = fs
			.readdirSync(full)
			.find((f) => f.endsWith('.node.ts') && !/Trigger\.node\.ts$/.test(f));
		if (!main) continue;
		const source = fs.readFileSync(path.join(full, main), 'utf8');
		const vendor = /displayName:\s*'([^']+)'/.exec(source)?.[1] ?? dir;
		const light = /light:\s*'file:([^']+)'/.exec(source)?.[1];
		const dark = /dark:\s*'file:([^']+)'/.exec(source)?.[1];
		if (!light || !dark) continue;
		out.push({ vendor, light: path.join(full, light), dark: path.join(full, dark) });
	}
	return out;
}

const dataUrl = (file) => `data:image/svg+xml;base64,${fs.readFileSync(file).toString('base64')}`;

/** The contact sheet as an HTML document. */
function iconSheetHtml(icons = vendorIcons()) {
	const cell = (src, size) => `<td><img src="${src}" width="${size}" height="${size}" alt=""></td>`;
	const sections = THEMES.map((t) => {
		const rows = SIZES.map(
			(size) =>
				`<tr><th>${size}px</th>${icons.map((i) => cell(dataUrl(i[t.name]), size)).join('')}</tr>`,
		).join('');
		// the way the canvas shows a node: the icon in a 100 px rounded box, with its name below
		const nodes = icons
			.map(
				(i) =>
					`<td><div class="node"><img src="${dataUrl(i[t.name])}" width="40" height="40" alt=""></div><div class="name">${i.vendor}</div></td>`,
			)
			.join('');
		return `<section class="${t.name}" style="background:${t.page};color:${t.text}">
<h2>${t.name} theme (${t.name === 'dark' ? '*.dark.svg' : '*.svg'})</h2>
<table><tr><th></th>${icons.map((i) => `<th>${i.vendor}</th>`).join('')}</tr>${rows}</table>
<div class="canvas" style="background:${t.canvas}"><table><tr>${nodes}</tr></table></div>
<style>.${t.name} .node{background:${t.node};border:2px solid ${t.border}}</style>
</section>`;
	}).join('\n');
	return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:13px/1.3 sans-serif}
section{padding:12px 16px}
h2{font-size:14px;margin:0 0 8px}
table{border-collapse:collapse}
th{font-weight:600;padding:4px 10px;text-align:center;min-width:96px}
td{padding:6px 10px;text-align:center;vertical-align:middle}
.canvas{margin-top:8px;padding:10px 0;border-radius:8px}
.node{width:100px;height:100px;border-radius:8px;display:flex;align-items:center;justify-content:center;margin:0 auto}
.name{margin-top:6px;font-size:13px}
</style></head><body>
${sections}
</body></html>`;
}

module.exports = { vendorIcons, iconSheetHtml, SIZES };

/**
 * Measures how different the icons look at `size` px, in the browser (`page`): each icon is drawn
 * on a canvas; its shape is the set of opaque pixels, its colour the mean hue of its most saturated
 * pixels. Resolves { icons: [{ vendor, hue }], pairs: [{ a, b, shapeOverlap, hueDistance }] }
 * (shapeOverlap: intersection over union of the two shapes, 1 = same silhouette).
 */
async function iconDistinctness(page, icons, { size = 32, theme = 'light' } = {}) {
	const sources = icons.map((i) => ({ vendor: i.vendor, src: dataUrl(i[theme]) }));
	return page.evaluate(
		async ({ sources, size }) => {
			const load = (src) =>
				new Promise((resolve, reject) => {
					const img = new Image();
					img.onload = () => resolve(img);
					img.onerror = reject;
					img.src = src;
				});
			const measured = [];
			for (const { vendor, src } of sources) {
				const img = await load(src);
				const canvas = document.createElement('canvas');
				canvas.width = size;
				canvas.height = size;
				const ctx = canvas.getContext('2d');
				ctx.drawImage(img, 0, 0, size, size);
				const { data } = ctx.getImageData(0, 0, size, size);
				const mask = [];
				let x = 0;
				let y = 0;
				let n = 0;
				for (let i = 0; i < data.length; i += 4) {
					const opaque = data[i + 3] > 128;
					mask.push(opaque);
					const [r, g, b] = [data[i] / 255, data[i + 1] / 255, data[i + 2] / 255];
					const max = Math.max(r, g, b);
					const min = Math.min(r, g, b);
					if (!opaque || max - min < 0.25) continue; // greys and white details carry no hue
					let h;
					if (max === r) h = ((g - b) / (max - min)) % 6;
					else if (max === g) h = (b - r) / (max - min) + 2;
					else h = (r - g) / (max - min) + 4;
					const rad = (h * 60 * Math.PI) / 180;
					x += Math.cos(rad);
					y += Math.sin(rad);
					n += 1;
				}
				const hue = n ? ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360 : null;
				measured.push({ vendor, hue: hue === null ? null : Math.round(hue), mask });
			}
			const pairs = [];
			for (let i = 0; i < measured.length; i++)
				for (let j = i + 1; j < measured.length; j++) {
					const a = measured[i];
					const b = measured[j];
					let both = 0;
					let either = 0;
					a.mask.forEach((m, k) => {
						if (m && b.mask[k]) both += 1;
						if (m || b.mask[k]) either += 1;
					});
					const d = a.hue === null || b.hue === null ? 0 : Math.abs(a.hue - b.hue);
					pairs.push({
						a: a.vendor,
						b: b.vendor,
						shapeOverlap: Math.round((both / either) * 100) / 100,
						hueDistance: Math.min(d, 360 - d),
					});
				}
			return { icons: measured.map(({ vendor, hue }) => ({ vendor, hue })), pairs };
		},
		{ sources, size },
	);
}

module.exports.iconDistinctness = iconDistinctness;
