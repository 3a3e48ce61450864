import type { ICredentialType, INodeType } from 'n8n-workflow';
import { join } from 'node:path';

/** The package as it ships: what `npm run build` wrote to dist/ (bench/run.ts builds first). */
export const ROOT = join(__dirname, '..', '..');
/** BENCH_DIST: another build folder, e.g. one no other process rebuilds while the benchmark runs. */
export const DIST = process.env.BENCH_DIST
	? join(ROOT, process.env.BENCH_DIST)
	: join(ROOT, 'dist');

/** The one class a dist/ module exports, e.g. dist('nodes/WesalPortal/WesalPortal.node'). */
export function fromDist<T = INodeType>(file: string): new () => T {
	const exported = require(join(DIST, `${file}.js`)) as Record<string, new () => T>;
	const classes = Object.values(exported).filter((value) => typeof value === 'function');
	if (classes.length !== 1)
		throw new Error(`${file} should export one class, found ${classes.length}`);
	return classes[0];
}

export const credentialFromDist = (file: string) =>
	fromDist<ICredentialType>(`credentials/${file}`);
