'use strict';
// The anchors GitHub gives README.md: one per heading (github-slugger: lower case, punctuation
// dropped, spaces to hyphens, repeats numbered -1, -2, …) plus explicit <a id|name="…"> targets.
// Read at run time, so the Docs links are checked against the README as it is now.

const fs = require('node:fs');
const path = require('node:path');

const README = path.resolve(__dirname, '..', '..', '..', 'README.md');
const REPOSITORY = 'https://github.com/n8n-nodes-voc/n8n-nodes-voc';

/** A heading's text as GitHub renders it: markdown links, code, emphasis and HTML tags removed. */
function headingText(markdown) {
	return markdown
		.replace(/\s+#+\s*$/, '') // closing hashes
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*\*|__|\*|~~)/g, '')
		.trim();
}

/** github-slugger's slug of one heading text (without the repeat counter). */
function slug(text) {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Every anchor of a markdown document, in order. */
function anchorsOf(markdown) {
	const anchors = [];
	const seen = new Map();
	let fence = null;
	for (const line of markdown.split('\n')) {
		const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (f) {
			if (!fence) fence = f[1][0];
			else if (f[1][0] === fence) fence = null;
			continue;
		}
		if (fence) continue;
		for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.push(m[1]);
		const h = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
		if (!h) continue;
		const base = slug(headingText(h[1]));
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		anchors.push(n === 0 ? base : `${base}-${n}`);
	}
	return anchors;
}

function readmeAnchors(file = README) {
	return new Set(anchorsOf(fs.readFileSync(file, 'utf8')));
}

/**
 * Checks one documentation URL: it must be the repository's README (https://github.com/<repo>#anchor)
 * and the anchor must exist. Returns undefined when fine, else what is wrong.
 */
function docsUrlProblem(url, anchors = readmeAnchors()) {
	const hash = url.indexOf('#');
	if (hash === -1) return `${url} has no #anchor`;
	const base = url.slice(0, hash).replace(/\/+$/, '');
	if (base !== REPOSITORY) return `${url} is not a link to ${REPOSITORY}`;
	const anchor = decodeURIComponent(url.slice(hash + 1));
	if (!anchors.has(anchor)) return `README.md has no heading with the anchor #${anchor}`;
	return undefined;
}

module.exports = {
	README,
	REPOSITORY,
	anchorsOf,
	readmeAnchors,
	slug,
	headingText,
	docsUrlProblem,
};
