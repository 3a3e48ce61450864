'use strict';
// The areas of mutation testing and the files each one mutates, for stryker.config.mjs (what
// Stryker mutates) and scripts/mutation.js (which files a run has measured).

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

const AREAS = [
	'nodes/shared',
	'nodes/WeClever',
	'nodes/Welcorp',
	'nodes/WesalPortal',
	'nodes/WesalVoc',
	'nodes/Wolkvox',
];

/** The shared core whole; of a vendor, its transport and trigger code. */
function patternsOf(area) {
	if (area === 'nodes/shared') return ['nodes/shared/**/*.ts'];
	return [`${area}/transport/**/*.ts`, `${area}/*Trigger.node.ts`, `${area}/trigger/**/*.ts`];
}

const walk = (dir) =>
	fs.existsSync(path.join(ROOT, dir))
		? fs
				.readdirSync(path.join(ROOT, dir), { withFileTypes: true })
				.flatMap((entry) =>
					entry.isDirectory() ? walk(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
				)
		: [];

/** The files an area's patterns name, relative to the repository, sorted. */
function filesOf(area) {
	const named = (file) =>
		patternsOf(area).some((pattern) => {
			const cut = pattern.indexOf('/*');
			const [dir, rest] = [pattern.slice(0, cut), pattern.slice(cut + 1)];
			if (!file.startsWith(`${dir}/`) || !file.endsWith('.ts')) return false;
			const inside = file.slice(dir.length + 1);
			// '**/*.ts': any depth; '*Trigger.node.ts': this folder only
			return rest.startsWith('**/')
				? true
				: !inside.includes('/') && inside.endsWith(rest.slice(1));
		});
	return walk(area).filter(named).sort();
}

module.exports = { AREAS, patternsOf, filesOf };
